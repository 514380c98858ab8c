/**
 * The stock ledger's rule for counts that arrive late and movements that arrive after
 * a count. Pure: the server reads what a batch of operations touches, works through
 * it here, and writes what comes out in the same transaction.
 *
 * Invariants:
 * - Stock changes only by entries appended to the ledger; the balance per
 *   bin × product × lot is their sum. Nothing is ever updated or deleted.
 * - Every entry has an effective time: when it happened on the floor (the device's
 *   clock, corrected by the device's offset to the server's clock).
 * - A count is a snapshot of a whole bin at its time t. While it is active, the sum of
 *   the bin's entries effective at or before t is, per product and lot, what was
 *   counted (zero for what was not found). So the balance is the latest count plus what
 *   happened after it, and a count never erases work posted after its moment.
 * - To keep that true, an entry effective before an active count is followed by its
 *   reverse, effective at the first active count after it (kind `before-count`): the
 *   count already saw it. One compensation is enough: the pair cancels for every later
 *   count too. Compensations are not compensated.
 */
export type EntryKind = 'opening' | 'import' | 'putaway' | 'pick' | 'count' | 'before-count' | 'undo';

export interface StockKeyOf {
  readonly binCode: string;
  readonly productId: string;
  readonly lot: string;
}

export interface LedgerEntry extends StockKeyOf {
  readonly expiry: string | null;
  readonly delta: number;
  /** Effective time, milliseconds since the epoch. */
  readonly at: number;
  readonly kind: EntryKind;
  /** The operation that caused it (null for opening stock). */
  readonly opId: string | null;
  /** For a count's adjustment and the compensations placed at a count's time: that count. */
  readonly countOpId: string | null;
}

/** A posted count that is still in force. */
export interface CountMark {
  readonly opId: string;
  readonly at: number;
}

export const stockKey = (k: StockKeyOf): string => `${k.binCode}\u0000${k.productId}\u0000${k.lot}`;

/** The first active count of the bin strictly after `at`, if any. */
export function firstCountAfter(counts: readonly CountMark[], at: number): CountMark | null {
  let first: CountMark | null = null;
  for (const count of counts) if (count.at > at && (first === null || count.at < first.at || (count.at === first.at && count.opId < first.opId))) first = count;
  return first;
}

/**
 * An entry and, when an active count of its bin comes after it, the compensation that
 * keeps that count's snapshot true.
 */
export function entriesFor(entry: LedgerEntry, activeCounts: readonly CountMark[]): LedgerEntry[] {
  if (entry.kind === 'before-count' || entry.delta === 0) return entry.delta === 0 ? [] : [entry];
  const count = firstCountAfter(activeCounts, entry.at);
  if (count === null) return [entry];
  return [entry, { ...entry, delta: -entry.delta, at: count.at, kind: 'before-count', countOpId: count.opId }];
}

/** Sum per product and lot of a bin's entries effective at or before `at`. */
export function bookAt(entries: readonly LedgerEntry[], binCode: string, at: number): Map<string, { productId: string; lot: string; expiry: string | null; qty: number }> {
  const book = new Map<string, { productId: string; lot: string; expiry: string | null; qty: number }>();
  for (const entry of entries) {
    if (entry.binCode !== binCode || entry.at > at) continue;
    const key = stockKey(entry);
    const line = book.get(key) ?? { productId: entry.productId, lot: entry.lot, expiry: entry.expiry, qty: 0 };
    book.set(key, { ...line, expiry: line.expiry ?? entry.expiry, qty: line.qty + entry.delta });
  }
  return book;
}
