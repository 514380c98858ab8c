/** A small in-memory snapshot for the ledger's unit tests: one bin's committed entries, books at any moment asked for. */
import type { FloorOperation } from '../floor/operations';
import type { IncomingOperation } from './applyOperations';
import { bookKey, type BookLine, type CountReviewState, type LedgerSnapshot } from './ledgerWork';
import { bookAt, type LedgerEntry } from './stockLedger';

export const BIN = 'A-01-01-1';
export const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);

export const entry = (productId: string, lot: string, delta: number, at: number, expiry: string | null = null): LedgerEntry => ({ binCode: BIN, productId, lot, expiry, delta, at, kind: 'opening', opId: null, countOpId: null });

let serial = 0;
export const nextOpId = () => `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`;

export function incomingAt(op: FloorOperation, at: number, deviceId = 'd1'): IncomingOperation {
  return { opId: nextOpId(), deviceId, userId: 'u1', op, deviceAt: at, offsetMs: 0 };
}

export function snapshotOf(input: {
  committed: readonly LedgerEntry[];
  products: Record<string, { lotTracked: boolean; expiryTracked: boolean }>;
  /** Moments whose committed book the work will ask for (the server reads them for the batch's counts, picks and reviews). */
  moments: readonly number[];
  waitingReviews?: readonly CountReviewState[];
  stepLimit?: number;
  timeZone?: string;
  threshold?: { units: number; percent: number };
}): LedgerSnapshot {
  const books = new Map<string, Map<string, BookLine>>();
  for (const at of [...input.moments, ...(input.waitingReviews ?? []).map((r) => r.at)]) books.set(bookKey(BIN, at), bookAt(input.committed, BIN, at));
  const balances = new Map<string, number>();
  for (const [key, line] of bookAt(input.committed, BIN, Number.MAX_SAFE_INTEGER)) balances.set(key, line.qty);
  return {
    products: new Map(Object.entries(input.products)),
    bins: new Set([BIN]),
    tasks: new Map(),
    userNames: new Map(),
    balances,
    committedBooks: books,
    activeCounts: new Map(),
    operations: new Map(),
    entriesByOp: new Map(),
    entriesAtCount: new Map(),
    threshold: input.threshold ?? { units: 2, percent: 5 },
    stepLimit: input.stepLimit ?? 1000,
    timeZone: input.timeZone ?? 'UTC',
    waitingReviews: input.waitingReviews ?? [],
  };
}
