/**
 * First expired, first out: the lot to propose is the one that expires first; lots
 * without an expiry come after every dated one, then by lot name. Empty lines are
 * not proposed.
 */
import type { StockLine } from '../catalog/product';

export function lotsFirstExpiringFirst(lines: readonly StockLine[]): StockLine[] {
  return lines
    .filter((line) => line.qty > 0)
    .sort((a, b) => (a.expiry ?? '9999-12-31').localeCompare(b.expiry ?? '9999-12-31') || a.lot.localeCompare(b.lot));
}

/** The lot to propose for picking `productId` from these lines, or null when none holds it. */
export function proposedLot(lines: readonly StockLine[], productId: string): StockLine | null {
  return lotsFirstExpiringFirst(lines.filter((line) => line.productId === productId))[0] ?? null;
}

/** True when a lot is past its expiry on `today` (ISO date, the warehouse's: floorDate.ts): the flow refuses to pick or put it away. */
export function isExpired(expiry: string | null, today: string): boolean {
  return expiry !== null && expiry < today;
}
