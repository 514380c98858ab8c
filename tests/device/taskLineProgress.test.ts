/**
 * A task's real progress on the device (fake-indexeddb): the server's per-line progress
 * from every device, with this device's steps the server's state does not hold yet on
 * top; and taking a task another device has only explicitly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordOperation } from '../../src/device/floorOperations';
import { toStoredBin, type FloorDb, type OutboxEntry, type StoredTask, type TaskProgress } from '../../src/device/floorDb';
import { readRealLineProgress, realLineProgress } from '../../src/device/taskLineProgress';
import { readTask, takeTask } from '../../src/device/tasks';
import { recordFates, storePulledPage } from '../../src/device/syncStore';
import { writeRecord } from '../../src/device/syncState';
import type { FloorOperation, PickOp } from '../../src/domain/floor/operations';
import { DEFAULT_WAREHOUSE_SETTINGS } from '../../src/domain/floor/warehouseSettings';
import type { PullResponse } from '../../src/protocol/syncMessages';
import { freshDeviceDb } from './deviceDb';

const worker = { userId: 'u-picker1', warehouseId: 'wh-main' };
let opened: FloorDb[] = [];
afterEach(() => {
  opened.forEach((db) => db.close());
  opened = [];
});

const task = (over: Partial<StoredTask> = {}): StoredTask => ({
  id: 't-1',
  kind: 'pick',
  reference: 'SO-1',
  status: 'in-progress',
  assignedTo: 'u-picker1',
  assignedToName: 'Pat Picker',
  workedOnDevice: 'dev-other',
  createdAt: '2026-12-01T08:00:00Z',
  conflicts: [],
  lines: [
    { lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: null, qty: 4, done: 2, short: null },
    { lineNo: 2, binCode: 'A-01-02-1', productId: 'p2', lot: null, qty: 3, done: 0, short: null },
  ],
  serverClock: '10',
  ...over,
});

const pick = (qty: number, lineNo = 1, taskId = 't-1'): PickOp => ({ type: 'pick', taskId, lineNo, binCode: lineNo === 1 ? 'A-01-01-1' : 'A-01-02-1', productId: lineNo === 1 ? 'p1' : 'p2', lot: '', expiry: null, qty, proposedLot: null });

let seq = 0;
const entry = (payload: FloorOperation, status: OutboxEntry['status'] = 'pending', clock: string | null = null, opId = `op-${++seq}`): OutboxEntry => ({
  opId,
  deviceSeq: seq,
  type: payload.type,
  payload,
  createdAt: '2026-12-01T09:00:00Z',
  status,
  clock,
  userId: 'u-picker1',
  warehouseId: 'wh-main',
});

describe('realLineProgress', () => {
  it("starts from the server's progress (the other device's picks) and lays this device's pending steps on top", () => {
    const lines = realLineProgress(task(), null, [entry(pick(1)), entry({ type: 'pick-short', taskId: 't-1', lineNo: 2, binCode: 'A-01-02-1', productId: 'p2', shortQty: 3, reason: 'not-found' })]);
    expect(lines).toEqual({ 1: { done: 3, short: null }, 2: { done: 0, short: { qty: 3, reason: 'not-found' } } });
  });

  it('lays an acknowledged step only while the task as pulled is older than the clock it was recorded at', () => {
    const acknowledged = entry(pick(1), 'applied', '11');
    expect(realLineProgress(task(), null, [acknowledged])[1]).toEqual({ done: 3, short: null });
    expect(realLineProgress(task({ serverClock: '11' }), null, [acknowledged])[1]).toEqual({ done: 2, short: null });
    expect(realLineProgress(task({ serverClock: '12' }), null, [acknowledged])[1]).toEqual({ done: 2, short: null });
  });

  it('never lays a rejected or dismissed step, nor steps of other tasks', () => {
    const lines = realLineProgress(task(), null, [entry(pick(1), 'rejected', '11'), entry(pick(1), 'dismissed', '12'), entry(pick(2, 1, 't-2'))]);
    expect(lines[1]).toEqual({ done: 2, short: null });
  });

  it("lays an undo as the reverse of its step, whether the step is in the server's state or not", () => {
    const inState = entry(pick(2), 'applied', '9');
    const undoOfInState = entry({ type: 'undo', undoesOpId: inState.opId });
    expect(realLineProgress(task({ lines: [{ ...task().lines[0]!, done: 4 }] }), null, [inState, undoOfInState])[1]).toEqual({ done: 2, short: null });
    const pending = entry(pick(1));
    const undoOfPending = entry({ type: 'undo', undoesOpId: pending.opId });
    expect(realLineProgress(task(), null, [pending, undoOfPending])[1]).toEqual({ done: 2, short: null });
    const short = entry({ type: 'pick-short', taskId: 't-1', lineNo: 2, binCode: 'A-01-02-1', productId: 'p2', shortQty: 3, reason: 'damaged' }, 'applied', '9');
    const withShort = task({ lines: [task().lines[0]!, { ...task().lines[1]!, short: { qty: 3, reason: 'damaged' } }] });
    expect(realLineProgress(withShort, null, [short, entry({ type: 'undo', undoesOpId: short.opId })])[2]).toEqual({ done: 0, short: null });
  });

  it('counts a counted bin once, and follows the device order', () => {
    const count = task({ kind: 'count', lines: [{ lineNo: 1, binCode: 'A-01-01-1', productId: null, lot: null, qty: null, done: 0, short: null }] });
    const op: FloorOperation = { type: 'count', taskId: 't-1', lineNo: 1, binCode: 'A-01-01-1', startedAt: '2026-12-01T09:00:00Z', bookAtStart: [], lines: [], deviations: [] };
    expect(realLineProgress(count, null, [entry(op)])[1]).toEqual({ done: 1, short: null });
  });

  it("uses this device's own progress for a task stored before the server sent progress", () => {
    const old = { ...task(), serverClock: undefined, lines: task().lines.map(({ done: _d, short: _s, ...line }) => line) };
    const progress: TaskProgress = { taskId: 't-1', startedAt: '2026-12-01T09:00:00Z', lines: { 1: { done: 1, short: null } }, finished: false, opIds: ['op-x'] };
    expect(realLineProgress(old, progress, [entry(pick(1))])).toEqual({ 1: { done: 1, short: null } });
    expect(realLineProgress(old, null, [])).toEqual({});
  });
});

type Page = Extract<PullResponse, { kind: 'changes' }>;
const page = (tasks: Page['tasks'], clock: string, taskClocks: Record<string, string>): Page => ({
  kind: 'changes',
  products: [],
  bins: [],
  tasks,
  operations: [],
  settings: DEFAULT_WAREHOUSE_SETTINGS,
  cursor: `c-${clock}`,
  clock,
  binClocks: {},
  taskClocks,
  more: false,
});

async function device(): Promise<FloorDb> {
  const { db } = freshDeviceDb();
  opened.push(db);
  await writeRecord(db, 'deviceId', 'dev-here');
  await db.bins.bulkPut([
    toStoredBin({ code: 'A-01-01-1', zone: 'A', aisle: 'A-01', walkSeq: 10, stock: [{ binCode: 'A-01-01-1', productId: 'p1', lot: '', expiry: null, qty: 10 }] }),
    toStoredBin({ code: 'A-01-02-1', zone: 'A', aisle: 'A-01', walkSeq: 20, stock: [{ binCode: 'A-01-02-1', productId: 'p2', lot: '', expiry: null, qty: 10 }] }),
  ]);
  return db;
}

const wire = (over: Partial<StoredTask> = {}): Page['tasks'][number] => {
  const { serverClock: _c, ...rest } = task(over);
  return { ...rest, assignedToName: rest.assignedToName ?? null, workedOnDeviceName: rest.workedOnDeviceName ?? null, dueAt: rest.dueAt ?? null, conflicts: (rest.conflicts ?? []).map((c) => ({ ...c, devices: c.devices.map((d) => ({ ...d, deviceName: d.deviceName ?? null })) })), lines: rest.lines.map((l) => ({ ...l, done: l.done ?? 0, short: (l.short ?? null) as Page['tasks'][number]['lines'][number]['short'] })) };
};

describe('readRealLineProgress on the device', () => {
  it("shows the other device's picks and this device's own once, before and after the server holds them", async () => {
    const db = await device();
    // The other phone picked 2 of line 1; the pull says so, at clock 10.
    await storePulledPage(db, page([wire({ workedOnDevice: 'dev-here' })], '10', { 't-1': '10' }), { catalogWasEmpty: false });
    expect((await readTask(db, 't-1'))?.serverClock).toBe('10');
    const mine = await recordOperation(db, worker, pick(1));
    expect((await readRealLineProgress(db, 't-1'))?.[1]).toEqual({ done: 3, short: null });
    // Acknowledged at clock 11: still laid until the task is pulled at 11…
    await recordFates(db, [{ opId: mine.opId, status: 'applied', why: null, message: null, clock: '11' }]);
    expect((await readRealLineProgress(db, 't-1'))?.[1]).toEqual({ done: 3, short: null });
    // …then the server's progress holds it: counted once.
    await storePulledPage(db, page([wire({ workedOnDevice: 'dev-here', lines: [{ ...task().lines[0]!, done: 3 }, task().lines[1]!] })], '12', { 't-1': '11' }), { catalogWasEmpty: false });
    expect(await readRealLineProgress(db, 't-1')).toEqual({ 1: { done: 3, short: null }, 2: { done: 0, short: null } });
    expect(await readRealLineProgress(db, 't-missing')).toBeNull();
  });
});

describe('taking a task on the device', () => {
  it('refuses a task another device has, naming who and where, and takes it over only explicitly', async () => {
    const db = await device();
    await db.tasks.put(task({ assignedTo: 'u-other', assignedToName: 'Sam Supervisor', workedOnDevice: 'dev-other-1234' }));
    await expect(takeTask(db, worker, 't-1', { takeOver: false })).rejects.toMatchObject({ reason: 'task-taken', why: { code: 'task-taken', by: 'Sam Supervisor', device: 'dev-othe' } });
    expect(await db.outbox.count()).toBe(0);
    expect(await takeTask(db, worker, 't-1', { takeOver: true })).toBe(true);
    const [taken] = await db.outbox.toArray();
    expect(taken!.payload).toEqual({ type: 'task-taken', taskId: 't-1', takeOver: true });
    expect(await readTask(db, 't-1')).toMatchObject({ assignedTo: 'u-picker1', workedOnDevice: 'dev-here', status: 'in-progress' });
    // Now this device's: taking again records nothing.
    expect(await takeTask(db, worker, 't-1', { takeOver: false })).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    // A pull before the take reached the server keeps the device's take on top.
    await storePulledPage(db, page([wire({ assignedTo: 'u-other', workedOnDevice: 'dev-other-1234' })], '13', { 't-1': '13' }), { catalogWasEmpty: false });
    expect(await readTask(db, 't-1')).toMatchObject({ assignedTo: 'u-picker1', workedOnDevice: 'dev-here' });
  });

  it("says when this worker's other phone has the task, and takes an open one plainly", async () => {
    const db = await device();
    await db.tasks.put(task({ workedOnDevice: 'dev-phone-2' }));
    await expect(takeTask(db, worker, 't-1', { takeOver: false })).rejects.toMatchObject({ why: { code: 'task-taken', you: true, device: 'dev-phon' } });
    await db.tasks.put(task({ id: 't-open', assignedTo: null, assignedToName: null, workedOnDevice: null, status: 'open' }));
    expect(await takeTask(db, worker, 't-open', { takeOver: false })).toBe(true);
    expect((await db.outbox.toArray())[0]!.payload).toEqual({ type: 'task-taken', taskId: 't-open', takeOver: false });
    await db.tasks.put(task({ id: 't-done', status: 'done' }));
    await expect(takeTask(db, worker, 't-done', { takeOver: true })).rejects.toMatchObject({ reason: 'task-finished' });
  });
});
