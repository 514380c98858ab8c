/**
 * What the server keeps of a pushed step's payload. A step it could read is kept as the
 * validated operation (the schema's output: bounded, typed, free of control characters),
 * which every query may read. A step it could not read keeps its text only, as opaque
 * data in `raw_payload` that no query casts or opens: one bad step can never break a
 * query of the activity log, the rejected steps or a device's detail.
 */
import { floorOperationSchema } from '../../../protocol/operations';
import type { FloorOperation } from '../../../domain/floor/operations';
import { CONTROL_CHARACTERS } from '../../../protocol/wireText';

/** Keys sorted, so the same payload always reads the same, whatever order the device wrote its fields in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Control characters out, length bounded: text from a bad payload made fit for a reason shown to people. */
export const printable = (text: string, max = 300): string => text.replace(CONTROL_CHARACTERS, '?').slice(0, max);

export type ReadPayload =
  | { readonly ok: true; readonly op: FloorOperation; readonly stored: string }
  | { readonly ok: false; readonly detail: string; readonly raw: string };

/** Reads a payload as sent: the operation and the text kept of it, or why it cannot be read and its raw text. */
export function readPayload(payload: unknown): ReadPayload {
  const parsed = floorOperationSchema.safeParse(payload);
  if (parsed.success) return { ok: true, op: parsed.data as FloorOperation, stored: canonical(parsed.data) };
  const issue = parsed.error.issues[0];
  const detail = issue ? `${issue.path.join('.') || 'operation'}: ${issue.message}` : 'not a floor operation';
  return { ok: false, detail: printable(detail), raw: rawTextOf(payload) };
}

/** The raw text of an unreadable payload; one nested too deeply to write out is kept as that fact. */
function rawTextOf(payload: unknown): string {
  try {
    return canonical(payload === undefined ? { missing: true } : payload);
  } catch {
    return '{"unreadable":"nested too deeply"}';
  }
}

/** The text a stored step is compared by when the device sends it again. */
export const keptTextOf = (read: ReadPayload): string => (read.ok ? read.stored : read.raw);
