/**
 * A device's push: its operations, in its sequence, applied each exactly once.
 *
 * Invariants (all inside one transaction per batch, acknowledged only once durable):
 * - An operation id seen before returns its stored fate; the same id with another
 *   payload is refused (conflict) and records nothing. An id another device holds is
 *   refused (rejected) to the device that reused it; a repeat within the batch gets the
 *   first one's answer (pushTriage.ts). A step refused for its id takes its place in the
 *   sequence, so the queue behind it moves on.
 * - The device's sequence advances by one per new operation, rejected ones included,
 *   so one bad operation never blocks those behind it. A gap or a reorder stops the
 *   batch there; the answer names the sequence number to re-send from.
 * - Every step is checked against the sender's rights (domain/ledger/stepRights) and a
 *   bin's bounds before it changes anything; what cannot apply is rejected with a reason,
 *   never answered 500.
 * - Locks are taken in the one order every writer keeps (../lockOrder.ts): the device's
 *   row, the batch's op ids, bins, tasks, the clock. Two tabs, two servers or a retry
 *   racing the original wait their turn and then find the work done.
 */
import type { Database, Queryable } from '../../storage/database';
import type { PushRequest, PushResponse, OperationResult, PushedOperation } from '../../../protocol/syncMessages';
import { applyOperation, type IncomingOperation, type Outcome } from '../../../domain/ledger/applyOperations';
import { LedgerWork } from '../../../domain/ledger/ledgerWork';
import { settleWaitingReviews } from '../../../domain/ledger/reviewRecompute';
import { explain, type Why } from '../../../domain/why';
import { binsTouched, type FloorOperation } from '../../../domain/floor/operations';
import type { WarehouseSettings } from '../../../domain/floor/warehouseSettings';
import { readWarehouseSettings, takeChangeClock } from './changeClock';
import { settingsColumns, settingsOf, type SettingsRow } from '../warehouseSettingsColumns';
import { readLedgerSnapshot } from './ledgerSnapshot';
import { binsClocked, writeClockedChanges, writeLedgerEntries } from './ledgerWrites';
import { triage, type FreshStep, type StoredFate } from './pushTriage';
import type { Doer } from '../../../domain/ledger/stepRights';

export interface PushInput {
  readonly deviceId: string;
  readonly request: PushRequest;
  readonly now: Date;
  /** The signed-in user who sent the batch: every step is checked against their rights (domain/ledger/stepRights). */
  readonly doer: Doer;
}

export async function pushOperations(db: Database, { deviceId, request, now, doer }: PushInput): Promise<PushResponse> {
  const offsetMs = now.getTime() - Date.parse(request.sentAt);
  const opIds = [...new Set(request.operations.map((op) => op.opId))];
  return db.transaction(async (tx) => {
    // Lock order (every writer): the device, then the batch's op ids, then bins, then tasks (both sorted), then the warehouse's clock.
    const [device] = await tx.query<SettingsRow & { lastSeq: string }>(
      `select d.last_seq::text as "lastSeq", ${settingsColumns('w')}
         from devices d join warehouses w on w.id = $2 where d.device_id = $1 for update of d`,
      [deviceId, request.warehouseId],
    );
    // Two devices sending one op id at once take turns here: the second then finds it stored, another device's.
    await tx.query('select pg_advisory_xact_lock(k) from (select distinct hashtextextended(id, 12) as k from unnest($1::text[]) as id order by 1) as ids', [opIds]);
    const stored = new Map(
      (
        await tx.query<StoredFate>(
          `select o.op_id::text as "opId", o.device_id as "deviceId", o.device_seq::text as "deviceSeq", o.payload, o.raw_payload as "rawPayload", o.user_id as "userId",
                  o.created_at as "createdAt", o.status, o.why, o.message,
                  coalesce(o.changed_at, (select b.clock from push_batches b where b.device_id = o.device_id and o.device_seq between b.first_seq and b.last_seq))::text as clock
             from operations o where o.op_id = any($1::uuid[])`,
          [opIds],
        )
      ).map((row) => [row.opId, row]),
    );

    let lastSeq = Number(device?.lastSeq ?? 0);
    // A device new to this data set (a new server, or one whose data was reset) keeps its
    // numbering: what it sent before went to another data set.
    if (lastSeq === 0 && request.sequenceStartsAt !== undefined) lastSeq = request.sequenceStartsAt - 1;
    const { fresh, answered, repeats, next } = triage(request.operations, stored, deviceId, lastSeq + 1);
    // The device's row, locked since the batch began, is written before the clock is taken, not while it is held.
    await tx.query('update devices set last_seq = greatest(last_seq, $2), last_seen_at = $3, warehouse_id = $4 where device_id = $1', [deviceId, next - 1, now, request.warehouseId]);
    const results: OperationResult[] = [...answered];
    if (fresh.length > 0) {
      const settings: WarehouseSettings = device ? settingsOf(device) : await readWarehouseSettings(tx, request.warehouseId);
      const { fates: outcomes, clock } = await applyFresh(tx, request.warehouseId, deviceId, fresh, offsetMs, settings, now.getTime(), doer);
      for (const { op } of fresh) results.push(resultOf(op, outcomes.get(op.opId)!, clock));
      for (const op of repeats) results.push(resultOf(op, outcomes.get(op.opId)!, clock));
    }
    return { results: results.sort((a, b) => a.deviceSeq - b.deviceSeq), nextSeq: next, serverTime: now.toISOString() };
  });
}

/** The bins an operation touches (an undo: its step's). */
function binTouched(op: FloorOperation, work: LedgerWork): string[] {
  return binsTouched(op, op.type === 'undo' ? (work.known.get(op.undoesOpId)?.op ?? null) : null);
}

const FIRST_HOLDABLE_MS = Date.parse('0001-01-01T00:00:00Z');

/** Whether the ledger can place a moment: after the opening stock (the epoch) and not beyond a day ahead of the server. */
const placeable = (ms: number, nowMs: number) => ms > 0 && ms <= nowMs + 86_400_000;

/**
 * Why a step's moments (done, and a count's start) cannot be placed on the server's
 * clock, or null. A device whose clock is wrong (reset to 1970 after a flat battery)
 * is fine: its offset corrects it. Only times the offset cannot make sense of are refused,
 * so they never reach the database as dates it cannot hold.
 */
function timeOutOfPlace(op: FloorOperation, createdMs: number, offsetMs: number, nowMs: number): string | null {
  const moments = [['createdAt', createdMs] as const, ...(op.type === 'count' ? [['startedAt', Date.parse(op.startedAt)] as const] : [])];
  const bad = moments.find(([, ms]) => !placeable(ms + offsetMs, nowMs));
  return bad ? `${bad[0]}: ${new Date(bad[1]).toISOString()} falls outside any time the server can place (the device's clock differs from the server's by ${Math.round(offsetMs / 60_000)} minutes)` : null;
}


function resultOf(op: PushedOperation, outcome: { status: OperationResult['status']; why: Why | null }, clock: string): OperationResult {
  return { opId: op.opId, deviceSeq: op.deviceSeq, status: outcome.status, why: outcome.why, message: outcome.why ? explain(outcome.why) : null, clock };
}

/** Applies the new operations of the batch and writes them with their fates; returns each one's final fate. */
async function applyFresh(
  tx: Queryable,
  warehouseId: string,
  deviceId: string,
  fresh: readonly FreshStep[],
  offsetMs: number,
  settings: WarehouseSettings,
  nowMs: number,
  doer: Doer,
): Promise<{ fates: Map<string, { status: OperationResult['status']; why: Why | null }>; clock: string }> {
  const valid: IncomingOperation[] = [];
  const badPayload = new Map<string, Why>();
  for (const { op, read } of fresh) {
    const unplaceable = read.ok ? timeOutOfPlace(read.op, Date.parse(op.createdAt), offsetMs, nowMs) : null;
    if (!read.ok) badPayload.set(op.opId, { code: 'op-bad-payload', detail: read.detail });
    else if (unplaceable) badPayload.set(op.opId, { code: 'op-bad-payload', detail: unplaceable });
    else valid.push({ opId: op.opId, deviceId, userId: op.userId, op: read.op, deviceAt: Date.parse(op.createdAt), offsetMs });
  }
  // Locks what the batch touches, reads it and decides; only the writes wait for the clock.
  const work = new LedgerWork(await readLedgerSnapshot(tx, warehouseId, valid, settings));
  const outcomes = new Map<string, Outcome>();
  for (const incoming of valid) outcomes.set(incoming.opId, applyOperation(work, incoming, doer));
  // Work done before a count in review that arrives after it: the review's book is recomputed, and settles when it now fits.
  settleWaitingReviews(work);

  const fates = new Map<string, { status: OperationResult['status']; why: Why | null }>();
  for (const { op } of fresh) {
    const bad = badPayload.get(op.opId);
    const outcome = outcomes.get(op.opId);
    // A later undo in the same batch may have taken an applied step back.
    const status = bad ? 'rejected' : work.known.get(op.opId)!.status;
    fates.set(op.opId, { status, why: bad ?? (outcome?.status === 'rejected' ? outcome.why : null) });
  }
  // A step read is kept as validated; one that could not be read keeps only its text, which no query opens (storedPayload.ts).
  const operations = {
    deviceId,
    json: JSON.stringify(
      fresh.map(({ op, read }) => {
        const fate = fates.get(op.opId)!;
        const occurredMs = placeable(Date.parse(op.createdAt) + offsetMs, nowMs) ? Date.parse(op.createdAt) + offsetMs : nowMs;
        return {
          op: op.opId, seq: op.deviceSeq, user_id: op.userId, type: read.ok ? read.op.type : 'unreadable',
          payload: read.ok ? read.op : null, raw: read.ok ? null : read.raw,
          // Year 0 is a valid ISO date but not one PostgreSQL holds.
          created: Date.parse(op.createdAt) >= FIRST_HOLDABLE_MS ? op.createdAt : new Date(occurredMs).toISOString(),
          occurred: new Date(occurredMs).toISOString(), status: fate.status, why: fate.why, message: fate.why ? explain(fate.why) : null,
        };
      }),
    ),
  };
  // The operations first (short picks and reviews refer to them), with the movements.
  await writeLedgerEntries(tx, warehouseId, work, operations);
  // Only now the warehouse's clock: other devices' batches wait for it just while the few rows below are written.
  // The bins' clock and the batch's record go in the clock's own statement: the clock is held to the commit.
  const bins = binsClocked(work, valid.flatMap(({ op }) => binTouched(op, work)));
  const { clock } = await takeChangeClock(tx, warehouseId, { bins, pushBatch: { deviceId, firstSeq: fresh[0]!.op.deviceSeq, lastSeq: fresh.at(-1)!.op.deviceSeq } });
  await writeClockedChanges(tx, warehouseId, clock, work);
  // Steps of earlier batches that an undo of this one took back.
  const undoneBefore = [...work.known.values()].filter((k) => k.status === 'undone' && !fates.has(k.opId)).map((k) => k.opId);
  if (undoneBefore.length > 0) await tx.query(`update operations set status = 'undone', changed_at = $2::bigint where op_id = any($1::uuid[])`, [undoneBefore, clock]);
  return { fates, clock };
}
