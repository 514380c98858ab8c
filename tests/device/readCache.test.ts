/**
 * The read cache the flows decide with (fake-indexeddb): after the first event a task's
 * steps are decided and written from memory, and whatever else writes the device database
 * (another tab, a pull, a write the cache never heard of) changes what the next scan sees.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordOperation } from '../../src/device/floorOperations';
import type { FloorDb } from '../../src/device/floorDb';
import { readPickContext } from '../../src/device/flowContexts';
import { onCacheDropped } from '../../src/device/readCache';
import { resolveScan } from '../../src/device/scanResolver';
import { stepWays } from '../../src/device/stepTransactions';
import { storePulledPage } from '../../src/device/syncStore';
import { writeRecord } from '../../src/device/syncState';
import { watchQuery } from '../../src/device/liveQuery';
import { interpretCode } from '../../src/domain/codes/interpretCode';
import type { Product } from '../../src/domain/catalog/product';
import type { Gtin14 } from '../../src/domain/codes/gtin';
import { DEFAULT_WAREHOUSE_SETTINGS } from '../../src/domain/floor/warehouseSettings';
import type { PullResponse } from '../../src/protocol/syncMessages';
import { binA, device, doneOf, emptyBinAroundDexie, list, pick, product, worker } from './pickListDevice';

let opened: FloorDb[] = [];
afterEach(() => {
  opened.forEach((db) => db.close());
  opened = [];
});
beforeEach(() => Object.assign(stepWays, { fromMemory: 0, stale: 0, careful: 0 }));

const shown = async (db: FloorDb, bin: string) => (await db.bins.get(bin))!.stock.map((l) => l.qty);
/** What the cache tells its listeners: a task after the write that dropped something. */
const heard = (db: FloorDb) => {
  const calls: number[] = [];
  const stop = onCacheDropped(db, () => calls.push(Date.now()));
  return { calls, stop, settle: () => new Promise((r) => setTimeout(r, 5)) };
};

describe('the read cache of the floor flows', () => {
  it('decides and writes the steps of a task from memory after the first, with the same records a reload finds', async () => {
    const { db, reopen } = await device(opened);
    expect(await doneOf(db)).toBe(0);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    expect(await doneOf(db)).toBe(1);
    for (let n = 1; n < 4; n++) await recordOperation(db, worker, pick(1), new Date(Date.now() + n), { stepKey: `k#${n}`, flowState: { key: 'flow:pick:t-1', value: { stepNo: n + 1 } } });
    expect(stepWays.fromMemory).toBe(3);
    expect(await doneOf(db)).toBe(4);
    db.close();
    const again = reopen();
    opened.push(again);
    expect(await shown(again, 'A-01-01-1')).toEqual([6]);
    expect((await again.outbox.orderBy('deviceSeq').toArray()).map((e) => [e.deviceSeq, e.stepKey])).toEqual([
      [1, 'k#0'],
      [2, 'k#1'],
      [3, 'k#2'],
      [4, 'k#3'],
    ]);
    expect((await again.taskProgress.get('t-1'))?.lines[1]?.done).toBe(4);
    expect((await again.syncState.get('flow:pick:t-1'))?.value).toEqual({ stepNo: 4 });
    // The line's quantity still holds from memory: 2 more fit, 3 do not.
    await expect(recordOperation(again, worker, pick(3))).rejects.toMatchObject({ reason: 'line-closed' });
  });

  it('writes a step once under its key from memory too', async () => {
    const { db } = await device(opened);
    await doneOf(db);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    await doneOf(db);
    const again = await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    expect(again.duplicate).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect(await shown(db, 'A-01-01-1')).toEqual([9]);
  });

  it("hears another tab's step on the same list: the next scan sees the line's new progress and stock", async () => {
    const { db, reopen } = await device(opened);
    const otherTab = reopen();
    opened.push(otherTab);
    const listener = heard(db);
    expect(await doneOf(db)).toBe(0);
    await recordOperation(otherTab, worker, pick(4));
    await listener.settle();
    expect(listener.calls.length).toBeGreaterThan(0);
    expect(await doneOf(db)).toBe(4);
    const scanned = await resolveScan(db, interpretCode('A-01-01-1'), 'A-01-01-1');
    expect(scanned.kind === 'bin' && scanned.bin.stock.map((l) => l.qty)).toEqual([6]);
    // And this tab's next step is checked against it: 2 left, not 6.
    await expect(recordOperation(db, worker, pick(3))).rejects.toMatchObject({ why: { code: 'qty-more-than-allowed', max: 2 } });
    listener.stop();
  });

  it("hears a pull: the server's progress from another device and a changed product reach the next scan", async () => {
    const { db } = await device(opened);
    await doneOf(db);
    expect(await resolveScan(db, interpretCode('4010000000012'), '4010000000012')).toMatchObject({ kind: 'product', product: { name: 'Chickpeas 1 l' } });
    const listener = heard(db);
    type Page = Extract<PullResponse, { kind: 'changes' }>;
    const { serverClock: _clock, ...wireTask } = list;
    const page: Page = {
      kind: 'changes',
      products: [{ ...product, codes: [...product.codes], name: 'Chickpeas 1 l (new label)' }],
      bins: [{ ...binA, stock: [{ ...binA.stock[0]!, qty: 7 }] }].map(({ serverStock: _s, serverClock: _c, productIds: _p, ...bin }) => bin),
      tasks: [{ ...wireTask, assignedToName: 'Pat Picker', lines: [{ ...list.lines[0]!, done: 3, short: null }] }] as Page['tasks'],
      operations: [],
      settings: DEFAULT_WAREHOUSE_SETTINGS,
      cursor: 'c-9',
      clock: '9',
      binClocks: { 'A-01-01-1': '9' },
      taskClocks: { 't-1': '9' },
      more: false,
    };
    await storePulledPage(db, page, { catalogWasEmpty: false });
    await listener.settle();
    expect(listener.calls.length).toBeGreaterThan(0);
    expect(await doneOf(db)).toBe(3);
    expect((await readPickContext(db, 't-1'))!.lines[0]!.binStock!.map((l) => l.qty)).toEqual([7]);
    expect(await resolveScan(db, interpretCode('4010000000012'), '4010000000012')).toMatchObject({ kind: 'product', product: { name: 'Chickpeas 1 l (new label)' } });
    listener.stop();
  });

  it('hears a small pull of other bins and products without reading again: only what a page changed is dropped', async () => {
    const { db } = await device(opened);
    await writeRecord(db, 'warehouseSettings', DEFAULT_WAREHOUSE_SETTINGS);
    await doneOf(db);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    await doneOf(db);
    await resolveScan(db, interpretCode('4010000000012'), '4010000000012');
    const listener = heard(db);
    type Page = Extract<PullResponse, { kind: 'changes' }>;
    // A sync's usual few changes: Dexie names the keys of a write of fewer than 50 records.
    const others = Array.from({ length: 40 }, (_, i): Product => ({ ...product, id: `p${1000 + i}`, sku: `SKU-${1000 + i}`, codes: [{ ...product.codes[0]!, gtin: `0402${String(1000 + i).padStart(9, '0')}9` as Gtin14 }] }));
    const page = (products: Product[], clock: string): Page => ({
      kind: 'changes',
      products: products.map((p) => ({ ...p, codes: [...p.codes] })),
      bins: Array.from({ length: 40 }, (_, i) => ({ code: `B-${String(i).padStart(3, '0')}`, zone: 'B', aisle: 'B-01', walkSeq: 100 + i, stock: [{ binCode: `B-${String(i).padStart(3, '0')}`, productId: `p${1000 + i}`, lot: '', expiry: null, qty: Number(clock) }] })),
      tasks: [],
      operations: [],
      settings: DEFAULT_WAREHOUSE_SETTINGS,
      cursor: `c-${clock}`,
      clock,
      binClocks: {},
      taskClocks: {},
      more: false,
    });
    await storePulledPage(db, page(others, '6'), { catalogWasEmpty: false });
    await storePulledPage(db, page(others.map((p) => ({ ...p, name: `${p.name} r2` })), '7'), { catalogWasEmpty: false });
    await listener.settle();
    expect(listener.calls).toEqual([]);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#1' });
    expect(stepWays.fromMemory).toBe(1);
    expect(stepWays.careful).toBe(1);
    // A page that also changes the task's own product drops it, and the next read sees the change.
    await storePulledPage(db, page([...others, { ...product, name: 'Chickpeas 1 l (new label)' }], '8'), { catalogWasEmpty: false });
    await listener.settle();
    expect(listener.calls.length).toBeGreaterThan(0);
    expect(await resolveScan(db, interpretCode('4010000000012'), '4010000000012')).toMatchObject({ kind: 'product', product: { name: 'Chickpeas 1 l (new label)' } });
    expect((await readPickContext(db, 't-1'))!.lines[0]!.product?.name).toBe('Chickpeas 1 l (new label)');
    listener.stop();
  });

  it('tells nobody of its own steps (the flow renders what it wrote), but the live queries of the page hear them', async () => {
    const { db } = await device(opened);
    await doneOf(db);
    await recordOperation(db, worker, pick(1));
    await doneOf(db);
    const listener = heard(db);
    const pending: number[] = [];
    const stop = watchQuery(() => db.outbox.where('status').equals('pending').count(), (n) => pending.push(n));
    await new Promise((r) => setTimeout(r, 20));
    await recordOperation(db, worker, pick(1));
    expect(stepWays.fromMemory).toBe(1);
    // Announced after the next frame (at most 100 ms where none comes, as here).
    await new Promise((r) => setTimeout(r, 150));
    expect(listener.calls).toEqual([]);
    expect(pending.at(-1)).toBe(2);
    stop();
    listener.stop();
  });

  it('finds a write it never heard of (another program on the same database) in the step itself, and decides on it instead', async () => {
    const { db } = await device(opened);
    await doneOf(db);
    await recordOperation(db, worker, pick(1));
    await doneOf(db);
    await emptyBinAroundDexie(db);
    await recordOperation(db, worker, pick(1));
    expect(stepWays).toMatchObject({ fromMemory: 0, stale: 1 });
    // The pick was applied to the bin as IndexedDB held it, not as the cache did.
    expect(await shown(db, 'A-01-01-1')).toEqual([-1]);
    expect(await doneOf(db)).toBe(2);
  });
});
