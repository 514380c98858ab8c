import { describe, expect, it } from 'vitest';
import { interpretCode } from '../codes/interpretCode';
import { withCheckDigit, type Gtin14 } from '../codes/gtin';
import type { Product, StockLine } from '../catalog/product';
import { pickScan, type PickLineContext } from './pickLine';

const each = withCheckDigit('400638133393');
const caseGtin = withCheckDigit('1400638133393');
const other = withCheckDigit('590123412345');
const product: Product = {
  id: 'p1',
  sku: 'SKU-1',
  name: 'Olive oil 1 l',
  unit: 'bottle',
  zone: 'A',
  lotTracked: true,
  expiryTracked: true,
  codes: [
    { gtin: `0${each}` as Gtin14, packQty: 1, packLevel: 'each', symbology: 'ean-13', printed: each },
    { gtin: caseGtin as Gtin14, packQty: 6, packLevel: 'case', symbology: 'gtin-14', printed: caseGtin },
  ],
};
const stock = (lot: string, expiry: string, qty = 20): StockLine => ({ binCode: 'A-01-01-1', productId: 'p1', lot, expiry, qty });
const line = (over: Partial<PickLineContext> = {}): PickLineContext => ({
  binCode: 'A-01-01-1',
  product,
  needed: 8,
  done: 0,
  binStock: [stock('L2', '2027-06-01'), stock('L1', '2027-02-01'), stock('OLD', '2026-10-01', 3)],
  today: '2026-11-23',
  ...over,
});
const scan = (text: string) => interpretCode(text, new Date('2026-11-23'));

describe('a pick line, scan by scan', () => {
  it('asks for the bin first and refuses a wrong bin', () => {
    expect(pickScan(line(), false, scan(each))).toMatchObject({ kind: 'refused', reason: 'scan-bin-first' });
    expect(pickScan(line(), false, scan('A-01-02-1'))).toMatchObject({ kind: 'refused', reason: 'wrong-bin', message: 'Wrong bin: this is A-01-02-1. Go to bin A-01-01-1.' });
    expect(pickScan(line(), false, scan('A-01-01-1'))).toEqual({ kind: 'bin-confirmed' });
  });

  it('refuses a wrong item and a bad code, with the reason', () => {
    expect(pickScan(line(), true, scan(other))).toMatchObject({ kind: 'refused', reason: 'wrong-item' });
    expect(pickScan(line(), true, scan(`${each.slice(0, 12)}${(Number(each[12]) + 1) % 10}`))).toMatchObject({ kind: 'refused', reason: 'bad-code' });
  });

  it('counts a case code as its pack quantity and proposes the earliest-expiring lot that has not expired', () => {
    // OLD expired in October, so L1 is proposed.
    expect(pickScan(line(), true, scan(caseGtin))).toEqual({ kind: 'picked', qty: 6, lot: 'L1', expiry: '2027-02-01', proposedLot: null });
  });

  it('refuses an expired lot, from a GS1 code or when no good lot is left', () => {
    expect(pickScan(line(), true, scan(`(01)0${each}(17)261001(10)OLD`))).toMatchObject({ kind: 'refused', reason: 'lot-expired' });
    expect(pickScan(line({ binStock: [stock('OLD', '2026-10-01', 3)] }), true, scan(each))).toMatchObject({ kind: 'refused', reason: 'lot-expired', message: 'This date has passed: lot OLD expired on 1 Oct 2026. Do not use it; take another lot.' });
  });

  it('takes the lot from a GS1 code, noting the lot FEFO proposed', () => {
    const fresh = line({ binStock: [stock('L2', '2027-06-01'), stock('L1', '2027-02-01')] });
    expect(pickScan(fresh, true, scan(`(01)0${each}(17)270601(10)L2`))).toEqual({ kind: 'picked', qty: 1, lot: 'L2', expiry: '2027-06-01', proposedLot: 'L1' });
  });

  it('never picks more than the line needs', () => {
    expect(pickScan(line({ done: 5 }), true, scan(caseGtin))).toMatchObject({ kind: 'refused', reason: 'more-than-needed', message: 'More than needed: this code is 6 bottle, only 3 left to pick.' });
    expect(pickScan(line({ done: 8 }), true, scan(each))).toMatchObject({ kind: 'refused', reason: 'line-done' });
  });
});
