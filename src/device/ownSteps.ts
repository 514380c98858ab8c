/**
 * The read cache (readCache.ts) and this page's own steps: a step's transaction is
 * counted as a write the moment it is made, its notice drops nothing, and what it wrote
 * is put back record by record (or taken back when it was put in ahead of a commit that
 * did not come as planned).
 */
import type { ObservabilitySet } from 'dexie';
import type { FloorDb, OutboxEntry, StoredBin, StoredTask, TaskProgress } from './floorDb';
import { bounded, memoOf, queueNotice } from './readCache';

/**
 * A step of this page written around Dexie (stepTransactions.ts): counted as a write now
 * (a read in flight is not kept), and its notice, announced later for the live queries and
 * the other tabs, drops nothing here (`rememberWritten` puts back what it wrote).
 */
export function ownNotice(db: FloorDb, parts: ObservabilitySet): ObservabilitySet {
  const memo = memoOf(db);
  memo.writesHeard++;
  memo.ownNotices.add(parts);
  return parts;
}

/**
 * Names the new outbox entry a step of this page is writing, for the length of its
 * transaction: the transaction's own notice drops no list (the step puts its entry in).
 * Any later notice naming it (its acknowledgement, its rejection) drops the lists.
 */
export function expectOwnEntry(db: FloorDb, opId: string): () => void {
  const own = memoOf(db).ownOpIds;
  own.add(opId);
  return () => own.delete(opId);
}

/** What one committed step of this page wrote, put back into the cache record by record. */
export interface WrittenRecords {
  readonly tasks: readonly StoredTask[];
  readonly bins: readonly StoredBin[];
  readonly progress: readonly TaskProgress[];
  /** Entries added or changed. */
  readonly outbox: readonly OutboxEntry[];
  /** The sequence number the step took. */
  readonly lastSeq: number;
}

export function rememberWritten(db: FloorDb, written: WrittenRecords): void {
  const memo = memoOf(db);
  memo.lastSeq = written.lastSeq;
  for (const task of written.tasks) {
    bounded(memo.tasks, task.id, task);
    memo.dropped.delete(`tasks:${task.id}`);
  }
  for (const bin of written.bins) {
    bounded(memo.bins, bin.code, bin);
    memo.dropped.delete(`bins:${bin.code}`);
  }
  for (const progress of written.progress) {
    bounded(memo.progress, progress.taskId, progress);
    memo.dropped.delete(`taskProgress:${progress.taskId}`);
  }
  for (const entry of written.outbox) {
    for (const [since, entries] of memo.outboxSince) {
      const at = entries.findIndex((e) => e.opId === entry.opId);
      if (at >= 0) memo.outboxSince.set(since, entries.map((e, i) => (i === at ? entry : e)));
      else if (entry.createdAt >= since) memo.outboxSince.set(since, [...entries, entry]);
    }
  }
}

/**
 * Takes back records put in before their step committed (`rememberWritten` ahead of the
 * commit, floorOperations.ts) when the step was then not written as planned: they are
 * read again from IndexedDB, and the listeners hear of it.
 */
export function forgetWritten(db: FloorDb, written: Omit<WrittenRecords, 'lastSeq'>): void {
  const memo = memoOf(db);
  memo.lastSeq = undefined;
  memo.outboxSince.clear();
  for (const task of written.tasks) memo.tasks.delete(task.id);
  for (const bin of written.bins) memo.bins.delete(bin.code);
  for (const progress of written.progress) memo.progress.delete(progress.taskId);
  memo.writesHeard++;
  memo.dropped.add('taken back');
  queueNotice(memo);
}
