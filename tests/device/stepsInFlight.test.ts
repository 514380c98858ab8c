/**
 * A step shown before its commit (fake-indexeddb, a Map as localStorage): the screen may
 * answer the moment the transaction is queued, the step is in flight until it committed,
 * a step left in flight by a page that went away is written at the next start, once, and
 * a step the cache decided wrongly is taken back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordOperation, writeStepsLeftInFlight } from '../../src/device/floorOperations';
import type { FloorDb } from '../../src/device/floorDb';
import { readFlowState } from '../../src/device/flowContexts';
import { peekProgress } from '../../src/device/readCache';
import { keepInFlight, leftInFlight } from '../../src/device/stepsInFlight';
import { stepWays } from '../../src/device/stepTransactions';
import { dismissStepNotKept, readStepsNotKept } from '../../src/device/stepsNotKept';
import { device, doneOf, emptyBinAroundDexie, pick, worker } from './pickListDevice';

/** localStorage as a page has it: synchronous, and still there after a reload. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

let opened: FloorDb[] = [];
beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  Object.assign(stepWays, { fromMemory: 0, stale: 0, careful: 0 });
});
afterEach(() => {
  opened.forEach((db) => db.close());
  opened = [];
  vi.unstubAllGlobals();
});

const outboxOf = (db: FloorDb) => db.outbox.orderBy('deviceSeq').toArray();

describe('a step shown before its commit', () => {
  it('is answered once its transaction is queued, with the cache already holding it, and is in flight until it committed', async () => {
    const { db } = await device(opened);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    await doneOf(db); // the screen reads the list: the cache holds what the next step is decided with
    const seen: { inFlight: number; done: number | undefined }[] = [];
    const entry = await recordOperation(db, worker, pick(1), new Date(), {
      stepKey: 'k#1',
      flowState: { key: 'flow:pick:t-1', value: { stepNo: 2 } },
      answerEarly: () => seen.push({ inFlight: leftInFlight().length, done: peekProgress(db, 't-1')?.lines[1]?.done }),
    });
    expect(entry.answeredEarly).toBe(true);
    // At the answer: the step in flight, and the cache holding its progress (2 picked) before IndexedDB has it.
    expect(seen).toEqual([{ inFlight: 1, done: 2 }]);
    expect(await doneOf(db)).toBe(2);
    expect(leftInFlight()).toEqual([]);
    expect((await outboxOf(db)).map((e) => e.stepKey)).toEqual(['k#0', 'k#1']);
  });

  it('left in flight by a page that went away, is written at the next start, once, with its flow state', async () => {
    const { db, reopen } = await device(opened);
    await recordOperation(db, worker, pick(1), new Date('2026-12-03T10:00:00Z'), { stepKey: 'k#0' });
    db.close();
    // The page showed its next step and went away before IndexedDB committed it: only the entry is left.
    keepInFlight({ kind: 'step', worker, op: pick(2), now: '2026-12-03T10:00:05Z', stepKey: 'k#1', flowState: { key: 'flow:pick:t-1', value: { stepNo: 2 } }, clearsCount: false });
    keepInFlight({ kind: 'flow-state', key: 'flow:count', value: { stepNo: 7 } });
    const again = reopen();
    opened.push(again);
    await writeStepsLeftInFlight(again);
    const outbox = await outboxOf(again);
    expect(outbox.map((e) => [e.stepKey, e.deviceSeq, e.createdAt])).toEqual([
      ['k#0', 1, '2026-12-03T10:00:00.000Z'],
      ['k#1', 2, '2026-12-03T10:00:05.000Z'],
    ]);
    expect(await doneOf(again)).toBe(3);
    expect(await readFlowState(again, 'flow:pick:t-1')).toEqual({ stepNo: 2 });
    expect(await readFlowState(again, 'flow:count')).toEqual({ stepNo: 7 });
    expect(leftInFlight()).toEqual([]);

    // The commit had in fact happened (the page went away before the entry was removed): nothing is written twice.
    keepInFlight({ kind: 'step', worker, op: pick(2), now: '2026-12-03T10:00:05Z', stepKey: 'k#1', flowState: undefined, clearsCount: false });
    await writeStepsLeftInFlight(again);
    expect(await outboxOf(again)).toHaveLength(2);
    expect(await doneOf(again)).toBe(3);
  });

  it('left in flight and refused at the next start (the list was finished meanwhile), is noted with its reason until the worker read it', async () => {
    const { db, reopen } = await device(opened);
    await recordOperation(db, worker, pick(1), new Date('2026-12-03T10:00:00Z'), { stepKey: 'k#0' });
    // Another tab of this device finished the list, then this page's shown step was left in flight.
    await recordOperation(db, worker, { type: 'task-finished', taskId: 't-1' }, new Date('2026-12-03T10:00:03Z'));
    db.close();
    keepInFlight({ kind: 'step', worker, op: pick(2), now: '2026-12-03T10:00:05Z', stepKey: 'k#1', flowState: undefined, clearsCount: false });
    const again = reopen();
    opened.push(again);
    await writeStepsLeftInFlight(again);
    expect((await outboxOf(again)).map((e) => e.payload)).toMatchObject([{ type: 'pick', qty: 1 }, { type: 'task-finished' }]);
    const notKept = await readStepsNotKept(again);
    expect(notKept).toMatchObject([{ op: pick(2), shownAt: '2026-12-03T10:00:05Z', userId: worker.userId, why: { code: 'task-finished' } }]);
    expect(leftInFlight()).toEqual([]);
    // Written again at a later start: nothing is noted twice, as nothing is left in flight.
    await writeStepsLeftInFlight(again);
    expect(await readStepsNotKept(again)).toHaveLength(1);
    await dismissStepNotKept(again, notKept[0]!.id);
    expect(await readStepsNotKept(again)).toEqual([]);
  });

  it('decided on a cache that was behind, is taken back and written as IndexedDB holds it; the answer then is not the early one', async () => {
    const { db } = await device(opened);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    await doneOf(db);
    await emptyBinAroundDexie(db);
    let early = 0;
    const entry = await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#1', answerEarly: () => early++ });
    expect(early).toBe(1);
    expect(entry.answeredEarly).toBeUndefined();
    expect(stepWays).toMatchObject({ stale: 1, careful: 2 });
    // The cache now holds what was written (the bin as IndexedDB held it, less one), not what was shown.
    expect((await db.bins.get('A-01-01-1'))!.stock.map((l) => l.qty)).toEqual([-1]);
    expect(await doneOf(db)).toBe(2);
    expect(leftInFlight()).toEqual([]);
  });

  it('refused after it was shown, is taken back and leaves nothing in flight', async () => {
    const { db } = await device(opened);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    await doneOf(db);
    // The transaction is queued and shown, then IndexedDB refuses it (a full disk, say).
    const backend = db.backendDB();
    const transaction = backend.transaction.bind(backend);
    vi.spyOn(backend, 'transaction').mockImplementationOnce((...args: Parameters<IDBDatabase['transaction']>) => {
      const tx = transaction(...args);
      queueMicrotask(() => tx.abort());
      return tx;
    });
    let early = 0;
    await expect(recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#1', answerEarly: () => early++ })).rejects.toMatchObject({ reason: 'storage-failed' });
    expect(early).toBe(1);
    expect(await doneOf(db)).toBe(1);
    expect((await outboxOf(db)).map((e) => e.stepKey)).toEqual(['k#0']);
    expect(leftInFlight()).toEqual([]);
  });

  it('is not answered early where localStorage cannot keep it: the caller waits for the commit', async () => {
    const { db } = await device(opened);
    await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#0' });
    await doneOf(db);
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    let early = 0;
    const entry = await recordOperation(db, worker, pick(1), new Date(), { stepKey: 'k#1', answerEarly: () => early++ });
    expect(early).toBe(0);
    expect(entry.answeredEarly).toBeUndefined();
    expect(await doneOf(db)).toBe(2);
  });
});
