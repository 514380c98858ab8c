/**
 * Counts in review are snapshots too (issue 11): the book a waiting review shows is the
 * book at the count's moment including work done before it that reached the server
 * after it. The case: a picker took 3 offline, a counter counted the true 7
 * later and synced first; the review said "book 10, counted 7, -3". Now the pick's
 * arrival recomputes the review and, inside the threshold, settles it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { countReviewListSchema } from '../../src/protocol/countReviews';
import type { FloorOperation } from '../../src/domain/floor/operations';
import type { Task } from '../../src/domain/tasks/task';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, balanceOf, floorOfSmallMain, pickOf, pullAll, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const untracked = new Set(floor.data.products.filter((p) => !p.lotTracked).map((p) => p.id));
/** Pick lines of picker1's lists, of products without lots, of 3 or more, each in a bin of its own. */
const lines = (() => {
  const seen = new Set<string>();
  return floor.pickLists.flatMap((task) =>
    task.lines.filter((l) => (l.qty ?? 0) >= 3 && untracked.has(l.productId!) && !seen.has(l.binCode!) && seen.add(l.binCode!)).map((line) => ({ task, line })),
  );
})();

const minutesAgo = (t0: number, minutes: number) => new Date(t0 - minutes * 60_000);

describe.each(databaseKinds)('count reviews as snapshots on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    // Any difference over 2 units waits for a supervisor, whatever the share: the cases below stay small.
    await test.db.transaction((tx) => tx.query(`update warehouses set recount_units = 2, recount_percent = 0 where id = 'wh-main'`));
    supervisor = await signIn(app, 'super1', '9999');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function device(username: string, pin: string) {
    const signedIn = await signIn(app, username, pin);
    return { signedIn, ops: new DeviceOps(signedIn.body.user.id) };
  }

  /** A count of the whole bin as the book holds it now, with one product counted as given. */
  async function countOfBin(binCode: string, startedAt: Date, productId: string, counted: number): Promise<FloorOperation> {
    const book = await test.db.query<{ productId: string; lot: string; qty: number }>(`select product_id as "productId", lot, qty from stock_balances where warehouse_id = 'wh-main' and bin_code = $1 and qty <> 0`, [binCode]);
    const others = book.filter((l) => l.productId !== productId).map((l) => ({ productId: l.productId, lot: l.lot, expiry: null, counted: l.qty, firstCount: null, unexpected: false }));
    return { type: 'count', taskId: null, lineNo: null, binCode, startedAt: startedAt.toISOString(), bookAtStart: [], lines: [...others, { productId, lot: '', expiry: null, counted, firstCount: null, unexpected: false }], deviations: [] };
  }

  /** The numbers: a count ten minutes ago puts the product at 10 in the bin (approved when it was off). */
  async function bookOfTen(counter: { signedIn: SignedIn; ops: DeviceOps }, binCode: string, productId: string, t0: number): Promise<number> {
    const count = counter.ops.next(await countOfBin(binCode, minutesAgo(t0, 10), productId, 10), minutesAgo(t0, 9.9));
    const answer = await push(app, counter.signedIn, [count]);
    if (answer.results[0]!.status === 'review') {
      const decided = await app.inject({ method: 'POST', url: `/api/supervisor/warehouses/wh-main/count-reviews/${count.opId}`, headers: supervisor.headers, payload: { decision: 'approve' } });
      expect(decided.statusCode).toBe(204);
    }
    expect(await balanceOf(test.db, binCode, productId)).toBe(10);
    return 10;
  }

  const reviewOf = async (opId: string) => {
    const [row] = await test.db.query<{ status: string; lines: { productId: string; qty: number; counted: number }[]; recomputedAt: Date | null; decidedAt: Date | null; note: string | null }>(
      'select status, lines, recomputed_at as "recomputedAt", decided_at as "decidedAt", note from count_reviews where op_id = $1',
      [opId],
    );
    return row!;
  };
  const lineOf = (review: { lines: { productId: string; qty: number; counted: number }[] }, productId: string) => review.lines.find((l) => l.productId === productId)!;
  const listed = async (path: string) => countReviewListSchema.parse((await app.inject({ method: 'GET', url: `/api/supervisor/warehouses/wh-main/${path}`, headers: supervisor.headers })).json()).reviews;

  function scenario(i: number): { task: Task; lineNo: number; binCode: string; productId: string } {
    const { task, line } = lines[i]!;
    return { task, lineNo: line.lineNo, binCode: line.binCode!, productId: line.productId! };
  }

  it('settles the review when the pick done before the count arrives after it (the issue: count first, then the pick)', async () => {
    const { task, lineNo, binCode, productId } = scenario(0);
    const counter = await device('counter1', '2222');
    const picker = await device('picker1', '1111');
    const t0 = Date.now();
    const book = await bookOfTen(counter, binCode, productId, t0);
    const cursor = (await pullAll(app, counter.signedIn, null)).cursor;
    // Picked 3 a minute ago offline; counted the truth (book - 3) half a minute ago; the count syncs first.
    const count = counter.ops.next(await countOfBin(binCode, minutesAgo(t0, 0.5), productId, book - 3), minutesAgo(t0, 0.4));
    const counted = await push(app, counter.signedIn, [count]);
    expect(counted.results[0]!.status).toBe('review');
    expect(lineOf(await reviewOf(count.opId), productId)).toMatchObject({ qty: book, counted: book - 3 });

    const picked = await push(app, picker.signedIn, [picker.ops.next(pickOf(task, lineNo, 3), minutesAgo(t0, 1))]);
    expect(picked.results[0]!.status).toBe('applied');
    const review = await reviewOf(count.opId);
    expect(review).toMatchObject({ status: 'auto-approved', note: expect.stringContaining('threshold') });
    expect(lineOf(review, productId)).toMatchObject({ qty: book - 3, counted: book - 3 });
    expect(review.decidedAt).not.toBeNull();
    // The count posted as if approved: the bin holds what was counted.
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 3);
    // The console's list no longer shows it waiting; its history shows it settled by the server, with the book first seen.
    expect((await listed('count-reviews')).map((r) => r.opId)).not.toContain(count.opId);
    const history = (await listed('count-reviews-history')).find((r) => r.opId === count.opId);
    expect(history).toMatchObject({ status: 'auto-approved', decidedBy: null, recomputedAt: expect.any(String), linesAtArrival: expect.arrayContaining([expect.objectContaining({ productId, qty: book, counted: book - 3 })]) });
    // The counting device learns at its next pull that its count applied.
    const pulled = await pullAll(app, counter.signedIn, cursor);
    expect(pulled.operations.find((o) => o.opId === count.opId)).toMatchObject({ status: 'applied' });
    // Work after the count stays on top of it.
    await push(app, picker.signedIn, [picker.ops.next(putawayOf(binCode, productId, 4))]);
    expect(await balanceOf(test.db, binCode, productId)).toBe(book + 1);
  });

  it('posts the count at once when the earlier pick arrived first (the other order)', async () => {
    const { task, lineNo, binCode, productId } = scenario(1);
    const counter = await device('counter1', '2222');
    const picker = await device('picker1', '1111');
    const t0 = Date.now();
    const book = await bookOfTen(counter, binCode, productId, t0);
    await push(app, picker.signedIn, [picker.ops.next(pickOf(task, lineNo, 3), minutesAgo(t0, 1))]);
    const count = counter.ops.next(await countOfBin(binCode, minutesAgo(t0, 0.5), productId, book - 3), minutesAgo(t0, 0.4));
    const counted = await push(app, counter.signedIn, [count]);
    expect(counted.results[0]!.status).toBe('applied');
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 3);
  });

  it('keeps a review still off waiting, showing the recomputed book and difference; approving posts against that book', async () => {
    const { task, lineNo, binCode, productId } = scenario(2);
    const counter = await device('counter1', '2222');
    const picker = await device('picker1', '1111');
    const t0 = Date.now();
    const book = await balanceOf(test.db, binCode, productId);
    const count = counter.ops.next(await countOfBin(binCode, minutesAgo(t0, 0.5), productId, book - 6), minutesAgo(t0, 0.4));
    expect((await push(app, counter.signedIn, [count])).results[0]!.status).toBe('review');
    await push(app, picker.signedIn, [picker.ops.next(pickOf(task, lineNo, 3), minutesAgo(t0, 1))]);
    const review = await reviewOf(count.opId);
    expect(review.status).toBe('waiting');
    expect(review.recomputedAt).not.toBeNull();
    expect(lineOf(review, productId)).toMatchObject({ qty: book - 3, counted: book - 6 });
    // The pick applied; the count has not.
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 3);
    const waiting = (await listed('count-reviews')).find((r) => r.opId === count.opId)!;
    expect(waiting.lines.find((l) => l.productId === productId)).toMatchObject({ qty: book - 3, counted: book - 6 });
    expect(waiting.linesAtArrival).toEqual(expect.arrayContaining([expect.objectContaining({ productId, qty: book, counted: book - 6 })]));

    const decided = await app.inject({ method: 'POST', url: `/api/supervisor/warehouses/wh-main/count-reviews/${count.opId}`, headers: supervisor.headers, payload: { decision: 'approve' } });
    expect(decided.statusCode).toBe(204);
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 6);
    expect((await listed('count-reviews-history')).find((r) => r.opId === count.opId)).toMatchObject({ status: 'approved', decidedBy: 'super1' });
  });

  it('leaves a review alone when the late work happened after the count', async () => {
    const { task, lineNo, binCode, productId } = scenario(3);
    const counter = await device('counter1', '2222');
    const picker = await device('picker1', '1111');
    const t0 = Date.now();
    const book = await balanceOf(test.db, binCode, productId);
    const count = counter.ops.next(await countOfBin(binCode, minutesAgo(t0, 1), productId, book - 3), minutesAgo(t0, 0.9));
    expect((await push(app, counter.signedIn, [count])).results[0]!.status).toBe('review');
    // Picked after the count started: the count did not see it, so its book stays as it was.
    await push(app, picker.signedIn, [picker.ops.next(pickOf(task, lineNo, 3), minutesAgo(t0, 0.5))]);
    const review = await reviewOf(count.opId);
    expect(review).toMatchObject({ status: 'waiting', recomputedAt: null });
    expect(lineOf(review, productId)).toMatchObject({ qty: book, counted: book - 3 });
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 3);
  });

  it('decides a review once when a supervisor approves it while the late pick that settles it arrives', async () => {
    const { task, lineNo, binCode, productId } = scenario(5);
    const counter = await device('counter1', '2222');
    const picker = await device('picker1', '1111');
    const t0 = Date.now();
    const book = await balanceOf(test.db, binCode, productId);
    const count = counter.ops.next(await countOfBin(binCode, minutesAgo(t0, 0.5), productId, book - 3), minutesAgo(t0, 0.4));
    expect((await push(app, counter.signedIn, [count])).results[0]!.status).toBe('review');
    const [approved, picked] = await Promise.all([
      app.inject({ method: 'POST', url: `/api/supervisor/warehouses/wh-main/count-reviews/${count.opId}`, headers: supervisor.headers, payload: { decision: 'approve' } }),
      push(app, picker.signedIn, [picker.ops.next(pickOf(task, lineNo, 3), minutesAgo(t0, 1))]),
    ]);
    // Whichever came first decided it; the other found it decided (404) or had nothing left to settle.
    expect([204, 404]).toContain(approved.statusCode);
    expect(picked.results[0]!.status).toBe('applied');
    expect(['approved', 'auto-approved']).toContain((await reviewOf(count.opId)).status);
    const [posted] = await test.db.query<{ n: number }>('select count(*)::int as n from bin_counts where op_id = $1', [count.opId]);
    expect(posted!.n).toBe(1);
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 3);
  });

  it('settles a review within the same batch when the earlier pick comes behind the count', async () => {
    const { task, lineNo, binCode, productId } = scenario(4);
    // A supervisor: one user who may both pick and count.
    const worker = await device('super1', '9999');
    const t0 = Date.now();
    const book = await balanceOf(test.db, binCode, productId);
    // One device, both steps: a count started half a minute ago, then a pick it had done before that.
    const count = worker.ops.next(await countOfBin(binCode, minutesAgo(t0, 0.5), productId, book - 3), minutesAgo(t0, 0.2));
    const pick = worker.ops.next(pickOf(task, lineNo, 3), minutesAgo(t0, 1));
    const answer = await push(app, worker.signedIn, [count, pick]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await reviewOf(count.opId)).toMatchObject({ status: 'auto-approved' });
    expect(await balanceOf(test.db, binCode, productId)).toBe(book - 3);
  });
});
