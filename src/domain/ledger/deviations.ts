/**
 * Deviations the server finds itself, from its own book, so a device cannot hide one
 * by leaving it out of its step. The step is applied all the same (it physically
 * happened); each deviation is recorded against it for a supervisor: the kinds the
 * server found, together with the kinds the worker confirmed on the device.
 *
 * Rules, against the bin's book at the step's moment, before the step:
 * - `lot-not-in-bin`: a pick of a lot-tracked product's lot the bin does not hold.
 * - `not-fefo`: a pick of a lot the bin holds while it holds another lot of the product,
 *   not expired on the pick's day in the warehouse's time zone (floor/floorDate.ts), that
 *   expires earlier (FEFO, floor/fefo.ts). Lots
 *   without an expiry, or with the same one, are not a deviation: FEFO is about dates.
 * - `more-than-bin-holds`: a pick of more than the book holds of that product and lot
 *   (when the lot is in the bin, or the product has no lots).
 * - `over-step-limit`: a pick or putaway, or a counted line, of more units than the
 *   warehouse's per-step limit.
 * - `empty-bin-held-stock`: "bin is empty" (a count with no lines) on a bin whose book holds stock.
 *
 * And one correction made before anything else: an expiry on a product that does not
 * track expiry is dropped (null), for putaway, pick and count lines.
 */
import type { CountOp, DeviationKind, FloorOperation, PickOp, PutawayOp } from '../floor/operations';
import { isExpired, lotsFirstExpiringFirst } from '../floor/fefo';
import { floorDate } from '../floor/floorDate';
import type { BookLine, Deviation, LedgerSnapshot, LedgerWork } from './ledgerWork';
import type { IncomingOperation } from './applyOperations';

type Products = LedgerSnapshot['products'];

/** The operation with expiries kept only where the product tracks expiry. */
export function withTrackedExpiryOnly<T extends FloorOperation>(op: T, products: Products): T {
  const untracked = (productId: string, expiry: string | null) => expiry !== null && products.get(productId)?.expiryTracked === false;
  switch (op.type) {
    case 'putaway':
    case 'pick':
      return untracked(op.productId, op.expiry) ? { ...op, expiry: null } : op;
    case 'count':
      return op.lines.some((l) => untracked(l.productId, l.expiry)) ? { ...op, lines: op.lines.map((l) => (untracked(l.productId, l.expiry) ? { ...l, expiry: null } : l)) } : op;
    default:
      return op;
  }
}

type Found = { readonly kind: DeviationKind; readonly facts: Deviation['facts'] };

/** The deviations of a step: found by the server (from the book before the step) and confirmed on the device. */
export function deviationsOf(work: LedgerWork, incoming: IncomingOperation): Deviation[] {
  const { op } = incoming;
  if (op.type !== 'pick' && op.type !== 'putaway' && op.type !== 'count') return [];
  const found = op.type === 'count' ? countDeviations(work, incoming, op) : moveDeviations(work, incoming, op);
  const claimed = new Set(op.deviations ?? []);
  const kinds = new Map<DeviationKind, Found | null>([...claimed].map((kind) => [kind, null]));
  for (const f of found) kinds.set(f.kind, f);
  const productId = op.type === 'count' ? (op.lines.length === 1 ? op.lines[0]!.productId : null) : op.productId;
  const lot = op.type === 'count' ? (op.lines.length === 1 ? op.lines[0]!.lot : null) : op.lot;
  const qty = op.type === 'count' ? (op.lines.length === 1 ? op.lines[0]!.counted : null) : op.qty;
  return [...kinds].map(([kind, f]) => ({ opId: incoming.opId, kind, onDevice: claimed.has(kind), byServer: f !== null, binCode: op.binCode, productId, lot, qty, facts: f?.facts ?? {} }));
}

const stepAt = (incoming: IncomingOperation) => incoming.deviceAt + incoming.offsetMs;

function moveDeviations(work: LedgerWork, incoming: IncomingOperation, op: PickOp | PutawayOp): Found[] {
  const found: Found[] = [];
  const limit = work.snapshot.stepLimit;
  if (op.qty > limit) found.push({ kind: 'over-step-limit', facts: { limit, qty: op.qty } });
  if (op.type === 'putaway') return found;
  const at = stepAt(incoming);
  const lines = [...work.bookOf(op.binCode, at).values()].filter((l) => l.productId === op.productId);
  const held = lines.find((l) => l.lot === op.lot);
  const inBin = held !== undefined && held.qty > 0;
  const lotTracked = work.snapshot.products.get(op.productId)?.lotTracked ?? false;
  if (lotTracked && !inBin) found.push({ kind: 'lot-not-in-bin', facts: { lotsInBin: lines.filter((l) => l.qty > 0).map((l) => l.lot).join(', ') || null } });
  if ((inBin || !lotTracked) && op.qty > (held?.qty ?? 0)) found.push({ kind: 'more-than-bin-holds', facts: { book: held?.qty ?? 0, qty: op.qty } });
  if (inBin) {
    const first = firstGoodLot(lines, op.binCode, floorDate(at, work.snapshot.timeZone));
    if (first && first.lot !== op.lot && first.expiry !== null && (held.expiry === null || held.expiry > first.expiry)) {
      found.push({ kind: 'not-fefo', facts: { fefoLot: first.lot, fefoExpiry: first.expiry, lotExpiry: held.expiry } });
    }
  }
  return found;
}

function firstGoodLot(lines: readonly BookLine[], binCode: string, today: string): BookLine | null {
  const good = lines.filter((l) => !isExpired(l.expiry, today)).map((l) => ({ ...l, binCode }));
  return lotsFirstExpiringFirst(good)[0] ?? null;
}

function countDeviations(work: LedgerWork, incoming: IncomingOperation, op: CountOp): Found[] {
  const found: Found[] = [];
  const limit = work.snapshot.stepLimit;
  const over = op.lines.filter((l) => l.counted > limit);
  if (over.length > 0) found.push({ kind: 'over-step-limit', facts: { limit, qty: Math.max(...over.map((l) => l.counted)) } });
  if (op.lines.length === 0) {
    const at = Date.parse(op.startedAt) + incoming.offsetMs;
    const held = [...work.bookOf(op.binCode, at).values()].reduce((sum, l) => sum + Math.max(0, l.qty), 0);
    if (held > 0) found.push({ kind: 'empty-bin-held-stock', facts: { book: held } });
  }
  return found;
}
