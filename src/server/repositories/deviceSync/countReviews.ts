/**
 * Counts waiting for a supervisor. Approving posts the count as of its own moment, with
 * the book as the ledger now knows it at that moment (late work included), through
 * the same ledger rules as a push; rejecting leaves the stock as it is. Either way the
 * device that counted learns the count's fate on its next pull.
 */
import type { Database } from '../../storage/database';
import type { CountOp } from '../../../domain/floor/operations';
import { LedgerWork } from '../../../domain/ledger/ledgerWork';
import { postCount, varianceOf } from '../../../domain/ledger/applyOperations';
import { explain, type Why } from '../../../domain/why';
import { ApiProblem } from '../../problems';
import { readWarehouseSettings, takeChangeClock } from './changeClock';
import { readLedgerSnapshot } from './ledgerSnapshot';
import { writeClockedChanges, writeLedgerEntries } from './ledgerWrites';

type ReviewLine = { productId: string; lot: string; expiry: string | null; qty: number; counted: number; firstCount: number | null };

export interface CountReview {
  readonly opId: string;
  readonly binCode: string;
  readonly countedAt: string;
  readonly userId: string;
  readonly username: string | null;
  readonly deviceId: string;
  readonly lines: readonly (ReviewLine & { sku: string | null; productName: string | null; unitCost: number | null })[];
  readonly status: string;
}

/** Counts waiting, oldest first, each line with its product's SKU, name and unit cost (to value the difference). */
export async function waitingReviews(db: Database, warehouseId: string): Promise<CountReview[]> {
  const reviews = await db.query<Omit<CountReview, 'lines'> & { lines: ReviewLine[] }>(
    `select r.op_id::text as "opId", r.bin_code as "binCode", r.counted_at as "countedAt", o.user_id as "userId", u.username, o.device_id as "deviceId", r.lines, r.status
       from count_reviews r join operations o on o.op_id = r.op_id left join users u on u.id = o.user_id
      where r.warehouse_id = $1 and r.status = 'waiting' order by r.counted_at limit 1000`,
    [warehouseId],
  );
  const ids = [...new Set(reviews.flatMap((r) => r.lines.map((l) => l.productId)))];
  const products = await db.query<{ id: string; sku: string; name: string; unitCost: number | null }>(
    'select id, sku, name, unit_cost::float8 as "unitCost" from products where warehouse_id = $1 and id = any($2::text[])',
    [warehouseId, ids],
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  return reviews.map((r) => ({ ...r, lines: r.lines.map((l) => ({ ...l, sku: byId.get(l.productId)?.sku ?? null, productName: byId.get(l.productId)?.name ?? null, unitCost: byId.get(l.productId)?.unitCost ?? null })) }));
}

export async function decideCountReview(db: Database, input: { warehouseId: string; opId: string; decision: 'approve' | 'reject' | 'recount'; userId: string; note: string | null; now: Date }): Promise<{ recountTaskId: string | null }> {
  return db.transaction(async (tx) => {
    const [review] = await tx.query<{ binCode: string; countedAtMs: number; payload: CountOp; deviceId: string; createdAtMs: number; userId: string }>(
      `select r.bin_code as "binCode", (extract(epoch from r.counted_at) * 1000)::float8 as "countedAtMs", o.payload, o.device_id as "deviceId",
              (extract(epoch from o.created_at) * 1000)::float8 as "createdAtMs", o.user_id as "userId"
         from count_reviews r join operations o on o.op_id = r.op_id
        where r.op_id = $1 and r.warehouse_id = $2 and r.status = 'waiting' for update of r`,
      [input.opId, input.warehouseId],
    );
    if (!review) throw new ApiProblem(404, 'not-found', `There is no count ${input.opId} waiting for review in this warehouse (it may have been decided already).`);
    const at = Math.round(review.countedAtMs);
    if (input.decision === 'approve') {
      // The count's moment on the server's clock: its offset is what the push measured.
      const offsetMs = at - Date.parse(review.payload.startedAt);
      const incoming = { opId: input.opId, deviceId: review.deviceId, userId: review.userId, op: review.payload, deviceAt: Math.round(review.createdAtMs) - offsetMs, offsetMs };
      const work = new LedgerWork(await readLedgerSnapshot(tx, input.warehouseId, [incoming], await readWarehouseSettings(tx, input.warehouseId)));
      postCount(work, input.opId, review.binCode, at, varianceOf(work, review.binCode, at, review.payload));
      await writeLedgerEntries(tx, input.warehouseId, work);
      const { clock } = await takeChangeClock(tx, input.warehouseId);
      await writeClockedChanges(tx, input.warehouseId, clock, work, [review.binCode]);
      await tx.query(`update operations set status = 'applied', changed_at = $2::bigint where op_id = $1`, [input.opId, clock]);
      await decided(clock);
      return { recountTaskId: null };
    }
    const { clock } = await takeChangeClock(tx, input.warehouseId);
    let recountTaskId: string | null = null;
    if (input.decision === 'recount') {
      // A count task for the bin, open to any counter, on every device after its next pull.
      recountTaskId = `RC-${input.opId.slice(0, 8)}`;
      await tx.query(`insert into tasks (warehouse_id, id, kind, reference, status, created_at, changed_at) values ($1, $2, 'count', $3, 'open', $4, $5::bigint)`, [input.warehouseId, recountTaskId, `Recount ${review.binCode}`, input.now, clock]);
      await tx.query(`insert into task_lines (warehouse_id, task_id, line_no, bin_code) values ($1, $2, 1, $3)`, [input.warehouseId, recountTaskId, review.binCode]);
    }
    const why: Why = input.decision === 'recount' ? { code: 'op-count-recount', bin: review.binCode } : { code: 'op-count-rejected', note: input.note ?? '' };
    await tx.query(`update operations set status = 'rejected', why = $2::jsonb, message = $3, changed_at = $4::bigint where op_id = $1`, [input.opId, JSON.stringify(why), explain(why), clock]);
    await tx.query('update bins set changed_at = $3::bigint where warehouse_id = $1 and code = $2', [input.warehouseId, review.binCode, clock]);
    await decided(clock);
    return { recountTaskId };

    async function decided(clock: string) {
      await tx.query(
        `update count_reviews set status = $2, decided_by = $3, decided_at = $4, note = $5, changed_at = $6::bigint where op_id = $1`,
        [input.opId, { approve: 'approved', reject: 'rejected', recount: 'recount' }[input.decision], input.userId, input.now, input.note, clock],
      );
    }
  });
}
