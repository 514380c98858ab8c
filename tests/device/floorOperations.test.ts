/**
 * Writing floor operations on the device (fake-indexeddb): one operation, its stock
 * effect and the task's progress in one transaction; gapless sequence numbers; undo
 * as an operation of its own; and a crash in the middle leaving nothing half-done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordOperation, readTaskProgress } from '../../src/device/floorOperations';
import { toStoredBin, type FloorDb } from '../../src/device/floorDb';
import { DeviceRefusal } from '../../src/device/refusals';
import type { CountOp, PickOp, PutawayOp } from '../../src/domain/floor/operations';
import { freshDeviceDb } from './deviceDb';

const worker = { userId: 'u-picker1', warehouseId: 'wh-main' };
let opened: FloorDb[] = [];
afterEach(() => {
  opened.forEach((db) => db.close());
  opened = [];
});

async function deviceWithBins() {
  const device = freshDeviceDb();
  opened.push(device.db);
  await device.db.bins.bulkPut([
    toStoredBin({ code: 'A-01-01-1', zone: 'A', aisle: 'A-01', walkSeq: 10, stock: [{ binCode: 'A-01-01-1', productId: 'p1', lot: 'L1', expiry: '2027-05-01', qty: 10 }] }),
    toStoredBin({ code: 'A-01-02-1', zone: 'A', aisle: 'A-01', walkSeq: 20, stock: [] }),
  ]);
  return device;
}

const pick = (qty: number, lineNo = 1): PickOp => ({ type: 'pick', taskId: 't-pick-1', lineNo, binCode: 'A-01-01-1', productId: 'p1', lot: 'L1', expiry: '2027-05-01', qty, proposedLot: null });
const putaway: PutawayOp = { type: 'putaway', taskId: null, lineNo: null, binCode: 'A-01-02-1', productId: 'p1', lot: 'L2', expiry: '2027-08-01', qty: 6, suggestedBinCode: 'A-01-01-1' };

const stockOf = async (db: FloorDb, bin: string) => (await db.bins.get(bin))!.stock.map((l) => [l.productId, l.lot, l.qty]);

describe('recording floor operations on the device', () => {
  it('writes the operation and its stock effect together, with gapless sequence numbers', async () => {
    const { db } = await deviceWithBins();
    const first = await recordOperation(db, worker, pick(3));
    const second = await recordOperation(db, worker, putaway);
    expect([first.deviceSeq, second.deviceSeq]).toEqual([1, 2]);
    expect(await stockOf(db, 'A-01-01-1')).toEqual([['p1', 'L1', 7]]);
    expect(await stockOf(db, 'A-01-02-1')).toEqual([['p1', 'L2', 6]]);
    const outbox = await db.outbox.orderBy('deviceSeq').toArray();
    expect(outbox.map((e) => [e.type, e.status, e.userId])).toEqual([
      ['pick', 'pending', 'u-picker1'],
      ['putaway', 'pending', 'u-picker1'],
    ]);
    expect(outbox[1]!.payload).toEqual({ ...putaway, deviations: [] }); // the override is in the payload: suggested A-01-01-1, put in A-01-02-1
  });

  it('keeps the task\u2019s progress, which a reload finds again', async () => {
    const device = await deviceWithBins();
    await recordOperation(device.db, worker, pick(2));
    await recordOperation(device.db, worker, pick(3));
    await recordOperation(device.db, worker, { type: 'pick-short', taskId: 't-pick-1', lineNo: 2, binCode: 'A-01-02-1', productId: 'p2', shortQty: 4, reason: 'not-found' });
    device.db.close();
    const again = device.reopen();
    opened.push(again);
    const progress = await readTaskProgress(again, 't-pick-1');
    expect(progress?.lines).toEqual({ 1: { done: 5, short: null }, 2: { done: 0, short: { qty: 4, reason: 'not-found' } } });
    expect(progress?.opIds).toHaveLength(3);
  });

  it('undoes the last step with an operation of its own, and only the last', async () => {
    const { db } = await deviceWithBins();
    const first = await recordOperation(db, worker, pick(2));
    const second = await recordOperation(db, worker, pick(3));
    await expect(recordOperation(db, worker, { type: 'undo', undoesOpId: first.opId })).rejects.toMatchObject({ reason: 'nothing-to-undo' });
    const undo = await recordOperation(db, worker, { type: 'undo', undoesOpId: second.opId });
    expect(undo.deviceSeq).toBe(3);
    expect(await stockOf(db, 'A-01-01-1')).toEqual([['p1', 'L1', 8]]);
    expect((await readTaskProgress(db, 't-pick-1'))?.lines[1]?.done).toBe(2);
    expect(await db.outbox.count()).toBe(3); // history is kept: pick, pick, undo
    await expect(recordOperation(db, worker, { type: 'undo', undoesOpId: undo.opId })).rejects.toMatchObject({ reason: 'nothing-to-undo' });
  });

  it('records a count as a snapshot of the bin, and an undo puts back what the device knew', async () => {
    const { db } = await deviceWithBins();
    const count: CountOp = {
      type: 'count',
      taskId: null,
      lineNo: null,
      binCode: 'A-01-01-1',
      startedAt: '2026-11-23T10:00:00.000Z',
      bookAtStart: [{ productId: 'p1', lot: 'L1', expiry: '2027-05-01', qty: 10 }],
      lines: [
        { productId: 'p1', lot: 'L1', expiry: '2027-05-01', counted: 8, firstCount: 7, unexpected: false },
        { productId: 'p9', lot: '', expiry: null, counted: 1, firstCount: null, unexpected: true },
      ],
    };
    const recorded = await recordOperation(db, worker, count);
    expect(await stockOf(db, 'A-01-01-1')).toEqual([['p1', 'L1', 8], ['p9', '', 1]]);
    await recordOperation(db, worker, { type: 'undo', undoesOpId: recorded.opId });
    expect(await stockOf(db, 'A-01-01-1')).toEqual([['p1', 'L1', 10]]);
    await expect(recordOperation(db, worker, { type: 'undo', undoesOpId: recorded.opId })).rejects.toMatchObject({ reason: 'nothing-to-undo' });
  });

  it('records "the bin is empty" as a count of nothing', async () => {
    const { db } = await deviceWithBins();
    await recordOperation(db, worker, { type: 'count', taskId: null, lineNo: null, binCode: 'A-01-01-1', startedAt: '2026-11-23T10:00:00.000Z', bookAtStart: [{ productId: 'p1', lot: 'L1', expiry: '2027-05-01', qty: 10 }], lines: [] });
    expect(await stockOf(db, 'A-01-01-1')).toEqual([]);
  });

  it('refuses a bad step with a reason and writes nothing', async () => {
    const { db } = await deviceWithBins();
    await expect(recordOperation(db, worker, { ...pick(0) })).rejects.toThrow(/qty/);
    await expect(recordOperation(db, worker, { ...putaway, binCode: 'Z-99-99-9' })).rejects.toMatchObject({ reason: 'unknown-bin' });
    expect(await db.outbox.count()).toBe(0);
    expect(await stockOf(db, 'A-01-01-1')).toEqual([['p1', 'L1', 10]]);
    // The refused step did not use up a sequence number.
    expect((await recordOperation(db, worker, pick(1))).deviceSeq).toBe(1);
  });

  it('refuses steps on a finished task, undo included', async () => {
    const { db } = await deviceWithBins();
    const picked = await recordOperation(db, worker, pick(1));
    await recordOperation(db, worker, { type: 'task-finished', taskId: 't-pick-1' });
    await expect(recordOperation(db, worker, pick(1))).rejects.toMatchObject({ reason: 'task-finished' });
    await expect(recordOperation(db, worker, { type: 'undo', undoesOpId: picked.opId })).rejects.toBeInstanceOf(DeviceRefusal);
  });

  it('leaves nothing half-done when the device dies in the middle of a step', async () => {
    const device = await deviceWithBins();
    await recordOperation(device.db, worker, pick(2));
    // The outbox write fails after the stock was changed in the same transaction (as
    // when the tab is killed or the disk is full at that moment).
    const add = device.db.outbox.add.bind(device.db.outbox);
    device.db.outbox.add = (() => Promise.reject(new DOMException('The tab went away', 'AbortError'))) as unknown as typeof add;
    await expect(recordOperation(device.db, worker, pick(3))).rejects.toBeInstanceOf(DeviceRefusal);
    device.db.outbox.add = add;
    device.db.close();

    const again = device.reopen();
    opened.push(again);
    expect(await stockOf(again, 'A-01-01-1')).toEqual([['p1', 'L1', 8]]);
    expect(await again.outbox.count()).toBe(1);
    expect((await readTaskProgress(again, 't-pick-1'))?.lines[1]?.done).toBe(2);
    // The next step continues the sequence without a gap.
    expect((await recordOperation(again, worker, pick(1))).deviceSeq).toBe(2);
  });
});

describe('a count draft', () => {
  it('is cleared in the same transaction as the count it became, and kept when that fails', async () => {
    const { startCount, setCount, submitCount } = await import('../../src/domain/floor/countSheet');
    const { saveCountDraft, readCountDraft } = await import('../../src/device/floorOperations');
    const device = await deviceWithBins();
    const book = (await device.db.bins.get('A-01-01-1'))!.stock;
    const sheet = setCount(startCount('A-01-01-1', null, book, '2026-11-23T10:00:00.000Z'), { productId: 'p1', lot: 'L1', expiry: '2027-05-01' }, 10);
    await saveCountDraft(device.db, sheet);
    const outcome = submitCount(sheet, { units: 2, percent: 5 });
    if (outcome.kind !== 'count') throw new Error('expected a count');
    const add = device.db.outbox.add.bind(device.db.outbox);
    device.db.outbox.add = (() => Promise.reject(new DOMException('gone', 'AbortError'))) as unknown as typeof add;
    await expect(recordOperation(device.db, worker, outcome.op, new Date(), 'countDraft')).rejects.toBeInstanceOf(DeviceRefusal);
    expect(await readCountDraft(device.db)).toEqual(sheet);
    device.db.outbox.add = add;
    await recordOperation(device.db, worker, outcome.op, new Date(), 'countDraft');
    expect(await readCountDraft(device.db)).toBeNull();
    expect(await device.db.outbox.count()).toBe(1);
  });
});

describe('putaway suggestion from the device', () => {
  it('suggests a bin of the zone holding the product, else the nearest empty one, read by index', async () => {
    const { suggestPutawayBin } = await import('../../src/device/putawayPlaces');
    const { db } = await deviceWithBins();
    expect(await suggestPutawayBin(db, { id: 'p1', zone: 'A', lotTracked: true }, 'L1')).toEqual({ binCode: 'A-01-01-1', reason: 'holds-product' });
    expect(await suggestPutawayBin(db, { id: 'p1', zone: 'A', lotTracked: true }, 'L7')).toEqual({ binCode: 'A-01-02-1', reason: 'empty-bin' });
    expect(await suggestPutawayBin(db, { id: 'p1', zone: 'Q', lotTracked: false }, '')).toBeNull();
  });
});

describe('taking an open task', () => {
  const openList = { id: 't-open', kind: 'pick' as const, reference: 'SO-9', status: 'open' as const, assignedTo: null, workedOnDevice: null, createdAt: '2026-11-23T08:00:00Z', lines: [] };

  it("makes the device's copy the worker's in the same step, which Undo does not take back", async () => {
    const { db } = await deviceWithBins();
    await db.tasks.put(openList);
    const taken = await recordOperation(db, worker, { type: 'task-taken', taskId: 't-open' });
    expect(taken).toMatchObject({ type: 'task-taken', deviceSeq: 1 });
    expect(await db.tasks.get('t-open')).toMatchObject({ assignedTo: 'u-picker1', status: 'in-progress' });
    expect((await readTaskProgress(db, 't-open'))?.opIds).toEqual([]);
  });

  it('is refused when the device knows someone else has it, and nothing is written', async () => {
    const { db } = await deviceWithBins();
    await db.tasks.put({ ...openList, assignedTo: 'u-other' });
    await expect(recordOperation(db, worker, { type: 'task-taken', taskId: 't-open' })).rejects.toMatchObject({ reason: 'task-taken', why: { code: 'task-taken', by: 'u-other' } });
    expect(await db.outbox.count()).toBe(0);
    expect(await readTaskProgress(db, 't-open')).toBeNull();
  });
});

describe('one step, once, checked where it is written', () => {
  const pickList = { id: 't-pick-1', kind: 'pick' as const, reference: 'SO-1', status: 'in-progress' as const, assignedTo: 'u-picker1', workedOnDevice: null, createdAt: '2026-11-23T08:00:00Z', lines: [{ lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: null, qty: 4 }] };

  it('writes a step once however often the same key is written, even at the same time, with the flow state beside it', async () => {
    const { db } = await deviceWithBins();
    const writes = await Promise.all([1, 2, 3].map(() => recordOperation(db, worker, pick(1), new Date(), { stepKey: 'flow-1#0', flowState: { key: 'flow:pick:t-pick-1', value: { stepNo: 1 } } })));
    expect(new Set(writes.map((w) => w.opId)).size).toBe(1);
    expect(writes.filter((w) => w.duplicate)).toHaveLength(2);
    expect(await db.outbox.count()).toBe(1);
    expect(await stockOf(db, 'A-01-01-1')).toEqual([['p1', 'L1', 9]]);
    expect((await db.syncState.get('flow:pick:t-pick-1'))?.value).toEqual({ stepNo: 1 });
    // Another key is another step.
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'flow-1#1' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('never takes a pick line above its quantity, nor closes a closed line short, whatever the screen asked', async () => {
    const { db } = await deviceWithBins();
    await db.tasks.put(pickList);
    await recordOperation(db, worker, pick(3));
    await expect(recordOperation(db, worker, pick(2))).rejects.toMatchObject({ reason: 'line-closed', why: { code: 'qty-more-than-allowed', max: 1 } });
    await Promise.allSettled([recordOperation(db, worker, pick(1)), recordOperation(db, worker, pick(1))]);
    expect((await readTaskProgress(db, 't-pick-1'))?.lines[1]?.done).toBe(4);
    await expect(recordOperation(db, worker, { type: 'pick-short', taskId: 't-pick-1', lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', shortQty: 1, reason: 'damaged' })).rejects.toMatchObject({ reason: 'line-closed' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('counts a bin of a count task once per attempt: again only after that count is undone', async () => {
    const { db } = await deviceWithBins();
    await db.tasks.put({ ...pickList, id: 't-count', kind: 'count', lines: [{ lineNo: 1, binCode: 'A-01-01-1', productId: null, lot: null, qty: null }] });
    const count: CountOp = { type: 'count', taskId: 't-count', lineNo: 1, binCode: 'A-01-01-1', startedAt: '2026-11-23T10:00:00.000Z', bookAtStart: [], lines: [] };
    const first = await recordOperation(db, worker, count);
    await expect(recordOperation(db, worker, count)).rejects.toMatchObject({ why: { code: 'bin-counted-already', bin: 'A-01-01-1' } });
    await recordOperation(db, worker, { type: 'undo', undoesOpId: first.opId });
    await recordOperation(db, worker, count);
    expect((await db.outbox.orderBy('deviceSeq').toArray()).map((e) => e.type)).toEqual(['count', 'undo', 'count']);
  });
});
