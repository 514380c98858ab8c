/**
 * Counts waiting for a supervisor. Approving posts the count as of its own moment, with
 * the book as the ledger now knows it at that moment (late work included), through
 * the same ledger rules as a push; rejecting leaves the stock as it is. Either way the
 * device that counted learns the count's fate on its next pull. A push whose late work
 * brings a waiting count within the threshold settles it itself (auto-approved, see
 * domain/ledger/reviewRecompute.ts); so does an approval that changes another count's book.
 *
 * Locks: a waiting review changes only under its bin's row lock, taken before the
 * review's (device → bins → tasks → reviews → clock, as a push takes them).
 */
import type { Database } from '../../storage/database';
import type { CountOp } from '../../../domain/floor/operations';
import type { CountReviewList } from '../../../protocol/countReviews';
import { LedgerWork } from '../../../domain/ledger/ledgerWork';
import { postCount, varianceOf } from '../../../domain/ledger/applyOperations';
import { settleWaitingReviews } from '../../../domain/ledger/reviewRecompute';
import { explain, type Why } from '../../../domain/why';
import { ApiProblem } from '../../problems';
import { readWarehouseSettings, takeChangeClock } from './changeClock';
import { readLedgerSnapshot } from './ledgerSnapshot';
import { binsClocked, writeClockedChanges, writeLedgerEntries } from './ledgerWrites';

type ReviewLine = { productId: string; lot: string; expiry: string | null; qty: number; counted: number; firstCount: number | null };
type Review = CountReviewList['reviews'][number];
type ReviewRow = Omit<Review, 'lines' | 'countedAt' | 'decidedAt' | 'recomputedAt' | 'linesAtArrival'> & { lines: ReviewLine[]; linesAtArrival: ReviewLine[] | null; countedAt: Date; decidedAt: Date | null; recomputedAt: Date | null };

const REVIEW_COLUMNS = `r.op_id::text as "opId", r.bin_code as "binCode", r.counted_at as "countedAt", o.user_id as "userId", u.username, o.device_id as "deviceId", dv.name as "deviceName", r.lines, r.status,
  r.decided_at as "decidedAt", d.username as "decidedBy", r.note, r.recomputed_at as "recomputedAt", r.lines_at_arrival as "linesAtArrival"
  from count_reviews r join operations o on o.op_id = r.op_id left join users u on u.id = o.user_id left join users d on d.id = r.decided_by
  left join devices dv on dv.device_id = o.device_id`;

/** Counts waiting, oldest first, each line with its product's SKU, name and unit cost (to value the difference). */
export async function waitingReviews(db: Database, warehouseId: string): Promise<Review[]> {
  return withProducts(db, warehouseId, await db.query<ReviewRow>(`select ${REVIEW_COLUMNS} where r.warehouse_id = $1 and r.status = 'waiting' order by r.counted_at limit 1000`, [warehouseId]));
}

/** Counts decided in the last `days` (by a supervisor, or settled by the server), newest first. */
export async function decidedReviews(db: Database, warehouseId: string, since: Date): Promise<Review[]> {
  return withProducts(db, warehouseId, await db.query<ReviewRow>(`select ${REVIEW_COLUMNS} where r.warehouse_id = $1 and r.decided_at >= $2 order by r.decided_at desc limit 500`, [warehouseId, since]));
}

async function withProducts(db: Database, warehouseId: string, reviews: readonly ReviewRow[]): Promise<Review[]> {
  const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
  const ids = [...new Set(reviews.flatMap((r) => r.lines.map((l) => l.productId)))];
  const products = await db.query<{ id: string; sku: string; name: string; unitCost: number | null }>(
    'select id, sku, name, unit_cost::float8 as "unitCost" from products where warehouse_id = $1 and id = any($2::text[])',
    [warehouseId, ids],
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  return reviews.map((r) => ({
    ...r,
    countedAt: new Date(r.countedAt).toISOString(),
    decidedAt: iso(r.decidedAt),
    recomputedAt: iso(r.recomputedAt),
    linesAtArrival: r.linesAtArrival?.map((l) => ({ productId: l.productId, lot: l.lot, qty: l.qty, counted: l.counted })) ?? null,
    lines: r.lines.map((l) => ({ ...l, sku: byId.get(l.productId)?.sku ?? null, productName: byId.get(l.productId)?.name ?? null, unitCost: byId.get(l.productId)?.unitCost ?? null })),
  }));
}

export async function decideCountReview(db: Database, input: { warehouseId: string; opId: string; decision: 'approve' | 'reject' | 'recount'; userId: string; note: string | null; now: Date }): Promise<{ recountTaskId: string | null }> {
  return db.transaction(async (tx) => {
    const [bin] = await tx.query<{ binCode: string }>('select bin_code as "binCode" from count_reviews where op_id = $1 and warehouse_id = $2', [input.opId, input.warehouseId]);
    if (bin) await tx.query('select code from bins where warehouse_id = $1 and code = $2 for update', [input.warehouseId, bin.binCode]);
    const [review] = await tx.query<{ binCode: string; countedAtMs: number; payload: CountOp; lines: ReviewLine[]; deviceId: string; createdAtMs: number; userId: string }>(
      `select r.bin_code as "binCode", (extract(epoch from r.counted_at) * 1000)::float8 as "countedAtMs", o.payload, r.lines, o.device_id as "deviceId",
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
      // What was counted, against the book as the ledger now knows it (the stored lines carry the counted side).
      const lines = varianceOf(work, review.binCode, at, review.lines);
      postCount(work, input.opId, review.binCode, at, lines);
      // The count posted is work at its moment: another count waiting on the bin, later than it, may now fit.
      settleWaitingReviews(work);
      await writeLedgerEntries(tx, input.warehouseId, work);
      const { clock } = await takeChangeClock(tx, input.warehouseId, { bins: binsClocked(work, [review.binCode]) });
      await writeClockedChanges(tx, input.warehouseId, clock, work);
      await tx.query(`update operations set status = 'applied', changed_at = $2::bigint where op_id = $1`, [input.opId, clock]);
      await tx.query(`update count_reviews set lines = $2::jsonb, lines_at_arrival = coalesce(lines_at_arrival, case when lines <> $2::jsonb then lines end) where op_id = $1`, [input.opId, JSON.stringify(lines)]);
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
