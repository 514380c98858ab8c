/**
 * How a push's steps are sorted before anything is applied: answered from what is stored,
 * new (to apply, in sequence), or repeated within the batch; and which cannot be recorded
 * under their id at all. Pure: the stored fates are read by pushOperations.ts.
 */
import type { OperationResult, PushedOperation } from '../../../protocol/syncMessages';
import { explain, type Why } from '../../../domain/why';
import { canonical, keptTextOf, readPayload, type ReadPayload } from './storedPayload';

/** A step new to the server, read. */
export interface FreshStep {
  readonly op: PushedOperation;
  readonly read: ReadPayload;
}

/** The same operation sent again: the same payload, time, worker and sequence number. */
function sameOperation(op: PushedOperation, keptText: string, stored: StoredFate): boolean {
  if (Number(stored.deviceSeq) !== op.deviceSeq || stored.userId !== op.userId || new Date(stored.createdAt).getTime() !== Date.parse(op.createdAt)) return false;
  // Kept as validated (or, for steps stored before that, as sent), or as opaque text when unreadable.
  const storedText = stored.rawPayload ?? canonical(stored.payload);
  return storedText === keptText || (stored.rawPayload === null && storedText === canonical(op.payload));
}

export interface StoredFate {
  readonly opId: string;
  readonly deviceId: string;
  readonly deviceSeq: string;
  readonly payload: unknown;
  readonly rawPayload: string | null;
  readonly userId: string;
  readonly createdAt: Date;
  readonly status: OperationResult['status'];
  readonly why: Why | null;
  readonly message: string | null;
  readonly clock: string;
}

/**
 * Sorts a batch's steps: those answered from what is stored, the new ones to apply (in
 * sequence, from `next`), and the repeats of a new one within the batch (answered as it
 * is). A step that cannot be recorded under its id (the id is another device's, or names
 * another step) takes its place in the sequence with its refusal, so the queue behind
 * it moves on. A gap or a reorder stops the batch there; the device re-sends from `next`.
 */
export function triage(operations: readonly PushedOperation[], stored: ReadonlyMap<string, StoredFate>, deviceId: string, first: number) {
  let next = first;
  const fresh: FreshStep[] = [];
  const answered: OperationResult[] = [];
  const repeats: PushedOperation[] = [];
  const inBatch = new Map<string, { op: PushedOperation; text: string }>();
  for (const op of operations) {
    const read = readPayload(op.payload);
    const text = keptTextOf(read);
    const seen = stored.get(op.opId);
    const earlier = inBatch.get(op.opId);
    const refusal = seen && seen.deviceId !== deviceId ? refused(op, { code: 'op-id-elsewhere', opId: op.opId }, 'rejected')
      : seen && !sameOperation(op, text, seen) ? refused(op, { code: 'op-id-reused', opId: op.opId }, 'conflict')
      : earlier && !(earlier.op.deviceSeq === op.deviceSeq && earlier.text === text && earlier.op.userId === op.userId && earlier.op.createdAt === op.createdAt) ? refused(op, { code: 'op-id-reused', opId: op.opId }, 'conflict')
      : null;
    if (refusal) {
      if (op.deviceSeq > next) break;
      if (op.deviceSeq === next) next += 1;
      answered.push(refusal);
    } else if (seen) {
      answered.push({ opId: op.opId, deviceSeq: op.deviceSeq, status: seen.status, why: seen.why, message: seen.message, clock: seen.clock });
    } else if (earlier) {
      repeats.push(op);
    } else {
      if (op.deviceSeq !== next) break;
      fresh.push({ op, read });
      inBatch.set(op.opId, { op, text });
      next += 1;
    }
  }
  return { fresh, answered, repeats, next };
}

function refused(op: PushedOperation, why: Why, status: 'rejected' | 'conflict'): OperationResult {
  return { opId: op.opId, deviceSeq: op.deviceSeq, status, why, message: explain(why), clock: null };
}
