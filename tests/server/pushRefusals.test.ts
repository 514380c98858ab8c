/**
 * What a push may not do, on PGlite and PostgreSQL (issue 12): steps outside the
 * worker's jobs, on another worker's task, undoing another worker's step, taking a bin
 * beyond what it can hold, op ids repeated within a batch or taken from another device.
 * Each is refused with a reason, changes nothing, and never stalls the device's queue or
 * another device's.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { MAX_BIN_QTY } from '../../src/domain/floor/quantityLimits';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, balanceOf, countOf, floorOfSmallMain, pickOf, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();

describe.each(databaseKinds)('push refusals on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    supervisor = await signIn(app, 'super1', '9999');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function device(username: string, pin: string, deviceId?: string) {
    const signedIn = await signIn(app, username, pin, deviceId);
    return { signedIn, ops: new DeviceOps(signedIn.body.user.id) };
  }
  const stockRows = async () => (await test.db.query<{ n: number }>('select count(*)::int as n from stock_movements'))[0]!.n;
  /** A free bin of the small warehouse, a new one each call. */
  let freeUsed = 0;
  const freeBin = () => floor.data.bins.filter((b) => !floor.data.stock.some((s) => s.binCode === b.code))[++freeUsed]!.code;

  it("refuses steps outside the worker's jobs: a counter's putaway, a picker's count; nothing moves", async () => {
    const counter = await device('counter1', '2222');
    const picker = await device('picker1', '1111');
    const bin = floor.line.binCode;
    const before = await balanceOf(test.db, bin, floor.line.productId);
    const movements = await stockRows();
    const put = await push(app, counter.signedIn, [counter.ops.next(putawayOf(bin, floor.line.productId, 1_000_000))]);
    expect(put.results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-not-your-job', job: 'putaway' } });
    expect(put.results[0]!.message).toContain('not one of your jobs');
    const count = await push(app, picker.signedIn, [picker.ops.next(countOf(bin, new Date(Date.now() - 1000), [{ productId: floor.line.productId, counted: 0 }]))]);
    expect(count.results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-not-your-job', job: 'count' } });
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(before);
    expect(await stockRows()).toBe(movements);
    // The queue moved on: the next step of each device is expected.
    expect(put.nextSeq).toBe(2);
    expect(count.nextSeq).toBe(2);
  });

  it("refuses an undo of another worker's step on a shared handheld; the worker who did it may undo it", async () => {
    const handheld = randomUUID();
    const picker = await device('picker1', '1111', handheld);
    const bin = freeBin();
    const put = picker.ops.next(putawayOf(bin, floor.line.productId, 4));
    expect((await push(app, picker.signedIn, [put])).results[0]!.status).toBe('applied');
    // counter1 signs in on the same handheld, which goes on numbering its steps.
    const counter = await device('counter1', '2222', handheld);
    const counterOps = new DeviceOps(counter.signedIn.body.user.id);
    counterOps.next(null); // the picker's step took number 1
    const undo = await push(app, counter.signedIn, [counterOps.next({ type: 'undo', undoesOpId: put.opId })]);
    expect(undo.results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-undo-not-yours', by: 'Pat Picker' } });
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(4);
    // Back to the picker: their own undo applies.
    const again = await device('picker1', '1111', handheld);
    const pickerOps = new DeviceOps(again.signedIn.body.user.id);
    pickerOps.next(null);
    pickerOps.next(null);
    const own = await push(app, again.signedIn, [pickerOps.next({ type: 'undo', undoesOpId: put.opId })]);
    expect(own.results[0]!.status).toBe('applied');
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(0);
  });

  it("refuses a step on a task a supervisor gave to someone else, done after that; the task's holder is untouched", async () => {
    const list = floor.openList;
    const assign = await app.inject({ method: 'POST', url: apiPaths.console('wh-main', `tasks/${list.id}/assign`), headers: supervisor.headers, payload: { assignedTo: 'super1' } });
    expect(assign.statusCode).toBe(204);
    const picker = await device('picker1', '1111');
    const line = list.lines[0]!;
    const before = await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? '');
    const answer = await push(app, picker.signedIn, [picker.ops.next({ type: 'task-taken', taskId: list.id }), picker.ops.next(pickOf(list, line.lineNo, 1)), picker.ops.next({ type: 'task-finished', taskId: list.id })]);
    expect(answer.results.map((r) => r.why?.code)).toEqual(['task-taken', 'op-not-your-task', 'op-not-your-task']);
    expect(answer.results[1]!.message).toContain("Sam Supervisor's");
    expect(await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? '')).toBe(before);
    const [task] = await test.db.query<{ status: string; assignedTo: string }>(`select status, assigned_to as "assignedTo" from tasks where warehouse_id = 'wh-main' and id = $1`, [list.id]);
    expect(task).toEqual({ status: 'open', assignedTo: 'u-super1' });
    expect(answer.nextSeq).toBe(4);
  });

  it("keeps a bin within what it can hold: the step beyond is refused, and another device's normal work on the bin goes on", async () => {
    const bin = freeBin();
    const product = floor.line.productId;
    await test.db.query(`insert into stock_balances (warehouse_id, bin_code, product_id, lot, qty) values ('wh-main', $1, $2, '', $3)`, [bin, product, MAX_BIN_QTY - 5]);
    const picker = await device('picker1', '1111');
    const over = await push(app, picker.signedIn, [picker.ops.next(putawayOf(bin, product, 6)), picker.ops.next(putawayOf(bin, product, 5))]);
    expect(over.results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-stock-bounds', bin, productId: product, max: MAX_BIN_QTY } });
    expect(over.results[1]!.status).toBe('applied');
    expect(await balanceOf(test.db, bin, product)).toBe(MAX_BIN_QTY);
    const other = await device('super1', '9999');
    const normal = await push(app, other.signedIn, [other.ops.next(putawayOf(bin, product, 1)), other.ops.next(putawayOf(freeBin(), product, 1))]);
    expect(normal.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
  });

  it('answers an op id repeated within one batch on its own, and goes on with the rest', async () => {
    const picker = await device('picker1', '1111');
    const bin = freeBin();
    const first = picker.ops.next(putawayOf(bin, floor.line.productId, 2));
    const reused = { ...picker.ops.next(putawayOf(bin, floor.line.productId, 3)), opId: first.opId };
    const after = picker.ops.next(putawayOf(bin, floor.line.productId, 1));
    const answer = await push(app, picker.signedIn, [first, first, reused, after]);
    expect(answer.results.map((r) => [r.deviceSeq, r.status])).toEqual([[1, 'applied'], [1, 'applied'], [2, 'conflict'], [3, 'applied']]);
    expect(answer.nextSeq).toBe(4);
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(3);
  });

  it("refuses another device's op id to the device that reused it, whose queue moves on", async () => {
    const first = await device('picker1', '1111');
    const second = await device('picker1', '1111');
    const bin = freeBin();
    const step = first.ops.next(putawayOf(bin, floor.line.productId, 2));
    expect((await push(app, first.signedIn, [step])).results[0]!.status).toBe('applied');
    const copied = { ...second.ops.next(putawayOf(bin, floor.line.productId, 9)), opId: step.opId };
    const next = second.ops.next(putawayOf(bin, floor.line.productId, 1));
    const answer = await push(app, second.signedIn, [copied, next]);
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(answer.results[0]!.why).toEqual({ code: 'op-id-elsewhere', opId: step.opId });
    expect(answer.nextSeq).toBe(3);
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(3);
    // Sent again (its answer lost), it gets the same answer and the queue stays where it is.
    const again = await push(app, second.signedIn, [copied]);
    expect(again.results[0]!.why?.code).toBe('op-id-elsewhere');
    expect(again.nextSeq).toBe(3);
  });

  it('lets two devices racing with one new op id both get an answer: one applies it, the other is refused', async () => {
    const a = await device('picker1', '1111');
    const b = await device('picker1', '1111');
    const bin = freeBin();
    const opId = randomUUID();
    const stepA = { ...a.ops.next(putawayOf(bin, floor.line.productId, 2)), opId };
    const stepB = { ...b.ops.next(putawayOf(bin, floor.line.productId, 2)), opId };
    const [answerA, answerB] = await Promise.all([push(app, a.signedIn, [stepA]), push(app, b.signedIn, [stepB])]);
    const statuses = [answerA.results[0]!.status, answerB.results[0]!.status].sort();
    expect(statuses).toEqual(['applied', 'rejected']);
    expect(answerA.nextSeq).toBe(2);
    expect(answerB.nextSeq).toBe(2);
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(2);
  });
});
