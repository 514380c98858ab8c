/**
 * Steps the screen has shown while their IndexedDB transaction is still committing.
 *
 * A step is decided on the read cache and its transaction queued in well under a
 * millisecond; IndexedDB's commit then takes from a few ms to tens of ms on a slow
 * handheld. The screen answers as soon as the transaction is queued, and the step is
 * written first, synchronously, to localStorage: a reload or a closed tab in the
 * moment between the answer and the commit finds it here when the device database
 * opens next (the page's IndexedDB transaction dies with the page; localStorage does
 * not) and writes it then, before anything reads the database.
 *
 * Invariants:
 * - An entry is written before the screen shows its step and removed once its
 *   transaction committed or was refused; replaying one whose step was written already
 *   writes nothing (a step's key is written once, a flow state is the same value).
 * - Where localStorage cannot take the entry (none in this context, full, private
 *   mode), `keepInFlight` says so and the screen waits for the commit as before.
 * - Steps are written one at a time by a page (the flow's queue waits for each commit),
 *   so a page leaves at most one entry; entries of several tabs replay in the order
 *   they were made.
 */
import type { FloorOperation } from '../domain/floor/operations';
import type { WorkerIdentity } from './stepPlan';

const PREFIX = 'floor:in-flight:';

export type InFlight =
  | {
      readonly kind: 'step';
      readonly worker: WorkerIdentity;
      readonly op: FloorOperation;
      /** The step's time (ISO), as the operation records it. */
      readonly now: string;
      readonly stepKey: string | undefined;
      readonly flowState: { readonly key: string; readonly value: unknown } | undefined;
      readonly clearsCount: boolean;
    }
  | { readonly kind: 'flow-state'; readonly key: string; readonly value: unknown };

interface Kept {
  readonly madeAt: number;
  readonly entry: InFlight;
}

let made = 0;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed frame refuses even the look
  }
}

/** Keeps an entry until the returned function is called; null when it could not be kept. */
export function keepInFlight(entry: InFlight, now: number = Date.now()): (() => void) | null {
  const store = storage();
  if (store === null) return null;
  const key = `${PREFIX}${now}:${(made += 1)}:${Math.random().toString(36).slice(2, 8)}`;
  try {
    store.setItem(key, JSON.stringify({ madeAt: now, entry } satisfies Kept));
  } catch {
    return null;
  }
  return () => {
    try {
      store.removeItem(key);
    } catch {
      // nothing to do: the entry replays as a step already written
    }
  };
}

/** Whether any page left a step in flight (a cheap look, for the start: the writer is a chunk of its own). */
export function anyLeftInFlight(): boolean {
  const store = storage();
  if (store === null) return false;
  for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(PREFIX)) return true;
  return false;
}

/** The entries left by a page that went away before their commit, oldest first, each with its removal. */
export function leftInFlight(): { readonly entry: InFlight; readonly done: () => void }[] {
  const store = storage();
  if (store === null) return [];
  const found: { madeAt: number; key: string; entry: InFlight }[] = [];
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => key !== null && key.startsWith(PREFIX));
  for (const key of keys) {
    try {
      const kept = JSON.parse(store.getItem(key) ?? 'null') as Kept | null;
      if (kept && typeof kept.madeAt === 'number' && kept.entry) found.push({ madeAt: kept.madeAt, key, entry: kept.entry });
      else store.removeItem(key);
    } catch {
      store.removeItem(key); // not one of ours to read (localStorage writes are whole, but anyone can write a key)
    }
  }
  return found.sort((a, b) => a.madeAt - b.madeAt).map(({ key, entry }) => ({ entry, done: () => store.removeItem(key) }));
}
