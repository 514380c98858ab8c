/**
 * The one IndexedDB transaction of a step, two ways; both write the same records
 * (stepPlan.ts decides them) and both decide on what IndexedDB holds in that
 * transaction, so two writes racing each other (two tabs) cannot both pass the checks.
 *
 * - `stepFromMemory`: the step is decided on the read cache before the transaction, and
 *   the transaction asks for the records it decided with and writes the step in one go
 *   (one wait on IndexedDB instead of three, in IndexedDB's own API). When what it reads back differs from what
 *   the cache held (a write from another tab or the sync worker, not heard yet), or the
 *   checks refuse the step on what it read, it aborts, writing nothing: `null`, and the
 *   step goes the careful way.
 * - `carefulStep`: reads first (all at once), then decides, then writes.
 *
 * IndexedDB runs a transaction's requests in order, so the reads come back before any of
 * the writes after them is done, and an abort then undoes them all.
 */
import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import { stockEffectsOf, type FloorOperation } from '../domain/floor/operations';
import type { FloorDb, OutboxEntry } from './floorDb';
import { peekBin, peekLastSeq, peekOutboxSince, peekProgress, peekTask } from './readCache';
import { ownNotice } from './ownSteps';
import { binCodesOf, COUNT_FLOW_KEY, effectsOf, planStep, taskIdOf, type StepPlan, type StepReads, type StepToWrite } from './stepPlan';
import { deleteRecord, readRecord, writeRecord } from './syncState';

/** What the transaction writes beside the plan: the flow's state, a count draft cleared. */
export interface StepExtras {
  readonly flowState: { readonly key: string; readonly value: unknown } | undefined;
  readonly clearsCount: boolean;
}

export type StepOutcome = { readonly kind: 'written'; readonly plan: StepPlan; readonly lastSeq: number } | { readonly kind: 'duplicate'; readonly entry: OutboxEntry };

/** How steps were written since the page started (tests and the benchmark read it). */
export const stepWays = { fromMemory: 0, stale: 0, careful: 0 };

const TABLES = (db: FloorDb) => [db.outbox, db.bins, db.tasks, db.taskProgress, db.syncState];

/** Every write of the step, asked for at once: the transaction commits them together or not at all. */
function writePlan(db: FloorDb, plan: StepPlan, extras: StepExtras): Promise<unknown> {
  return Promise.all([
    ...plan.tasks.map((t) => db.tasks.put(t)),
    ...plan.changedEntries.map((e) => db.outbox.put(e)),
    plan.bins.length > 0 ? db.bins.bulkPut([...plan.bins]) : null,
    ...plan.progress.map((p) => db.taskProgress.put(p)),
    writeRecord(db, 'lastDeviceSeq', plan.entry.deviceSeq),
    db.outbox.add(plan.entry),
    extras.clearsCount ? deleteRecord(db, 'countDraft') : null,
    extras.clearsCount ? db.syncState.delete(COUNT_FLOW_KEY) : null,
    extras.flowState ? db.syncState.put({ key: extras.flowState.key, value: extras.flowState.value }) : null,
  ]);
}

const entriesSince = (db: FloorDb, since: string) => db.outbox.where('createdAt').aboveOrEqual(since).toArray();

/** Reads first (all at once; an undo twice, as its step names its task and bins), then decides, then writes. */
export function carefulStep(db: FloorDb, step: StepToWrite, extras: StepExtras): Promise<StepOutcome> {
  const { op } = step;
  stepWays.careful++;
  return db.transaction('rw', TABLES(db), async (): Promise<StepOutcome> => {
    const [earlier, undoTarget, lastSeq, deviceId, settling] = await Promise.all([
      step.stepKey !== undefined ? db.outbox.where('stepKey').equals(step.stepKey).first() : undefined,
      op.type === 'undo' ? db.outbox.get(op.undoesOpId) : undefined,
      readRecord(db, 'lastDeviceSeq'),
      op.type === 'task-taken' ? readRecord(db, 'deviceId') : undefined,
      op.type === 'rejection-settled' ? db.outbox.get(op.rejectedOpId) : undefined,
    ]);
    if (earlier) return { kind: 'duplicate', entry: earlier };
    const undone = op.type === 'undo' && undoTarget && undoTarget.type !== 'undo' ? (undoTarget.payload as FloorOperation) : null;
    const taskId = undone ? taskIdOf(undone) : taskIdOf(op);
    const binCodes = binCodesOf(effectsOf(op, undone));
    const [progress, task, bins] = await Promise.all([taskId ? db.taskProgress.get(taskId) : undefined, taskId ? db.tasks.get(taskId) : undefined, binCodes.length > 0 ? db.bins.bulkGet(binCodes) : []]);
    const [entriesSinceStart, undoneAlready] = await Promise.all([
      progress ? entriesSince(db, progress.startedAt) : [],
      op.type === 'undo' && taskId === null ? db.outbox.filter((e) => e.type === 'undo' && (e.payload as { undoesOpId?: string }).undoesOpId === op.undoesOpId).count().then((n) => n > 0) : false,
    ]);
    const reads: StepReads = { earlier, lastSeq, undoTarget, undoneAlready, task, progress, entriesSinceStart, bins: new Map(binCodes.map((code, i) => [code, bins[i]])), deviceId, settling };
    const plan = planStep(step, reads);
    await writePlan(db, plan, extras);
    return { kind: 'written', plan, lastSeq: plan.entry.deviceSeq };
  });
}

/** The steps the cache can decide: a scan's or a tap's on a task line, or a putaway of no task. */
const FROM_MEMORY = new Set<FloorOperation['type']>(['pick', 'putaway', 'count', 'pick-short', 'task-finished']);

/** What the cache holds for the step, or null when it lacks something (the careful way then). */
function readsFromMemory(db: FloorDb, step: StepToWrite): StepReads | null {
  const { op } = step;
  if (!FROM_MEMORY.has(op.type)) return null;
  const lastSeq = peekLastSeq(db);
  const taskId = taskIdOf(op);
  const progress = taskId ? peekProgress(db, taskId) : null;
  const task = taskId ? peekTask(db, taskId) : null;
  if (lastSeq === undefined || progress === undefined || task === undefined) return null;
  const entriesSinceStart = progress ? peekOutboxSince(db, progress.startedAt) : [];
  if (entriesSinceStart === undefined) return null;
  const binCodes = binCodesOf(stockEffectsOf(op));
  const bins = binCodes.map((code) => peekBin(db, code));
  if (bins.some((bin) => bin === undefined)) return null;
  return {
    earlier: undefined,
    lastSeq: lastSeq ?? undefined,
    undoTarget: undefined,
    undoneAlready: false,
    task: task ?? undefined,
    progress: progress ?? undefined,
    entriesSinceStart,
    bins: new Map(binCodes.map((code, i) => [code, bins[i] ?? undefined])),
    deviceId: undefined,
    settling: undefined,
  };
}

/** Same records, same value: records read back from IndexedDB keep their properties' order. */
const same = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

const request = <T>(req: IDBRequest<T>, done: (value: T) => void) => {
  req.onsuccess = () => done(req.result);
};

/**
 * The step decided on the read cache and written in one go, in IndexedDB's own API: a
 * few requests and their callbacks instead of Dexie's promises and middleware for each,
 * which on a slow handheld made up most of a step's time. The transaction reads back what
 * the decision rests on and aborts when any of it differs. The change is then announced
 * as Dexie announces its own (`storagemutated`, to this page's live queries and cache and,
 * through Dexie, to other tabs and workers); the database is opened with Dexie's query
 * cache off (floorDb.ts), so no live query can answer from a result this write changed.
 * Null when the cache lacks something or was behind. `onQueued` hears the plan the moment
 * every request is queued, before the commit (see floorOperations.ts).
 */
export async function stepFromMemory(db: FloorDb, step: StepToWrite, extras: StepExtras, onQueued?: (plan: StepPlan) => void): Promise<StepOutcome | null> {
  const memory = readsFromMemory(db, step);
  if (memory === null || !db.isOpen()) return null;
  let plan: StepPlan;
  try {
    plan = planStep(step, memory);
  } catch {
    // A refusal on what the cache holds: the careful way says it (or finds the cache was behind).
    return null;
  }
  const taskId = taskIdOf(step.op);
  const binCodes = [...memory.bins.keys()];
  const since = memory.progress?.startedAt;
  const outcome = await new Promise<StepOutcome | null>((resolve, reject) => {
    const tx = db.backendDB().transaction(['outbox', 'bins', 'tasks', 'taskProgress', 'syncState'], 'readwrite');
    const [outbox, bins, tasks, progress, syncState] = (['outbox', 'bins', 'tasks', 'taskProgress', 'syncState'] as const).map((name) => tx.objectStore(name));
    let stale = false;
    let waiting = 0;
    const back: { earlier?: unknown; lastSeq?: { value: unknown } | undefined; progress?: unknown; task?: unknown; entries?: unknown[]; bins: unknown[] } = { bins: [] };
    const read = <T>(req: IDBRequest<T>, keep: (value: T) => void) => {
      waiting++;
      request(req, (value) => {
        keep(value);
        if (--waiting === 0 && !unchanged()) {
          stale = true;
          tx.abort();
        }
      });
    };
    const unchanged = () =>
      back.earlier === undefined &&
      (back.lastSeq?.value as number | undefined) === memory.lastSeq &&
      same(back.progress, memory.progress) &&
      same(back.task, memory.task) &&
      (since === undefined || same(back.entries, memory.entriesSinceStart)) &&
      binCodes.every((code, i) => same(back.bins[i], memory.bins.get(code)));
    if (step.stepKey !== undefined) read(outbox!.index('stepKey').get(step.stepKey), (v) => (back.earlier = v));
    read(syncState!.get('lastDeviceSeq'), (v) => (back.lastSeq = v as { value: unknown } | undefined));
    if (taskId) read(progress!.get(taskId), (v) => (back.progress = v));
    if (taskId) read(tasks!.get(taskId), (v) => (back.task = v));
    if (since !== undefined) read(outbox!.index('createdAt').getAll(IDBKeyRange.lowerBound(since)), (v) => (back.entries = v));
    binCodes.forEach((code, i) => read(bins!.get(code), (v) => (back.bins[i] = v)));
    // The writes, queued behind the reads: undone by the abort when the reads differ.
    for (const bin of plan.bins) bins!.put(bin);
    for (const p of plan.progress) progress!.put(p);
    syncState!.put({ key: 'lastDeviceSeq', value: plan.entry.deviceSeq });
    outbox!.add(plan.entry);
    if (extras.clearsCount) {
      syncState!.delete('countDraft');
      syncState!.delete(COUNT_FLOW_KEY);
    }
    if (extras.flowState) syncState!.put({ key: extras.flowState.key, value: extras.flowState.value });
    tx.oncomplete = () => resolve({ kind: 'written', plan, lastSeq: plan.entry.deviceSeq });
    tx.onabort = () => (stale ? resolve(null) : reject(tx.error ?? new DOMException('The step was not written.', 'AbortError')));
    // Queued: the transaction runs and commits on its own from here (stepsInFlight.ts).
    onQueued?.(plan);
  });
  if (outcome === null) {
    stepWays.stale++;
    return null;
  }
  stepWays.fromMemory++;
  // Announced once the screen has shown the step: the live queries of this page and
  // the other tabs hear of it a frame later; this page's cache takes it as its own.
  announceAfterPaint(db, mutatedParts(db.name, memory, plan, extras));
  return outcome;
}

function announceAfterPaint(db: FloorDb, parts: ObservabilitySet): void {
  const announce = ownNotice(db, parts);
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    Dexie.on('storagemutated').fire(announce);
  };
  // After the next frame, or soon where no frame comes (a hidden page).
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/** What the step changed, as Dexie describes a transaction's changes to its live queries and to other tabs. */
function mutatedParts(dbName: string, memory: StepReads, plan: StepPlan, extras: StepExtras): ObservabilitySet {
  const parts: ObservabilitySet = {};
  const mark = (table: string, index: string, keys: readonly IndexableType[]) => {
    const part = `idb://${dbName}/${table}/${index}`;
    parts[part] = ((parts[part] as RangeSet | undefined) ?? new RangeSet()).addKeys([...keys]);
  };
  const written = (table: string, keys: readonly IndexableType[]) => {
    mark(table, '', keys);
    mark(table, ':dels', keys);
  };
  const { entry } = plan;
  written('outbox', [entry.opId]);
  mark('outbox', 'status', [entry.status]);
  mark('outbox', 'createdAt', [entry.createdAt]);
  mark('outbox', 'deviceSeq', [entry.deviceSeq]);
  if (entry.stepKey !== undefined) mark('outbox', 'stepKey', [entry.stepKey]);
  if (plan.bins.length > 0) {
    written('bins', plan.bins.map((b) => b.code));
    const before = plan.bins.map((b) => memory.bins.get(b.code));
    mark('bins', 'productIds', [...new Set([...plan.bins, ...before].flatMap((b) => b?.productIds ?? []))]);
    mark('bins', 'zone', [...new Set(plan.bins.map((b) => b.zone))]);
  }
  if (plan.progress.length > 0) written('taskProgress', plan.progress.map((p) => p.taskId));
  written('syncState', ['lastDeviceSeq', ...(extras.clearsCount ? ['countDraft', COUNT_FLOW_KEY] : []), ...(extras.flowState ? [extras.flowState.key] : [])]);
  return parts;
}
