/**
 * One batch of work on the ledger: what the server read for it (the snapshot) and what
 * the batch has appended so far, so each operation sees the ones before it. The
 * server writes `entries`, `counts`, the tasks and the outcomes when the batch is done.
 */
import type { TaskKind, TaskStatus } from '../tasks/task';
import type { DeviationKind, FloorOperation, ShortReason } from '../floor/operations';
import type { VarianceThreshold } from '../floor/variance';
import { bookAt, entriesFor, stockKey, type CountMark, type LedgerEntry, type StockKeyOf } from './stockLedger';

export interface TaskLineState {
  readonly binCode: string | null;
  readonly productId: string | null;
  readonly qty: number | null;
  readonly done: number;
  readonly shortQty: number | null;
  /** Why the line was closed short; null when it was not (or before reasons were kept). */
  readonly shortReason: ShortReason | null;
  /** Units done per device: who picked what of the line, for an over-pick's report. */
  readonly doneBy: Readonly<Record<string, number>>;
}

/** A supervisor's last decision about who works a task (console: assign, back to open). */
export interface TaskDecision {
  readonly assignedTo: string | null;
  /** When it was decided, ms on the server's clock. */
  readonly at: number;
}

export interface TaskState {
  readonly id: string;
  readonly kind: TaskKind;
  readonly status: TaskStatus;
  readonly assignedTo: string | null;
  /** The device that has the task: it took it, or sent its first step. */
  readonly workedOnDevice: string | null;
  readonly lines: ReadonlyMap<number, TaskLineState>;
  /** The supervisor's last decision on it; null when none was made. Absent: none. */
  readonly decision?: TaskDecision | null;
}

/**
 * Work on a task that met someone else's, for the supervisor (see domain/tasks/task.ts
 * TaskConflict). One open conflict per task and `key`: a later one replaces its facts.
 */
export interface TaskConflictRecord {
  readonly kind: 'over-pick' | 'worked-after-decision';
  readonly key: string;
  readonly taskId: string;
  readonly lineNo: number | null;
  readonly excess: number | null;
  /** The step that met the other work, and who did it where. */
  readonly opId: string;
  readonly deviceId: string;
  readonly userId: string;
  /** over-pick: units per device on the line; worked-after-decision: the worker's device. */
  readonly devices: readonly { readonly deviceId: string; readonly qty: number | null }[];
  /** worked-after-decision: the task as the supervisor left it. */
  readonly decision: { readonly status: TaskStatus; readonly assignedTo: string | null } | null;
}

/** A task taken over explicitly: from whom (user and device, either may be null), to whom. */
export interface TaskTakeover {
  readonly opId: string;
  readonly taskId: string;
  readonly fromUser: string | null;
  readonly fromDevice: string | null;
  readonly toUser: string;
  readonly toDevice: string;
}

/** An operation the server already holds, as an undo needs it. */
export interface KnownOperation {
  readonly opId: string;
  readonly deviceId: string;
  /** Who did it. */
  readonly userId: string;
  /** null: a step the server could not read (it was rejected, and its text is kept only as opaque data). */
  readonly op: FloorOperation | null;
  readonly status: OperationStatus;
  readonly at: number;
}

export type OperationStatus = 'applied' | 'rejected' | 'review' | 'undone';

export interface BookLine {
  readonly productId: string;
  readonly lot: string;
  readonly expiry: string | null;
  readonly qty: number;
}

/** What the server read for a batch. Maps hold only what the batch's operations touch. */
export interface LedgerSnapshot {
  readonly products: ReadonlyMap<string, { readonly lotTracked: boolean; readonly expiryTracked: boolean }>;
  readonly bins: ReadonlySet<string>;
  readonly tasks: ReadonlyMap<string, TaskState>;
  /** Display names of users, for "taken by". */
  readonly userNames: ReadonlyMap<string, string>;
  /** Committed balance per stock key (see stockKey). */
  readonly balances: ReadonlyMap<string, number>;
  /** Committed book of a bin at a time, per stock key: keyed `${binCode}@${at}` for each count in the batch. */
  readonly committedBooks: ReadonlyMap<string, ReadonlyMap<string, BookLine>>;
  /** Active counts per bin. */
  readonly activeCounts: ReadonlyMap<string, readonly CountMark[]>;
  /** Operations an undo in the batch names. */
  readonly operations: ReadonlyMap<string, KnownOperation>;
  /** Committed entries an undo must reverse: by the operation that caused them, and by the count they sit at. */
  readonly entriesByOp: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly entriesAtCount: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly threshold: VarianceThreshold;
  /** Units in one step above which the step is a deviation (warehouse setting). */
  readonly stepLimit: number;
  /** The warehouse's time zone: a step's day, for which lots had expired then (floorDate.ts). */
  readonly timeZone: string;
  /**
   * Counts of the batch's bins waiting for a supervisor, with the lines as they stand;
   * the committed book at each one's moment is in `committedBooks` (see reviewRecompute.ts).
   */
  readonly waitingReviews: readonly CountReviewState[];
}

/** A count in review: its bin, its moment, and per product and lot the book at that moment against what was counted. */
export interface CountReviewState {
  readonly opId: string;
  readonly binCode: string;
  readonly at: number;
  readonly lines: readonly VarianceLine[];
}

/** A deviation recorded against an operation: what the worker confirmed, what the server found, or both. */
export interface Deviation {
  readonly opId: string;
  readonly kind: DeviationKind;
  readonly onDevice: boolean;
  readonly byServer: boolean;
  readonly binCode: string;
  readonly productId: string | null;
  readonly lot: string | null;
  readonly qty: number | null;
  /** What the server saw: the book at the step's moment, the FEFO lot, the limit. */
  readonly facts: Readonly<Record<string, string | number | null>>;
}

export const bookKey = (binCode: string, at: number) => `${binCode}@${at}`;

export interface VarianceLine extends BookLine {
  readonly counted: number;
  readonly firstCount: number | null;
}

export interface ShortPick {
  readonly opId: string;
  readonly taskId: string;
  readonly lineNo: number;
  readonly binCode: string;
  readonly productId: string;
  readonly qty: number;
  readonly reason: ShortReason;
}

export interface Flag {
  readonly kind: 'negative-stock' | 'count-requested';
  readonly binCode: string;
  readonly productId: string | null;
  readonly lot: string | null;
  readonly opId: string;
}

export class LedgerWork {
  readonly entries: LedgerEntry[] = [];
  readonly countsPosted: (CountMark & { readonly binCode: string })[] = [];
  readonly countsWithdrawn: string[] = [];
  /** Counts of this batch sent to review, with their lines as they stand at the end of the batch. */
  readonly reviews: CountReviewState[] = [];
  readonly reviewsWithdrawn: string[] = [];
  /** Reviews waiting from before whose book late work changed, still off: their new lines. */
  readonly reviewsRecomputed: CountReviewState[] = [];
  /** Reviews (older or of this batch) that late work brought inside the threshold: posted, settled by the server. */
  readonly reviewsSettled: (CountReviewState & { readonly note: string })[] = [];
  readonly deviations: Deviation[] = [];
  readonly shortPicks: ShortPick[] = [];
  readonly taskConflicts: TaskConflictRecord[] = [];
  readonly takeovers: TaskTakeover[] = [];
  readonly shortPicksUndone: string[] = [];
  /** Rejected operations the worker settled (dismissed or fixed). */
  readonly settled: { readonly opId: string; readonly how: 'dismissed' | 'fixed'; readonly note: string; readonly userId: string }[] = [];
  readonly flags: Flag[] = [];
  /** Operations of this batch and the snapshot, by id, with their status as it now stands. */
  readonly known = new Map<string, KnownOperation>();
  readonly tasks = new Map<string, TaskState>();
  readonly changedTasks = new Set<string>();
  private readonly counts = new Map<string, CountMark[]>();

  constructor(readonly snapshot: LedgerSnapshot) {
    for (const [id, op] of snapshot.operations) this.known.set(id, op);
    for (const [id, task] of snapshot.tasks) this.tasks.set(id, task);
    for (const [bin, marks] of snapshot.activeCounts) this.counts.set(bin, [...marks]);
  }

  activeCountsOf(binCode: string): readonly CountMark[] {
    return this.counts.get(binCode) ?? [];
  }

  /** Appends an entry and the compensation an active later count needs. */
  append(entry: LedgerEntry): void {
    this.entries.push(...entriesFor(entry, this.activeCountsOf(entry.binCode)));
  }

  postCount(binCode: string, mark: CountMark): void {
    this.counts.set(binCode, [...this.activeCountsOf(binCode), mark]);
    this.countsPosted.push({ ...mark, binCode });
  }

  withdrawCount(binCode: string, opId: string): void {
    this.counts.set(binCode, this.activeCountsOf(binCode).filter((c) => c.opId !== opId));
    this.countsWithdrawn.push(opId);
  }

  balance(key: StockKeyOf): number {
    const k = stockKey(key);
    return (this.snapshot.balances.get(k) ?? 0) + this.entries.reduce((sum, e) => (stockKey(e) === k ? sum + e.delta : sum), 0);
  }

  /** The bin's book at a time: what was committed before the batch, plus what the batch appended. */
  bookOf(binCode: string, at: number): Map<string, BookLine> {
    const book = new Map<string, BookLine>(this.snapshot.committedBooks.get(bookKey(binCode, at)) ?? []);
    for (const [key, line] of bookAt(this.entries, binCode, at)) {
      const before = book.get(key);
      book.set(key, { ...line, expiry: before?.expiry ?? line.expiry, qty: (before?.qty ?? 0) + line.qty });
    }
    return book;
  }

  /** Committed and batch entries an undo reverses. */
  entriesCausedBy(opId: string): LedgerEntry[] {
    return [...(this.snapshot.entriesByOp.get(opId) ?? []), ...this.entries.filter((e) => e.opId === opId && e.kind !== 'before-count')];
  }

  entriesSittingAt(countOpId: string): LedgerEntry[] {
    return [...(this.snapshot.entriesAtCount.get(countOpId) ?? []), ...this.entries.filter((e) => e.countOpId === countOpId)];
  }

  updateTask(task: TaskState): void {
    this.tasks.set(task.id, task);
    this.changedTasks.add(task.id);
  }

  /** Records a conflict on a task; one of the same task and key earlier in the batch gives way to it. */
  addTaskConflict(conflict: TaskConflictRecord): void {
    const same = this.taskConflicts.findIndex((c) => c.taskId === conflict.taskId && c.key === conflict.key);
    if (same === -1) this.taskConflicts.push(conflict);
    else this.taskConflicts[same] = conflict;
    // The task carries its open conflicts to the devices: it changes with them.
    this.changedTasks.add(conflict.taskId);
  }
}
