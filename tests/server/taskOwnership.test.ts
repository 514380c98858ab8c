/**
 * One task, one device, through the HTTP surface on PGlite and PostgreSQL: a take names
 * who has the task and where; a take-over is explicit and recorded; two devices that
 * picked one line offline both have their picks applied (the goods left the bin) and the
 * excess is flagged naming both; each device pulls the line's real progress; a
 * supervisor's "back to open" stands against a late offline step, which is flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { floorExceptionsSchema } from '../../src/protocol/console';
import { apiPaths } from '../../src/protocol/paths';
import type { Task } from '../../src/domain/tasks/task';
import { YARD_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, balanceOf, floorOfSmallMain, manifestCursor, pickOf, pullAll, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const SMALL_YARD = { ...YARD_WAREHOUSE, products: 20 };

describe.each(databaseKinds)('one task, one device on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let setup: { signedIn: SignedIn; ops: DeviceOps };
  let made = 0;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN, SMALL_YARD]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    supervisor = await signIn(app, 'super1', '9999');
    setup = await device('super1', '9999');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function device(username = 'picker1', pin = '1111'): Promise<{ signedIn: SignedIn; ops: DeviceOps }> {
    const signedIn = await signIn(app, username, pin);
    return { signedIn, ops: new DeviceOps(signedIn.body.user.id) };
  }

  /** An empty bin filled with `stock` units of a product without lots, and a pick list of one line of `qty` from it. */
  async function pickListOf(qty: number, stock: number, assignedTo: string | null = 'u-picker1'): Promise<Task> {
    made += 1;
    const product = floor.line.productId;
    const free = floor.data.bins.filter((b) => !floor.data.stock.some((s) => s.binCode === b.code));
    const bin = free[made]!.code;
    const put = await push(app, setup.signedIn, [setup.ops.next(putawayOf(bin, product, stock))]);
    expect(put.results[0]!.status).toBe('applied');
    const id = `T-OWN-${made}`;
    await test.db.transaction(async (tx) => {
      const [row] = await tx.query<{ clock: string }>(`update warehouses set change_clock = change_clock + 1 where id = 'wh-main' returning change_clock::text as clock`);
      await tx.query(`insert into tasks (warehouse_id, id, kind, reference, status, assigned_to, changed_at) values ('wh-main', $1, 'pick', $2, 'open', $3, $4::bigint)`, [id, `SO-OWN-${made}`, assignedTo, row!.clock]);
      await tx.query(`insert into task_lines (warehouse_id, task_id, line_no, bin_code, product_id, lot, qty) values ('wh-main', $1, 1, $2, $3, '', $4)`, [id, bin, product, qty]);
    });
    return { id, kind: 'pick', reference: `SO-OWN-${made}`, status: 'open', assignedTo, workedOnDevice: null, createdAt: new Date().toISOString(), lines: [{ lineNo: 1, binCode: bin, productId: product, lot: null, qty }] };
  }

  const exceptions = async () => floorExceptionsSchema.parse((await app.inject({ method: 'GET', url: apiPaths.console('wh-main', 'exceptions'), headers: supervisor.headers })).json());
  const conflictsOf = async (taskId: string) => (await exceptions()).taskConflicts.filter((c) => c.taskId === taskId);
  const stockOf = (task: Task) => balanceOf(test.db, task.lines[0]!.binCode!, task.lines[0]!.productId!);
  const label = (d: SignedIn) => d.deviceId.slice(0, 8);

  for (const order of ['first phone first', 'second phone first'] as const) {
    it(`applies both phones' offline picks of one line, flags the over-pick naming both, and shows each phone the real progress (${order})`, async () => {
      const list = await pickListOf(2, 7);
      const phoneA = await device();
      const phoneB = await device();
      const cursors = await Promise.all([manifestCursor(app, phoneA.signedIn), manifestCursor(app, phoneB.signedIn)]);
      const at = Date.now() - 120_000;
      // Both offline: each takes the list and picks the line's 2.
      const batchA = [phoneA.ops.next({ type: 'task-taken', taskId: list.id }, new Date(at)), phoneA.ops.next(pickOf(list, 1, 2), new Date(at + 10_000))];
      const batchB = [phoneB.ops.next({ type: 'task-taken', taskId: list.id }, new Date(at + 5_000)), phoneB.ops.next(pickOf(list, 1, 2), new Date(at + 15_000))];
      const [first, second] = order === 'first phone first' ? [phoneA, phoneB] : [phoneB, phoneA];
      const firstAnswer = await push(app, first.signedIn, first === phoneA ? batchA : batchB);
      const secondAnswer = await push(app, second.signedIn, second === phoneA ? batchA : batchB);

      expect(firstAnswer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      // The second take is refused naming who has it and where; its pick happened: applied.
      expect(secondAnswer.results[0]).toMatchObject({ status: 'rejected', why: { code: 'task-taken', by: 'Pat Picker', device: label(first.signedIn), you: true } });
      expect(secondAnswer.results[0]!.message).toContain(label(first.signedIn));
      expect(secondAnswer.results[1]!.status).toBe('applied');
      // What physically left the bin: 4 of 7.
      expect(await stockOf(list)).toBe(3);

      const [conflict, ...more] = await conflictsOf(list.id);
      expect(more).toEqual([]);
      expect(conflict).toMatchObject({ kind: 'over-pick', lineNo: 1, lineQty: 2, excess: 2, username: 'picker1', deviceId: second.signedIn.deviceId });
      expect(conflict!.devices.map((d) => [d.deviceId, d.qty, d.username]).sort()).toEqual(
        [[phoneA.signedIn.deviceId, 2, 'picker1'], [phoneB.signedIn.deviceId, 2, 'picker1']].sort(),
      );

      // Each phone pulls the line's real progress, the other phone's picks included, and the conflict naming it.
      for (const [i, phone] of [phoneA, phoneB].entries()) {
        const pulled = await pullAll(app, phone.signedIn, cursors[i]!);
        const task = pulled.tasks.find((t) => t.id === list.id)!;
        expect(task).toMatchObject({ status: 'in-progress', assignedTo: 'u-picker1', assignedToName: 'Pat Picker', workedOnDevice: first.signedIn.deviceId });
        expect(task.lines[0]).toMatchObject({ done: 4, short: null });
        expect(task.conflicts).toEqual([expect.objectContaining({ kind: 'over-pick', lineNo: 1, excess: 2 })]);
        expect(task.conflicts[0]!.devices.map((d) => d.deviceId).sort()).toEqual([phoneA.signedIn.deviceId, phoneB.signedIn.deviceId].sort());
        expect(BigInt(pulled.pages.at(-1)!.taskClocks[list.id] ?? '0')).toBeGreaterThanOrEqual(BigInt(secondAnswer.results[1]!.clock!));
      }
    });
  }

  it('keeps one open over-pick per line when both phones push at the same moment', async () => {
    const list = await pickListOf(2, 7);
    const [phoneA, phoneB] = [await device(), await device()];
    const at = Date.now() - 60_000;
    const answers = await Promise.all(
      [phoneA, phoneB].map((phone, i) => push(app, phone.signedIn, [phone.ops.next({ type: 'task-taken', taskId: list.id }, new Date(at + i)), phone.ops.next(pickOf(list, 1, 2), new Date(at + 1000 + i))])),
    );
    // One take wins, whichever; both picks are applied.
    expect(answers.map((a) => a.results[0]!.status).sort()).toEqual(['applied', 'rejected']);
    expect(answers.map((a) => a.results[1]!.status)).toEqual(['applied', 'applied']);
    expect(await stockOf(list)).toBe(3);
    const conflicts = await conflictsOf(list.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'over-pick', excess: 2 });
    expect(conflicts[0]!.devices.map((d) => d.deviceId).sort()).toEqual([phoneA.signedIn.deviceId, phoneB.signedIn.deviceId].sort());
    // A pick of one more unit by either phone grows the same conflict.
    await push(app, phoneA.signedIn, [phoneA.ops.next(pickOf(list, 1, 1))]);
    expect((await conflictsOf(list.id)).map((c) => c.excess)).toEqual([3]);
  });

  it('refuses a take of a task another device has, naming who and where; a take-over is explicit and recorded, and the old device no longer finishes it', async () => {
    const list = await pickListOf(3, 10);
    const phoneA = await device();
    const phoneB = await device();
    const other = await device('super1', '9999');
    expect((await push(app, phoneA.signedIn, [phoneA.ops.next({ type: 'task-taken', taskId: list.id })])).results[0]!.status).toBe('applied');

    // Another worker, and the same worker on another phone: refused, naming Pat Picker and phone A.
    const theirs = await push(app, other.signedIn, [other.ops.next({ type: 'task-taken', taskId: list.id })]);
    expect(theirs.results[0]).toMatchObject({ status: 'rejected', why: { code: 'task-taken', by: 'Pat Picker', device: label(phoneA.signedIn) } });
    expect(theirs.results[0]!.why).not.toHaveProperty('you');
    const mine = await push(app, phoneB.signedIn, [phoneB.ops.next({ type: 'task-taken', taskId: list.id })]);
    expect(mine.results[0]).toMatchObject({ status: 'rejected', why: { code: 'task-taken', by: 'Pat Picker', device: label(phoneA.signedIn), you: true } });

    // Phone B takes it over, explicitly: recorded from phone A to phone B.
    const takeOver = await push(app, phoneB.signedIn, [phoneB.ops.next({ type: 'task-taken', taskId: list.id, takeOver: true })]);
    expect(takeOver.results[0]!.status).toBe('applied');
    const { takeovers } = await exceptions();
    expect(takeovers.find((k) => k.taskId === list.id)).toMatchObject({ opId: takeOver.results[0]!.opId, fromUser: 'picker1', fromDevice: phoneA.signedIn.deviceId, toUser: 'picker1', toDevice: phoneB.signedIn.deviceId });
    const [row] = await test.db.query<{ device: string }>(`select worked_on_device as device from tasks where warehouse_id = 'wh-main' and id = $1`, [list.id]);
    expect(row?.device).toBe(phoneB.signedIn.deviceId);

    // Phone A, still offline, picks 1 and finishes: the pick happened (applied), the finish is phone B's to make.
    const late = await push(app, phoneA.signedIn, [phoneA.ops.next(pickOf(list, 1, 1)), phoneA.ops.next({ type: 'task-finished', taskId: list.id })]);
    expect(late.results[0]!.status).toBe('applied');
    expect(late.results[1]).toMatchObject({ status: 'rejected', why: { code: 'task-taken', device: label(phoneB.signedIn), you: true } });
    expect(await stockOf(list)).toBe(9);
    const [after] = await test.db.query<{ device: string; status: string }>(`select worked_on_device as device, status from tasks where warehouse_id = 'wh-main' and id = $1`, [list.id]);
    expect(after).toEqual({ device: phoneB.signedIn.deviceId, status: 'in-progress' });
    // Phone B picks the rest and finishes.
    const done = await push(app, phoneB.signedIn, [phoneB.ops.next(pickOf(list, 1, 2)), phoneB.ops.next({ type: 'task-finished', taskId: list.id })]);
    expect(done.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await conflictsOf(list.id)).toEqual([]);
  });

  it("keeps a supervisor's back-to-open against a late offline step: the step applies, the task stays open, the conflict names the worker, the device and the decision", async () => {
    const list = await pickListOf(3, 10, null);
    const url = (path: string) => apiPaths.console('wh-main', path);
    // The supervisor gives the list to picker1; picker1 takes it on the phone and goes offline.
    expect((await app.inject({ method: 'POST', url: url(`tasks/${list.id}/assign`), headers: supervisor.headers, payload: { assignedTo: 'picker1' } })).statusCode).toBe(204);
    const phone = await device();
    const cursor = await manifestCursor(app, phone.signedIn);
    const offlineAt = Date.now() - 60_000;
    const batch = [phone.ops.next({ type: 'task-taken', taskId: list.id }, new Date(offlineAt)), phone.ops.next(pickOf(list, 1, 2), new Date(offlineAt + 5_000))];
    // Seeing nothing happen, the supervisor puts it back to open.
    expect((await app.inject({ method: 'POST', url: url(`tasks/${list.id}/assign`), headers: supervisor.headers, payload: { assignedTo: null } })).statusCode).toBe(204);

    const answer = await push(app, phone.signedIn, batch);
    expect(answer.results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-task-decided', taskId: list.id, status: 'open', assignedTo: null } });
    expect(answer.results[0]!.message).toContain('put task');
    expect(answer.results[1]!.status).toBe('applied');
    expect(await stockOf(list)).toBe(8);

    const [task] = await test.db.query<{ status: string; assignedTo: string | null }>(`select status, assigned_to as "assignedTo" from tasks where warehouse_id = 'wh-main' and id = $1`, [list.id]);
    expect(task).toEqual({ status: 'open', assignedTo: null });
    const conflicts = await conflictsOf(list.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'worked-after-decision', username: 'picker1', deviceId: phone.signedIn.deviceId, decision: { status: 'open', assignedTo: null } });

    // The worker's device is told, on the task it pulls; its pick is in the line's progress.
    const pulled = await pullAll(app, phone.signedIn, cursor);
    const pulledTask = pulled.tasks.find((t) => t.id === list.id)!;
    expect(pulledTask).toMatchObject({ status: 'open', assignedTo: null, lines: [expect.objectContaining({ done: 2 })] });
    expect(pulledTask.conflicts).toEqual([expect.objectContaining({ kind: 'worked-after-decision', devices: [{ deviceId: phone.signedIn.deviceId, userName: 'Pat Picker', deviceName: null }], decision: { status: 'open', assignedToName: null } })]);

    // Resolved by the supervisor: the device hears at its next pull.
    const resolved = await app.inject({ method: 'POST', url: url(`task-conflicts/${conflicts[0]!.id}/resolve`), headers: supervisor.headers, payload: { note: 'Talked to Pat' } });
    expect(resolved.statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: url(`task-conflicts/${conflicts[0]!.id}/resolve`), headers: supervisor.headers, payload: { note: 'again' } })).statusCode).toBe(404);
    const again = await pullAll(app, phone.signedIn, pulled.cursor);
    expect(again.tasks.find((t) => t.id === list.id)?.conflicts).toEqual([]);

    // A take after the worker saw it open again is an ordinary take.
    const retake = await push(app, phone.signedIn, [phone.ops.next({ type: 'task-taken', taskId: list.id })]);
    expect(retake.results[0]!.status).toBe('applied');
  });

  it("keeps a supervisor's reassignment against a late step done without a take", async () => {
    const list = await pickListOf(3, 10, null);
    const url = (path: string) => apiPaths.console('wh-main', path);
    const phone = await device();
    const offlineAt = Date.now() - 60_000;
    const step = phone.ops.next(pickOf(list, 1, 1), new Date(offlineAt));
    expect((await app.inject({ method: 'POST', url: url(`tasks/${list.id}/assign`), headers: supervisor.headers, payload: { assignedTo: 'super1' } })).statusCode).toBe(204);
    expect((await push(app, phone.signedIn, [step])).results[0]!.status).toBe('applied');
    const [task] = await test.db.query<{ assignedTo: string | null }>(`select assigned_to as "assignedTo" from tasks where warehouse_id = 'wh-main' and id = $1`, [list.id]);
    expect(task?.assignedTo).toBe('u-super1');
    expect(await conflictsOf(list.id)).toEqual([expect.objectContaining({ kind: 'worked-after-decision', username: 'picker1', decision: { status: 'open', assignedTo: 'super1' } })]);
  });

  it("refuses another warehouse's task and a take-over of a finished task, changing nothing", async () => {
    const [yardTask] = await test.db.query<{ id: string }>(`select id from tasks where warehouse_id = 'wh-yard' and kind = 'pick' order by id limit 1`);
    expect(yardTask).toBeDefined();
    const phone = await device();
    const yardTake = await push(app, phone.signedIn, [
      phone.ops.next({ type: 'task-taken', taskId: yardTask!.id, takeOver: true }),
      phone.ops.next({ type: 'task-finished', taskId: yardTask!.id }),
      phone.ops.next({ ...pickOf(floor.pickList, floor.pickList.lines[0]!.lineNo, 1), taskId: yardTask!.id }),
    ]);
    expect(yardTake.results.map((r) => [r.status, r.why?.code])).toEqual([
      ['rejected', 'op-unknown-task'],
      ['rejected', 'op-unknown-task'],
      ['rejected', 'op-unknown-task'],
    ]);
    const [yard] = await test.db.query<{ status: string; assignedTo: string | null; device: string | null }>(`select status, assigned_to as "assignedTo", worked_on_device as device from tasks where warehouse_id = 'wh-yard' and id = $1`, [yardTask!.id]);
    expect(yard?.device).toBeNull();

    const list = await pickListOf(1, 5);
    const owner = await device();
    await push(app, owner.signedIn, [owner.ops.next({ type: 'task-taken', taskId: list.id }), owner.ops.next(pickOf(list, 1, 1)), owner.ops.next({ type: 'task-finished', taskId: list.id })]);
    const grab = await push(app, phone.signedIn, [phone.ops.next({ type: 'task-taken', taskId: list.id, takeOver: true })]);
    expect(grab.results[0]).toMatchObject({ status: 'rejected', why: { code: 'op-task-closed', status: 'done' } });
    expect((await exceptions()).takeovers.find((k) => k.taskId === list.id)).toBeUndefined();
    const [after] = await test.db.query<{ device: string }>(`select worked_on_device as device from tasks where warehouse_id = 'wh-main' and id = $1`, [list.id]);
    expect(after?.device).toBe(owner.signedIn.deviceId);
  });

  it('reads a task-taken recorded before take-overs existed (no takeOver field) as a plain take', async () => {
    const list = await pickListOf(1, 5, null);
    const phone = await device();
    const answer = await push(app, phone.signedIn, [phone.ops.next({ type: 'task-taken', taskId: list.id })]);
    expect(answer.results[0]!.status).toBe('applied');
    expect((await exceptions()).takeovers.find((k) => k.taskId === list.id)).toBeUndefined();
  });
});
