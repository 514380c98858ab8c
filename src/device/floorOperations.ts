/**
 * Records what a worker did. One confirmed step is one operation: written to the
 * outbox with the next gapless sequence number, and applied to the device's own view
 * of stock and to the task's progress, all in one IndexedDB transaction. The caller
 * says "saved" only when this resolves; a crash before that leaves nothing, after
 * it leaves everything, so a reload never loses or doubles a step.
 */
import type { FloorOperation } from '../domain/floor/operations';
import { floorOperationSchema } from '../protocol/operations';
import type { CountSheet } from '../domain/floor/countSheet';
import type { FloorDb, OutboxEntry, TaskProgress } from './floorDb';
import { expectOwnEntry, forgetWritten, rememberWritten } from './ownSteps';
import { DeviceRefusal, storageFailure } from './refusals';
import { COUNT_FLOW_KEY, type WorkerIdentity } from './stepPlan';
import { carefulStep, stepFromMemory } from './stepTransactions';
import type { StepPlan } from './stepPlan';
import { keepInFlight, leftInFlight } from './stepsInFlight';
import { noteStepNotKept } from './stepsNotKept';
import { deleteRecord, readRecord, writeRecord } from './syncState';

/**
 * The first check of an operation has zod set up its parsers and V8 compile them: most of
 * a 141 ms task at 4x CPU on the first step after the page loads (traced on Pick during a
 * pull). Made once when the page is first idle instead, on a step no screen sends.
 */
if (typeof requestIdleCallback === 'function') {
  const sample = { type: 'pick', binCode: 'B', productId: 'P', lot: '', expiry: null, taskId: 'T', lineNo: 1, qty: 1, proposedLot: null, deviations: [] };
  requestIdleCallback(() => void floorOperationSchema.safeParse(sample), { timeout: 3000 });
}

export { COUNT_FLOW_KEY, type WorkerIdentity };

/** A flow's state, written in the step's own transaction; null removes it. */
export interface FlowStateWrite {
  readonly key: string;
  readonly value: unknown;
}

export interface RecordOptions {
  /**
   * The step's idempotency key, made by the flow from its own state: a second write
   * with the same key records nothing and answers with the first write's entry.
   */
  readonly stepKey?: string;
  /** The flow's next state, written with the step (so a reload resumes after it, never before it). */
  readonly flowState?: FlowStateWrite;
  /** Clears the count being worked in the same transaction, so it can neither be lost nor submitted twice. */
  readonly clearsCount?: boolean;
  /**
   * Called once the step is decided on the read cache, its transaction queued and the
   * step kept in flight (stepsInFlight.ts): the screen may show it then, before the
   * commit, and a reload meanwhile still writes it. Not called when the step must first
   * be read for, or cannot be kept in flight: the caller then waits for the commit.
   */
  readonly answerEarly?: () => void;
}

/**
 * What a write did: the entry, whether it was already there (same step key), and whether
 * the step was shown early as it was then written (`answerEarly` was called and held).
 */
export type RecordedEntry = OutboxEntry & { readonly duplicate?: boolean; readonly answeredEarly?: boolean };

/**
 * Writes one operation and its effects; resolves with the outbox entry once the
 * transaction completed. The checks that need the device's own records (stepPlan.ts)
 * are made on what IndexedDB holds inside that transaction, so two writes racing each
 * other cannot both pass them. A step the read cache can decide is written in one go
 * and checked there (stepTransactions.ts); any other, or one the cache was behind on,
 * reads first.
 */
export async function recordOperation(db: FloorDb, worker: WorkerIdentity, input: FloorOperation, now: Date = new Date(), options: RecordOptions | 'countDraft' = {}): Promise<RecordedEntry> {
  const { stepKey, flowState, clearsCount, answerEarly } = options === 'countDraft' ? { clearsCount: true, stepKey: undefined, flowState: undefined, answerEarly: undefined } : options;
  const parsed = floorOperationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeviceRefusal('bad-operation', { code: 'bad-operation', detail: issue ? `${issue.path.join('.') || 'operation'}: ${issue.message}` : 'it is not a valid operation' });
  }
  const op = parsed.data as FloorOperation;
  const step = { opId: crypto.randomUUID(), op, worker, now, stepKey };
  const extras = { flowState, clearsCount: clearsCount === true };
  // The outbox entry this step writes: its transaction's notice is this page's own (readCache.ts).
  const forget = expectOwnEntry(db, step.opId);
  // The step shown before its commit: its plan, put in the cache ahead, and its entry in flight.
  const early: { shown: { plan: StepPlan; done: () => void } | null } = { shown: null };
  const onQueued = answerEarly
    ? (plan: StepPlan) => {
        const done = keepInFlight({ kind: 'step', worker, op, now: now.toISOString(), stepKey, flowState, clearsCount: extras.clearsCount });
        if (done === null) return;
        early.shown = { plan, done };
        rememberWritten(db, writtenBy(plan));
        answerEarly();
      }
    : undefined;
  try {
    let outcome = await stepFromMemory(db, step, extras, onQueued);
    if (outcome === null) {
      // The cache was behind: what was shown is taken back, and the step is read for.
      if (early.shown) forgetWritten(db, writtenBy(early.shown.plan));
      outcome = await carefulStep(db, step, extras);
    }
    if (outcome.kind === 'duplicate') return { ...outcome.entry, duplicate: true };
    const { plan } = outcome;
    // Committed: the next event reads what this step wrote from memory.
    rememberWritten(db, writtenBy(plan));
    return early.shown?.plan === plan ? { ...plan.entry, answeredEarly: true } : plan.entry;
  } catch (error) {
    if (early.shown) forgetWritten(db, writtenBy(early.shown.plan));
    if (error instanceof DeviceRefusal) throw error;
    throw storageFailure(error);
  } finally {
    early.shown?.done();
    forget();
  }
}

const writtenBy = (plan: StepPlan) => ({ tasks: plan.tasks, bins: plan.bins, progress: plan.progress, outbox: [...plan.changedEntries, plan.entry], lastSeq: plan.entry.deviceSeq });

/**
 * Writes the steps a page showed and then went away before their commit (a reload, a
 * closed tab: stepsInFlight.ts). Called before anything reads the device database; a
 * step already written is not written again (its step key), and a step refused now is
 * noted with its reason for the sync screen (stepsNotKept.ts).
 */
export async function writeStepsLeftInFlight(db: FloorDb): Promise<void> {
  for (const { entry, done } of leftInFlight()) {
    try {
      if (entry.kind === 'flow-state') await db.syncState.put({ key: entry.key, value: entry.value });
      else await recordOperation(db, entry.worker, entry.op, new Date(entry.now), { stepKey: entry.stepKey, flowState: entry.flowState, clearsCount: entry.clearsCount });
      done();
    } catch (error) {
      if (!(error instanceof DeviceRefusal) || error.reason === 'storage-full' || error.reason === 'storage-failed') throw error; // kept for the next start
      // Refused now: the sync screen tells the worker, with the reason (a failure to note it keeps it for the next start).
      if (entry.kind === 'step') await noteStepNotKept(db, { op: entry.op, shownAt: entry.now, userId: entry.worker.userId, why: error.why });
      done();
    }
  }
}

/** The task's progress on this device, or null when it was not started here. */
export async function readTaskProgress(db: FloorDb, taskId: string): Promise<TaskProgress | null> {
  return (await db.taskProgress.get(taskId)) ?? null;
}

export async function readCountDraft(db: FloorDb): Promise<CountSheet | null> {
  return (await readRecord(db, 'countDraft')) ?? null;
}

export async function saveCountDraft(db: FloorDb, sheet: CountSheet): Promise<void> {
  try {
    await writeRecord(db, 'countDraft', sheet);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function dropCountDraft(db: FloorDb): Promise<void> {
  await deleteRecord(db, 'countDraft');
}
