/**
 * The records the floor flows read, kept in memory between events, so a scan is decided
 * without a round of IndexedDB reads (each one costs a transaction, several ms on a slow
 * handheld). One cache per open database; its products are read through productCache.ts.
 *
 * Invariants:
 * - A record is served from memory only while no committed write could have changed
 *   it. Every write to the device database is heard, whoever made it: this page, another
 *   tab, the sync worker (Dexie's `storagemutated`, which reaches other tabs and workers
 *   through a BroadcastChannel and is what Dexie's own live queries rely on). A write
 *   drops what it touched, by key where the write names its keys (tasks, bins, progress,
 *   settings) and whole otherwise (a bulk write, any change to products; the outbox lists
 *   unless every key written is one of this page's own steps).
 * - A read that overlapped a write (a write was heard between its start and its end)
 *   is answered but not kept: it may hold the state from before the write.
 * - This page's own steps (floorOperations.ts) put back exactly the records their
 *   transaction wrote once it committed (`rememberWritten`), so the next event needs no
 *   read at all; the write's own notice dropped those keys a moment before.
 * - Listeners (`onCacheDropped`) hear of records dropped by writes that were not put
 *   back (another tab, a pull), a task later, to read again what they show.
 */
import Dexie, { RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Product } from '../domain/catalog/product';
import type { WarehouseSettings } from '../domain/floor/warehouseSettings';
import type { FloorDb, OutboxEntry, StoredBin, StoredTask, TaskProgress } from './floorDb';

/** Records by key; null when the key was read and is not there. */
export interface Memo {
  readonly tasks: Map<string, StoredTask | null>;
  readonly bins: Map<string, StoredBin | null>;
  readonly progress: Map<string, TaskProgress | null>;
  readonly productsById: Map<string, Product | null>;
  readonly productsByGtin: Map<string, Product | null>;
  /** The block each product held here was read from: a write of other blocks leaves it. */
  readonly blockOfProduct: Map<string, string>;
  /** Outbox entries made at or after a moment (the start of a task here), oldest first. */
  readonly outboxSince: Map<string, OutboxEntry[]>;
  settings: WarehouseSettings | null | undefined;
  /** The last sequence number given to a step here (null: none yet). */
  lastSeq: number | null | undefined;
  /** Ids of outbox entries this page's steps are writing now: their own notices drop no list. */
  readonly ownOpIds: Set<string>;
  /** Counts every write heard: a read that saw it change is not kept. */
  writesHeard: number;
  /** Notices of this page's own steps, announced after they were put back (`ownNotice`). */
  readonly ownNotices: WeakSet<ObservabilitySet>;
  /** What was dropped and not put back since the listeners last heard ('bins:A-01-01-1', 'outbox', …). */
  readonly dropped: Set<string>;
  notifyQueued: boolean;
  readonly listeners: Set<() => void>;
}

/** Kept small: a pick list's bins and products, the codes scanned lately. */
const MOST_RECORDS = 2000;

const memos = new WeakMap<FloorDb, Memo>();

/** The cache of one open database (made on first use). Exported for productCache.ts, which keeps its products. */
export function memoOf(db: FloorDb): Memo {
  let memo = memos.get(db);
  if (memo) return memo;
  memo = {
    tasks: new Map(),
    bins: new Map(),
    progress: new Map(),
    productsById: new Map(),
    productsByGtin: new Map(),
    blockOfProduct: new Map(),
    outboxSince: new Map(),
    settings: undefined,
    lastSeq: undefined,
    ownOpIds: new Set(),
    writesHeard: 0,
    ownNotices: new WeakSet(),
    dropped: new Set(),
    notifyQueued: false,
    listeners: new Set(),
  };
  memos.set(db, memo);
  const heard = (parts: ObservabilitySet) => hear(db.name, memo!, parts);
  Dexie.on('storagemutated', heard);
  db.on('close', () => Dexie.on('storagemutated').unsubscribe(heard));
  return memo;
}

const asRangeSet = (tree: IntervalTree) => (tree instanceof RangeSet ? tree : RangeSet(tree));

/** Drops the keys of `map` the range set names, noting each in `dropped` as `table:key`. */
function dropKeys<V>(map: Map<string, V>, tree: IntervalTree, table: string, dropped: Set<string>): void {
  if (map.size === 0 || tree.d === 0) return;
  const set = asRangeSet(tree);
  for (const key of [...map.keys()]) {
    if (set.hasKey(key)) {
      map.delete(key);
      dropped.add(`${table}:${key}`);
    }
  }
}

/**
 * Drops the products read from the blocks the range set names, and every "no such
 * product" (a written block may now hold it). A write of 50 blocks or more names no
 * keys (Dexie then marks the whole table) and drops them all.
 */
function dropProducts(memo: Memo, tree: IntervalTree, dropped: Set<string>): void {
  if (memo.productsById.size + memo.productsByGtin.size === 0) return;
  const set = asRangeSet(tree);
  const written = (product: Product | null) => {
    const block = product === null ? undefined : memo.blockOfProduct.get(product.id);
    return block === undefined || set.hasKey(block);
  };
  let any = false;
  for (const map of [memo.productsById, memo.productsByGtin]) {
    for (const [key, product] of [...map]) {
      if (!written(product)) continue;
      map.delete(key);
      any = true;
    }
  }
  if (any) dropped.add('products');
}

/** True when every key the range set names is one of this page's own outbox entries. */
function onlyOwnEntries(tree: IntervalTree, own: ReadonlySet<string>): boolean {
  for (const node of asRangeSet(tree)) {
    if (node.from !== node.to || typeof node.from !== 'string' || !own.has(node.from)) return false;
  }
  return true;
}

function clearAll(memo: Memo): void {
  for (const map of [memo.tasks, memo.bins, memo.progress, memo.productsById, memo.productsByGtin, memo.blockOfProduct, memo.outboxSince]) map.clear();
  memo.settings = undefined;
  memo.lastSeq = undefined;
  memo.dropped.add('all');
}

function hear(dbName: string, memo: Memo, parts: ObservabilitySet): void {
  if (memo.ownNotices.has(parts)) return;
  const prefix = `idb://${dbName}/`;
  const dropped = memo.dropped;
  const before = dropped.size;
  let ours = false;
  if ((parts as { all?: unknown }).all) clearAll(memo);
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    ours = true;
    const [table, index] = part.slice(prefix.length).split('/');
    // Primary keys (written and deleted) say which records changed; index parts only matter to queries by index.
    if ((index !== '' && index !== ':dels') || tree.d === 0) continue;
    switch (table) {
      case 'tasks':
        dropKeys(memo.tasks, tree, 'tasks', dropped);
        break;
      case 'bins':
        dropKeys(memo.bins, tree, 'bins', dropped);
        break;
      case 'taskProgress':
        dropKeys(memo.progress, tree, 'taskProgress', dropped);
        break;
      case 'productBlocks':
        dropProducts(memo, tree, dropped);
        break;
      case 'outbox':
        if (memo.outboxSince.size > 0 && !onlyOwnEntries(tree, memo.ownOpIds)) {
          memo.outboxSince.clear();
          dropped.add('outbox');
        }
        break;
      case 'syncState': {
        const set = asRangeSet(tree);
        if (memo.settings !== undefined && set.hasKey('warehouseSettings')) {
          memo.settings = undefined;
          dropped.add('settings');
        }
        // Not shown by any screen: no news, but no longer known.
        if (set.hasKey('lastDeviceSeq')) memo.lastSeq = undefined;
        break;
      }
    }
  }
  if ((parts as { all?: unknown }).all) ours = true;
  if (!ours) return;
  memo.writesHeard++;
  if (dropped.size > before) queueNotice(memo);
}

/** Tells the listeners, a task later: by then this page's own step has put back what it wrote, which is no news. */
/** Tells the listeners, a task later, of what was dropped (ownSteps.ts uses it too). */
export function queueNotice(memo: Memo): void {
  if (memo.notifyQueued) return;
  memo.notifyQueued = true;
  setTimeout(() => {
    memo.notifyQueued = false;
    if (memo.dropped.size === 0) return;
    memo.dropped.clear();
    for (const listener of memo.listeners) listener();
  }, 0);
}

/** Calls back (a task after the write) when records the cache held were changed by a write not of this page's steps. */
export function onCacheDropped(db: FloorDb, listener: () => void): () => void {
  const memo = memoOf(db);
  memo.listeners.add(listener);
  return () => memo.listeners.delete(listener);
}

/** A read overlapped a write and is not kept: what it showed may be from before the write, so the listeners read again. */
export function notKept(memo: Memo): void {
  memo.dropped.add('overlapped');
  queueNotice(memo);
}

/**
 * Reads through the cache: `hit` answers from memory, or undefined for what must be
 * read; `read` reads it; the result is kept unless a write was heard meanwhile.
 */
export async function through<T>(db: FloorDb, hit: (memo: Memo) => T | undefined, read: () => Promise<T>, keep: (memo: Memo, value: T) => void): Promise<T> {
  const memo = memoOf(db);
  const held = hit(memo);
  if (held !== undefined) return held;
  const heardBefore = memo.writesHeard;
  const value = await read();
  if (memo.writesHeard === heardBefore) keep(memo, value);
  else notKept(memo);
  return value;
}

export const bounded = <K, V>(map: Map<K, V>, key: K, value: V) => {
  if (map.size >= MOST_RECORDS) map.clear();
  map.set(key, value);
};

/** What the cache holds, without reading (undefined: not held; null: held as absent). */
export const peekProgress = (db: FloorDb, taskId: string): TaskProgress | null | undefined => memoOf(db).progress.get(taskId);
export const peekTask = (db: FloorDb, taskId: string): StoredTask | null | undefined => memoOf(db).tasks.get(taskId);
export const peekBin = (db: FloorDb, code: string): StoredBin | null | undefined => memoOf(db).bins.get(code);
export const peekOutboxSince = (db: FloorDb, since: string): readonly OutboxEntry[] | undefined => memoOf(db).outboxSince.get(since);
export const peekLastSeq = (db: FloorDb): number | null | undefined => memoOf(db).lastSeq;

export const cachedTask = (db: FloorDb, taskId: string): Promise<StoredTask | null> =>
  through(db, (m) => m.tasks.get(taskId), async () => (await db.tasks.get(taskId)) ?? null, (m, task) => bounded(m.tasks, taskId, task));

export const cachedProgress = (db: FloorDb, taskId: string): Promise<TaskProgress | null> =>
  through(db, (m) => m.progress.get(taskId), async () => (await db.taskProgress.get(taskId)) ?? null, (m, progress) => bounded(m.progress, taskId, progress));

export const cachedBin = (db: FloorDb, code: string): Promise<StoredBin | null> =>
  through(db, (m) => m.bins.get(code), async () => (await db.bins.get(code)) ?? null, (m, bin) => bounded(m.bins, code, bin));

/** Bins by code (those not on the device left out), in one read for those not held. */
export async function cachedBins(db: FloorDb, codes: readonly string[]): Promise<Map<string, StoredBin>> {
  const memo = memoOf(db);
  const missing = codes.filter((code) => !memo.bins.has(code));
  if (missing.length > 0) {
    const heardBefore = memo.writesHeard;
    const read = await db.bins.bulkGet(missing);
    if (memo.writesHeard === heardBefore) missing.forEach((code, i) => bounded(memo.bins, code, read[i] ?? null));
    else {
      notKept(memo);
      return binsFrom(codes, memo.bins, new Map(missing.map((code, i) => [code, read[i] ?? null])));
    }
  }
  return binsFrom(codes, memo.bins, new Map());
}

function binsFrom(codes: readonly string[], held: ReadonlyMap<string, StoredBin | null>, read: ReadonlyMap<string, StoredBin | null>): Map<string, StoredBin> {
  const found = new Map<string, StoredBin>();
  for (const code of codes) {
    const bin = read.has(code) ? read.get(code) : held.get(code);
    if (bin) found.set(code, bin);
  }
  return found;
}

/** The outbox entries made at or after `since` (an ISO time), oldest first. */
export const cachedOutboxSince = (db: FloorDb, since: string): Promise<OutboxEntry[]> =>
  through(db, (m) => m.outboxSince.get(since), () => db.outbox.where('createdAt').aboveOrEqual(since).toArray(), (m, entries) => bounded(m.outboxSince, since, entries));

export const cachedSettings = (db: FloorDb, read: () => Promise<WarehouseSettings | null>): Promise<WarehouseSettings | null> =>
  through(db, (m) => m.settings, read, (m, settings) => {
    m.settings = settings;
  });
