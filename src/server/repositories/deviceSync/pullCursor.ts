/**
 * A pull cursor: the server's data set (epoch), then a position in commit order —
 * change clock, kind, key. Opaque to the device.
 */
import { ApiProblem } from '../../problems';

/** The kinds in the order a page lists them within one clock value. */
export const KINDS = ['products', 'bins', 'tasks', 'operations'] as const;
export type Kind = (typeof KINDS)[number];

export interface Cursor {
  readonly epoch: string;
  readonly clock: string;
  readonly kind: number;
  readonly key: string;
}

export function encodePullCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.epoch, cursor.clock, cursor.kind, cursor.key])).toString('base64url');
}

export function decodePullCursor(text: string): Cursor {
  try {
    const [epoch, clock, kind, key] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof epoch === 'string' && typeof clock === 'string' && /^\d+$/.test(clock) && typeof kind === 'number' && typeof key === 'string') return { epoch, clock, kind, key };
  } catch {
    // fall through
  }
  throw new ApiProblem(400, 'bad-request', 'The pull cursor is not one this server made. Download the warehouse again.');
}

/** The cursor just after everything committed up to `clock`: where a device starts pulling after its download. */
export function cursorAfterClock(epoch: string, clock: string): string {
  return encodePullCursor({ epoch, clock, kind: KINDS.length, key: '' });
}
