/**
 * One pick line, scan by scan: first the bin (a wrong bin is refused), then the item
 * (a wrong item is refused; a case or inner-pack code counts its pack quantity), never
 * more than the line needs. Where lots are tracked the lot comes from a GS1 code or,
 * failing that, is the earliest-expiring lot in the bin (FEFO); a lot other than the
 * proposed one is taken with a note; an expired lot is refused.
 */
import type { CodeMeaning } from '../codes/interpretCode';
import type { Product, StockLine } from '../catalog/product';
import { isExpired, proposedLot } from './fefo';
import { explain, type Why } from '../why';

export interface PickLineContext {
  readonly binCode: string;
  readonly product: Product;
  /** Units the line asks for, and units already picked. */
  readonly needed: number;
  readonly done: number;
  /** The bin's stock lines, as the device knows them. */
  readonly binStock: readonly StockLine[];
  /** ISO date. */
  readonly today: string;
}

export type PickRefusal = 'wrong-bin' | 'scan-bin-first' | 'wrong-item' | 'bad-code' | 'lot-expired' | 'more-than-needed' | 'line-done';

export type PickScanOutcome =
  | { readonly kind: 'bin-confirmed' }
  | { readonly kind: 'picked'; readonly qty: number; readonly lot: string; readonly expiry: string | null; readonly proposedLot: string | null }
  | PickRefused;

export interface PickRefused {
  readonly kind: 'refused';
  readonly reason: PickRefusal;
  readonly why: Why;
  /** In English. */
  readonly message: string;
}

const refuse = (reason: PickRefusal, why: Why): PickRefused => ({ kind: 'refused', reason, why, message: explain(why) });

export function pickScan(line: PickLineContext, binConfirmed: boolean, meaning: CodeMeaning): PickScanOutcome {
  if (meaning.kind === 'invalid') return refuse('bad-code', meaning.error.why);
  if (meaning.kind === 'bin-code' || !binConfirmed) {
    if (meaning.kind !== 'bin-code') return refuse('scan-bin-first', { code: 'scan-bin-first', bin: line.binCode });
    return meaning.binCode === line.binCode ? { kind: 'bin-confirmed' } : refuse('wrong-bin', { code: 'wrong-bin', scanned: meaning.binCode, expected: line.binCode });
  }
  const code = line.product.codes.find((c) => meaning.readings.some((r) => r.gtin === c.gtin));
  if (!code) return refuse('wrong-item', { code: 'wrong-item', expected: line.product.name });
  const left = line.needed - line.done;
  if (left <= 0) return refuse('line-done', { code: 'line-done', needed: line.needed, unit: line.product.unit });
  const qty = code.packQty;
  if (qty > left) return refuse('more-than-needed', { code: 'more-than-needed', qty, unit: line.product.unit, left });
  const lot = lotToPick(line, meaning.kind === 'gs1' ? meaning.gs1 : null);
  return lot.kind === 'refused' ? lot : { kind: 'picked', qty, lot: lot.lot, expiry: lot.expiry, proposedLot: lot.proposedLot };
}

/**
 * The lot a pick takes: from the GS1 code when it carries one, else the earliest-
 * expiring good lot in the bin; with the FEFO lot as a note when another was taken.
 * Also used when the worker types the quantity instead of scanning each unit.
 */
export function lotToPick(
  line: PickLineContext,
  fromCode: { readonly lot?: string; readonly expiry?: string } | null,
): { readonly kind: 'lot'; readonly lot: string; readonly expiry: string | null; readonly proposedLot: string | null } | PickRefused {
  if (!line.product.lotTracked && !line.product.expiryTracked) return { kind: 'lot', lot: '', expiry: null, proposedLot: null };
  // FEFO among lots still good; only when every lot has expired is an expired one proposed (and then refused).
  const good = line.binStock.filter((l) => !isExpired(l.expiry, line.today));
  const proposal = proposedLot(good, line.product.id) ?? proposedLot(line.binStock, line.product.id);
  const lot = line.product.lotTracked ? (fromCode?.lot ?? proposal?.lot ?? '') : '';
  const known = line.binStock.find((l) => l.productId === line.product.id && l.lot === lot);
  const expiry = fromCode?.expiry ?? known?.expiry ?? (lot === proposal?.lot ? proposal.expiry : null);
  if (isExpired(expiry, line.today)) return refuse('lot-expired', { code: 'lot-expired', lot, expiry: expiry ?? '' });
  return { kind: 'lot', lot, expiry, proposedLot: proposal && line.product.lotTracked && proposal.lot !== lot ? proposal.lot : null };
}
