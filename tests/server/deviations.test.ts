/**
 * Deviations, checked by the server too (issue 11): a device cannot hide one by leaving
 * it out. Each pick, putaway and count is judged against the server's own book at the
 * step's moment; what it finds and what the worker confirmed are recorded against the
 * step (which still applies: it happened), listed for supervisors and resolved with a
 * note. An expiry on a product that does not track expiry is not kept. Bad input is
 * answered with a reason, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { deviationListSchema, type DeviationRow } from '../../src/protocol/console';
import type { FloorOperation } from '../../src/domain/floor/operations';
import type { Task } from '../../src/domain/tasks/task';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, balanceOf, floorOfSmallMain, pickOf, pullAll, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const productOf = new Map(floor.data.products.map((p) => [p.id, p]));
const today = new Date().toISOString().slice(0, 10);
const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Lines of picker1's lists, each in a bin no other case here uses. */
const used = new Set<string>([floor.line.binCode, floor.emptyBin]);
function lineWhere(test: (line: Task['lines'][number]) => boolean): { task: Task; lineNo: number; binCode: string; productId: string; lot: string } {
  for (const task of floor.pickLists) {
    for (const line of task.lines) {
      if (!used.has(line.binCode!) && test(line)) {
        used.add(line.binCode!);
        return { task, lineNo: line.lineNo, binCode: line.binCode!, productId: line.productId!, lot: line.lot ?? '' };
      }
    }
  }
  throw new Error('no line for this case in the small demo warehouse');
}
const tracked = (line: Task['lines'][number]) => productOf.get(line.productId!)!.lotTracked;
const lotExpiry = (binCode: string, productId: string, lot: string) => floor.data.stock.find((s) => s.binCode === binCode && s.productId === productId && s.lot === lot)?.expiry ?? null;

const LOT_NOT_IN_BIN = lineWhere(tracked);
const CLAIMED = lineWhere(tracked);
const NOT_FEFO = lineWhere((l) => tracked(l) && productOf.get(l.productId!)!.expiryTracked && (lotExpiry(l.binCode!, l.productId!, l.lot ?? '') ?? '') > dayAfter(today, 2));
const MORE_THAN_HELD = lineWhere((l) => !tracked(l) && (l.qty ?? 0) >= 3);
const EXPIRY_PICK = lineWhere((l) => !tracked(l) && !productOf.get(l.productId!)!.expiryTracked);

describe.each(databaseKinds)('deviations on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let picker: { signedIn: SignedIn; ops: DeviceOps };
  let counter: { signedIn: SignedIn; ops: DeviceOps };
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    // Counts post whatever their difference here: these cases are about deviations, not reviews.
    await test.db.transaction((tx) => tx.query(`update warehouses set recount_units = 1000000 where id = 'wh-main'`));
    supervisor = await signIn(app, 'super1', '9999');
    const p = await signIn(app, 'picker1', '1111');
    picker = { signedIn: p, ops: new DeviceOps(p.body.user.id) };
    const c = await signIn(app, 'counter1', '2222');
    counter = { signedIn: c, ops: new DeviceOps(c.body.user.id) };
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const listed = async (): Promise<DeviationRow[]> => {
    const response = await app.inject({ method: 'GET', url: '/api/supervisor/warehouses/wh-main/deviations', headers: supervisor.headers });
    expect(response.statusCode, response.body).toBe(200);
    return deviationListSchema.parse(response.json()).deviations;
  };
  const deviationsOf = async (opId: string) => (await listed()).filter((d) => d.opId === opId).map((d) => ({ kind: d.kind, onDevice: d.onDevice, byServer: d.byServer }));
  const pickWith = (line: typeof LOT_NOT_IN_BIN, change: Partial<Extract<FloorOperation, { type: 'pick' }>>): FloorOperation => ({ ...(pickOf(line.task, line.lineNo, 1) as Extract<FloorOperation, { type: 'pick' }>), ...change });
  const bookOfBin = (binCode: string) => test.db.query<{ productId: string; lot: string; qty: number }>(`select product_id as "productId", lot, qty from stock_balances where warehouse_id = 'wh-main' and bin_code = $1 and qty <> 0`, [binCode]);

  it('finds a lot the bin does not hold, though the device said nothing, and applies the pick all the same', async () => {
    const line = LOT_NOT_IN_BIN;
    const op = picker.ops.next(pickWith(line, { lot: 'NOPE-1' }));
    expect((await push(app, picker.signedIn, [op])).results[0]!.status).toBe('applied');
    expect(await balanceOf(test.db, line.binCode, line.productId, 'NOPE-1')).toBe(-1);
    expect(await deviationsOf(op.opId)).toEqual([{ kind: 'lot-not-in-bin', onDevice: false, byServer: true }]);
    const [row] = (await listed()).filter((d) => d.opId === op.opId);
    expect(row).toMatchObject({ stepType: 'pick', binCode: line.binCode, productId: line.productId, lot: 'NOPE-1', qty: 1, username: 'picker1', deviceId: picker.signedIn.deviceId, taskId: line.task.id });
    expect(row!.facts.lotsInBin).toContain(line.lot);
  });

  it('keeps what the worker confirmed, found by the server too or not', async () => {
    const both = picker.ops.next(pickWith(CLAIMED, { lot: 'GHOST-9', deviations: ['lot-not-in-bin'] }));
    // A putaway of 2 the worker marked over the limit: the server sees none, the worker's word is kept.
    const claimedOnly = picker.ops.next({ ...(putawayOf(floor.emptyBin, floor.line.productId, 2) as Extract<FloorOperation, { type: 'putaway' }>), deviations: ['over-step-limit'] });
    const answer = await push(app, picker.signedIn, [both, claimedOnly]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await deviationsOf(both.opId)).toEqual([{ kind: 'lot-not-in-bin', onDevice: true, byServer: true }]);
    expect(await deviationsOf(claimedOnly.opId)).toEqual([{ kind: 'over-step-limit', onDevice: true, byServer: false }]);
  });

  it('finds a lot picked that is not the first-expiring good one (FEFO)', async () => {
    const line = NOT_FEFO;
    // An earlier-expiring lot of the same product goes into the bin first.
    const early = picker.ops.next({ type: 'putaway', taskId: null, lineNo: null, binCode: line.binCode, productId: line.productId, lot: 'EARLY-1', expiry: dayAfter(today, 1), qty: 4, suggestedBinCode: null });
    const pick = picker.ops.next(pickWith(line, { lot: line.lot }));
    await push(app, picker.signedIn, [early, pick]);
    expect(await deviationsOf(early.opId)).toEqual([]);
    expect(await deviationsOf(pick.opId)).toEqual([{ kind: 'not-fefo', onDevice: false, byServer: true }]);
    expect((await listed()).find((d) => d.opId === pick.opId)!.facts).toMatchObject({ fefoLot: 'EARLY-1', fefoExpiry: dayAfter(today, 1) });
    // Taking the first-expiring lot is no deviation.
    const fefo = picker.ops.next(pickWith(line, { lot: 'EARLY-1' }));
    await push(app, picker.signedIn, [fefo]);
    expect(await deviationsOf(fefo.opId)).toEqual([]);
  });

  it('finds a pick of more than the book held at the pick’s moment', async () => {
    const line = MORE_THAN_HELD;
    const t0 = Date.now();
    const book = await bookOfBin(line.binCode);
    const count = counter.ops.next(
      {
        type: 'count',
        taskId: null,
        lineNo: null,
        binCode: line.binCode,
        startedAt: new Date(t0 - 120_000).toISOString(),
        bookAtStart: [],
        lines: book.map((l) => ({ productId: l.productId, lot: l.lot, expiry: null, counted: l.productId === line.productId ? 1 : l.qty, firstCount: null, unexpected: false })),
        deviations: [],
      },
      new Date(t0 - 110_000),
    );
    expect((await push(app, counter.signedIn, [count])).results[0]!.status).toBe('applied');
    const pick = picker.ops.next(pickOf(line.task, line.lineNo, 3), new Date(t0 - 60_000));
    expect((await push(app, picker.signedIn, [pick])).results[0]!.status).toBe('applied');
    expect(await deviationsOf(pick.opId)).toEqual([{ kind: 'more-than-bin-holds', onDevice: false, byServer: true }]);
    expect((await listed()).find((d) => d.opId === pick.opId)!.facts).toMatchObject({ book: 1, qty: 3 });
  });

  it('finds "bin is empty" on a bin whose book holds stock, and a count line over the limit', async () => {
    const empty = counter.ops.next({ type: 'count', taskId: null, lineNo: null, binCode: floor.line.binCode, startedAt: new Date().toISOString(), bookAtStart: [], lines: [], deviations: [] });
    const huge = counter.ops.next({ type: 'count', taskId: null, lineNo: null, binCode: floor.emptyBin, startedAt: new Date().toISOString(), bookAtStart: [], lines: [{ productId: floor.line.productId, lot: '', expiry: null, counted: 5000, firstCount: null, unexpected: false }], deviations: [] });
    const answer = await push(app, counter.signedIn, [empty, huge]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await deviationsOf(empty.opId)).toEqual([{ kind: 'empty-bin-held-stock', onDevice: false, byServer: true }]);
    expect(await deviationsOf(huge.opId)).toEqual([{ kind: 'over-step-limit', onDevice: false, byServer: true }]);
    expect(await balanceOf(test.db, floor.line.binCode, floor.line.productId)).toBe(0);
  });

  it('judges quantities against the warehouse’s own step limit, which devices get with every pull', async () => {
    await test.db.transaction((tx) => tx.query(`update warehouses set step_limit = 50 where id = 'wh-main'`));
    try {
      const big = picker.ops.next(putawayOf(floor.emptyBin, floor.line.productId, 60));
      const small = picker.ops.next(putawayOf(floor.emptyBin, floor.line.productId, 50));
      await push(app, picker.signedIn, [big, small]);
      expect(await deviationsOf(big.opId)).toEqual([{ kind: 'over-step-limit', onDevice: false, byServer: true }]);
      expect((await listed()).find((d) => d.opId === big.opId)!.facts).toMatchObject({ limit: 50, qty: 60 });
      expect(await deviationsOf(small.opId)).toEqual([]);
      const pulled = await pullAll(app, picker.signedIn, null);
      expect(pulled.pages[0]!.settings.stepLimit).toBe(50);
    } finally {
      await test.db.transaction((tx) => tx.query(`update warehouses set step_limit = 1000 where id = 'wh-main'`));
    }
  });

  it('ignores an expiry on a product that does not track expiry, for putaway, pick and count', async () => {
    const product = floor.line.productId;
    expect(productOf.get(product)!.expiryTracked).toBe(false);
    const putaway = picker.ops.next({ ...(putawayOf(floor.emptyBin, product, 3) as Extract<FloorOperation, { type: 'putaway' }>), expiry: '2027-03-03' });
    const pick = picker.ops.next(pickWith(EXPIRY_PICK, { expiry: '2027-05-05' }));
    const bin = await bookOfBin(floor.emptyBin);
    const count = counter.ops.next({
      type: 'count',
      taskId: null,
      lineNo: null,
      binCode: floor.emptyBin,
      startedAt: new Date(Date.now() + 1000).toISOString(),
      bookAtStart: [],
      lines: bin.map((l) => ({ productId: l.productId, lot: l.lot, expiry: '2028-08-08', counted: l.qty + (l.productId === product ? 3 + 1 : 0), firstCount: null, unexpected: false })),
      deviations: [],
    });
    expect((await push(app, picker.signedIn, [putaway, pick])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await push(app, counter.signedIn, [count])).results[0]!.status).toBe('applied');
    const movements = await test.db.query<{ opId: string; expiry: string | null }>(`select op_id::text as "opId", expiry::text as expiry from stock_movements where op_id = any($1::uuid[])`, [[putaway.opId, pick.opId, count.opId]]);
    expect(new Set(movements.map((m) => m.opId))).toEqual(new Set([putaway.opId, pick.opId, count.opId]));
    expect(movements.every((m) => m.expiry === null)).toBe(true);
    const [balance] = await test.db.query<{ expiry: string | null }>(`select expiry::text as expiry from stock_balances where warehouse_id = 'wh-main' and bin_code = $1 and product_id = $2 and lot = ''`, [floor.emptyBin, product]);
    expect(balance!.expiry).toBeNull();
  });

  it('leaves a step undone since out of the list, and resolves one with a note; supervisors only', async () => {
    const big = picker.ops.next(putawayOf(floor.emptyBin, floor.line.productId, 1500));
    await push(app, picker.signedIn, [big]);
    expect(await deviationsOf(big.opId)).toHaveLength(1);
    await push(app, picker.signedIn, [picker.ops.next({ type: 'undo', undoesOpId: big.opId })]);
    expect(await deviationsOf(big.opId)).toEqual([]);

    const url = '/api/supervisor/warehouses/wh-main/deviations';
    expect((await app.inject({ method: 'GET', url, headers: picker.signedIn.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const open = await listed();
    const first = open[0]!;
    const resolve = (id: string, payload: unknown, headers = supervisor.headers) => app.inject({ method: 'POST', url: `${url}/${id}/resolve`, headers, payload: payload as object });
    expect((await resolve(first.id, { note: 'x' }, picker.signedIn.headers)).statusCode).toBe(403);
    expect((await resolve(first.id, { note: '' })).statusCode).toBe(400);
    expect((await resolve('one', { note: 'checked' })).statusCode).toBe(400);
    expect((await resolve(first.id, { note: 'Checked the shelf: the lot was relabelled' })).statusCode).toBe(204);
    expect((await listed()).map((d) => d.id)).not.toContain(first.id);
    expect((await resolve(first.id, { note: 'again' })).statusCode).toBe(404);
    const [row] = await test.db.query<{ note: string; by: string }>('select resolution_note as note, resolved_by as by from deviations where id = $1::bigint', [first.id]);
    expect(row).toEqual({ note: 'Checked the shelf: the lot was relabelled', by: supervisor.body.user.id });
  });

  it('answers a deviation list the schema refuses, and absurd numbers, with a reason per step, never a 500', async () => {
    const base = putawayOf(floor.emptyBin, floor.line.productId, 1) as Extract<FloorOperation, { type: 'putaway' }>;
    const bad: unknown[] = [
      { ...base, deviations: ['made-up'] },
      { ...base, deviations: 'lot-not-in-bin' },
      { ...base, deviations: ['not-fefo', 'not-fefo', 'not-fefo', 'not-fefo', 'not-fefo', 'not-fefo'] },
      { ...base, deviations: [{ kind: 'not-fefo' }] },
      { ...base, qty: 1e308 },
      { ...base, qty: 2.5 },
      { ...base, lineNo: 1e308, taskId: 'X' },
      { ...base, expiry: '2027-02-30' },
      { type: 'count', taskId: null, lineNo: null, binCode: floor.emptyBin, startedAt: new Date().toISOString(), bookAtStart: [{ productId: 'p', lot: '', expiry: null, qty: 1e308 }], lines: [], deviations: [] },
      { type: 'count', taskId: null, lineNo: null, binCode: floor.emptyBin, startedAt: new Date().toISOString(), bookAtStart: [], lines: [{ productId: floor.line.productId, lot: '', expiry: null, counted: 1e308, firstCount: null, unexpected: false }], deviations: [] },
      { type: 'count', taskId: null, lineNo: null, binCode: floor.emptyBin, startedAt: '9999-12-31T23:59:59Z', bookAtStart: [], lines: [], deviations: [] },
    ];
    const answer = await push(app, picker.signedIn, bad.map((payload) => picker.ops.next(payload)));
    expect(answer.results).toHaveLength(bad.length);
    for (const result of answer.results.slice(0, -1)) expect(result, JSON.stringify(result)).toMatchObject({ status: 'rejected', why: { code: 'op-bad-payload' } });
    expect(answer.results[0]!.message).toContain('deviations');
    // A count dated at the end of time is a valid operation: it is answered (applied or refused), not a crash.
    expect(['applied', 'rejected', 'review']).toContain(answer.results.at(-1)!.status);

    // The envelope itself: numbers out of range, Infinity in the JSON text, times the server cannot place.
    const raw = (body: string) => app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...picker.signedIn.headers, 'content-type': 'application/json' }, payload: body });
    const op = picker.ops.next(base);
    for (const body of [
      JSON.stringify({ warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: [{ ...op, deviceSeq: 1e308 }] }),
      JSON.stringify({ warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: [op] }).replace(`"deviceSeq":${op.deviceSeq}`, '"deviceSeq":1e400'),
      JSON.stringify({ warehouseId: 'wh-main', sentAt: new Date().toISOString(), sequenceStartsAt: 1e308, operations: [op] }),
      JSON.stringify({ warehouseId: 'wh-main', sentAt: 'yesterday', operations: [op] }),
    ]) {
      const response = await raw(body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ error: { reason: expect.any(String), message: expect.any(String) } });
    }
    // A device whose clock is centuries off is still answered.
    const skewed = await raw(JSON.stringify({ warehouseId: 'wh-main', sentAt: '0001-01-01T00:00:00Z', operations: [{ ...op, payload: { ...base, deviations: ['over-step-limit'] } }] }));
    expect(skewed.statusCode, skewed.body).toBeLessThan(500);
  });

  it('refuses, with a reason, a step whose time no clock correction can place; a device clock reset to 1970 is fine', async () => {
    const base = putawayOf(floor.emptyBin, floor.line.productId, 1);
    const send = (sentAt: string, operations: object[]) =>
      app.inject({ method: 'POST', url: '/api/sync/push', headers: picker.signedIn.headers, payload: { warehouseId: 'wh-main', sentAt, operations } });
    // Sent "at the end of time", done "at the start of it": the corrected moment is before any stock existed.
    const ancient = picker.ops.next(base, new Date('0001-01-01T00:00:00Z'));
    const far = await send('9999-12-31T00:00:00Z', [ancient]);
    expect(far.statusCode, far.body).toBe(200);
    expect(far.json().results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-bad-payload', detail: expect.stringContaining('createdAt') } });
    // A count started a thousand years before it was sent.
    const count = picker.ops.next({ type: 'count', taskId: null, lineNo: null, binCode: floor.emptyBin, startedAt: '1026-01-01T00:00:00Z', bookAtStart: [], lines: [], deviations: [] });
    const old = await send(new Date().toISOString(), [count]);
    expect(old.json().results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-bad-payload', detail: expect.stringContaining('startedAt') } });
    // A handheld whose clock went back to 1970: its offset puts the step five minutes ago (under the counts made above, so the balance keeps them).
    const reset = picker.ops.next(base, new Date('1970-01-01T00:05:00Z'));
    const answer = await send('1970-01-01T00:10:00Z', [reset]);
    expect(answer.json().results[0]).toMatchObject({ status: 'applied' });
    const [row] = await test.db.query<{ occurred: Date }>('select occurred_at as occurred from operations where op_id = $1', [reset.opId]);
    expect(Math.abs(new Date(row!.occurred).getTime() - (Date.now() - 5 * 60_000))).toBeLessThan(60_000);
  });
});
