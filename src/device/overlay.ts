/**
 * What the screens show: the server's state with this device's operations that are
 * not yet in it laid on top, in the device's order.
 *
 * Invariants:
 * - A bin shows its serverStock plus the effects of the device's operations the
 *   server's state of that bin does not hold yet: those pending, and those the
 *   server recorded at a change clock after the bin's serverClock.
 * - A rejected (or dismissed) operation is never laid on top: the screens stop showing
 *   it the moment its rejection arrives.
 * - An undo lays the reverse of its step; both pending, they cancel.
 * Whenever a bin's server state or an operation's fate changes, the bin is laid again.
 */
import { applyEffect, binsTouched, effectBin, reverseEffectsOf, stockEffectsOf, type FloorOperation, type StockEffect } from '../domain/floor/operations';
import type { StockLine } from '../domain/catalog/product';
import { withStock, type FloorDb, type OutboxEntry, type StoredBin } from './floorDb';

const isLaid = (entry: OutboxEntry, serverClock: string): boolean => {
  if (entry.status === 'pending') return true;
  if (entry.status === 'rejected' || entry.status === 'dismissed') return false;
  // Acknowledged: laid until the bin's server state reaches the clock it was recorded at.
  return entry.clock !== null && entry.clock !== undefined && BigInt(entry.clock) > BigInt(serverClock);
};

/** Each operation's effects on stock (one per bin), undo resolved to the reverse of its step. */
export function effectsOf(entry: OutboxEntry, byId: ReadonlyMap<string, OutboxEntry>): StockEffect[] {
  const op = entry.payload as FloorOperation;
  if (op.type !== 'undo') return stockEffectsOf(op);
  const target = byId.get(op.undoesOpId);
  return target ? reverseEffectsOf(target.payload as FloorOperation) : [];
}

/** The stock a bin shows: its server stock with the device's operations on it not yet in it, in order. */
export function laidStock(bin: StoredBin, entriesOnBin: readonly OutboxEntry[], byId: ReadonlyMap<string, OutboxEntry>): StockLine[] {
  let stock: StockLine[] = [...bin.serverStock];
  for (const entry of [...entriesOnBin].sort((a, b) => a.deviceSeq - b.deviceSeq)) {
    if (!isLaid(entry, bin.serverClock)) continue;
    for (const effect of effectsOf(entry, byId)) {
      if (effectBin(effect) === bin.code) stock = applyEffect<StockLine>(stock, effect, (line) => ({ ...line, binCode: bin.code }));
    }
  }
  return stock;
}

/** The entries that may be laid, by the bin they touch: each bin then replays only its own. */
export function entriesByBin(entries: readonly OutboxEntry[], byId: ReadonlyMap<string, OutboxEntry>): Map<string, OutboxEntry[]> {
  const byBin = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    for (const bin of new Set(effectsOf(entry, byId).map(effectBin))) if (bin !== null) byBin.set(bin, [...(byBin.get(bin) ?? []), entry]);
  }
  return byBin;
}

/** The outbox entries that may still be laid on some bin: not yet rejected or dismissed. */
export async function layableEntries(db: FloorDb): Promise<{ entries: OutboxEntry[]; byId: Map<string, OutboxEntry> }> {
  const entries = await db.outbox.toArray();
  return { entries: entries.filter((e) => e.status !== 'rejected' && e.status !== 'dismissed'), byId: new Map(entries.map((e) => [e.opId, e])) };
}

/** Lays the device's operations on bins as the server sent them; call inside a transaction that includes the outbox. */
export async function layOnBins(db: FloorDb, bins: readonly StoredBin[]): Promise<StoredBin[]> {
  if (bins.length === 0) return [];
  const { entries, byId } = await layableEntries(db);
  if (entries.length === 0) return [...bins];
  const byBin = entriesByBin(entries, byId);
  return bins.map((bin) => withStock(bin, laidStock(bin, byBin.get(bin.code) ?? [], byId)));
}

/** The bins an operation touches, for laying them again when its fate changes. */
export function binsTouchedBy(entry: OutboxEntry, byId: ReadonlyMap<string, OutboxEntry>): string[] {
  const op = entry.payload as FloorOperation;
  const target = op.type === 'undo' ? byId.get(op.undoesOpId) : undefined;
  return binsTouched(op, target ? (target.payload as FloorOperation) : null);
}
