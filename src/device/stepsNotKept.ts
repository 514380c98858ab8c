/**
 * Steps a page showed as saved that could not be written after all: left in flight by a
 * page that went away before their commit (stepsInFlight.ts), then refused when written
 * at the next start, the device's records having changed in between (another tab of the
 * same device, say). Each is kept with its reason until the worker has read it on the
 * sync screen, so no step the screen showed is lost without a word.
 */
import type { FloorOperation } from '../domain/floor/operations';
import type { Why } from '../domain/why';
import type { FloorDb } from './floorDb';
import { readRecord, writeRecord } from './syncState';

export interface StepNotKept {
  readonly id: string;
  readonly op: FloorOperation;
  /** When the screen showed it as saved. */
  readonly shownAt: string;
  readonly userId: string;
  readonly why: Why;
}

/** Changes the list in one transaction, so two changes at once (two tabs) both hold. */
async function changeList(db: FloorDb, change: (kept: readonly StepNotKept[]) => readonly StepNotKept[]): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await writeRecord(db, 'stepsNotKept', change((await readRecord(db, 'stepsNotKept')) ?? []));
  });
}

export async function noteStepNotKept(db: FloorDb, step: Omit<StepNotKept, 'id'>): Promise<void> {
  await changeList(db, (kept) => [...kept, { ...step, id: crypto.randomUUID() }]);
}

export async function readStepsNotKept(db: FloorDb): Promise<readonly StepNotKept[]> {
  return (await readRecord(db, 'stepsNotKept')) ?? [];
}

/** The worker has read it: it leaves the list. */
export async function dismissStepNotKept(db: FloorDb, id: string): Promise<void> {
  await changeList(db, (kept) => kept.filter((step) => step.id !== id));
}
