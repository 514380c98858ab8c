import { describe, expect, it } from 'vitest';
import { askedAgain, countScan, emptyBinCount, setCount, startCount, stepCount, submitCount } from './countSheet';
import type { StockLine } from '../catalog/product';

const book: StockLine[] = [{ binCode: 'B-01-01-1', productId: 'p1', lot: '', expiry: null, qty: 12 }];
const p1 = { productId: 'p1', lot: '', expiry: null };
const p9 = { productId: 'p9', lot: 'X', expiry: '2027-01-01' };
const threshold = { units: 2, percent: 5 };
const start = () => startCount('B-01-01-1', null, book, '2026-11-23T09:00:00.000Z');

describe('counting a bin', () => {
  it('adds one per item scan and the pack quantity per case scan; typing replaces', () => {
    let sheet = countScan(start(), p1, 1);
    sheet = countScan(sheet, p1, 6);
    expect(sheet.items).toEqual([{ ...p1, qty: 7, unexpected: false }]);
    sheet = setCount(sheet, p1, 12);
    expect(sheet.items[0]?.qty).toBe(12);
  });

  it('takes an item not expected in the bin, and marks it', () => {
    const sheet = countScan(setCount(start(), p1, 12), p9, 1);
    expect(sheet.items[1]).toEqual({ ...p9, qty: 1, unexpected: true });
    const outcome = submitCount(sheet, threshold);
    expect(outcome.kind).toBe('count'); // one unit unexpected is within the unit limit
  });

  it('submits a count close to the book at once, with what the device knew at the start', () => {
    const outcome = submitCount(setCount(start(), p1, 11), threshold);
    expect(outcome).toEqual({
      kind: 'count',
      op: { type: 'count', taskId: null, lineNo: null, binCode: 'B-01-01-1', startedAt: '2026-11-23T09:00:00.000Z', bookAtStart: [{ productId: 'p1', lot: '', expiry: null, qty: 12 }], lines: [{ ...p1, counted: 11, firstCount: null, unexpected: false }], deviations: [] },
    });
  });

  it('asks for one recount when far off, then keeps both counts', () => {
    const first = submitCount(setCount(start(), p1, 5), threshold);
    expect(first.kind).toBe('recount');
    if (first.kind !== 'recount') return;
    expect(first.sheet.items).toEqual([]);
    // The recount is still far off: it is final this time, with the first count kept.
    const second = submitCount(setCount(first.sheet, p1, 6), threshold);
    expect(second.kind).toBe('count');
    if (second.kind === 'count') expect(second.op.lines).toEqual([{ ...p1, counted: 6, firstCount: 5, unexpected: false }]);
  });

  it('a missing item is far off too, and "the bin is empty" records a count of nothing', () => {
    expect(submitCount(start(), threshold).kind).toBe('recount');
    expect(emptyBinCount(start()).lines).toEqual([]);
  });

  it('asks again only for the lines that differ; the others keep their count and can still be stepped', () => {
    const two: StockLine[] = [...book, { binCode: 'B-01-01-1', productId: 'p2', lot: '', expiry: null, qty: 4 }];
    const p2 = { productId: 'p2', lot: '', expiry: null };
    const sheet = setCount(setCount(startCount('B-01-01-1', null, two, '2026-11-23T09:00:00.000Z'), p1, 3), p2, 4);
    const first = submitCount(sheet, threshold);
    expect(first.kind).toBe('recount');
    if (first.kind !== 'recount') return;
    expect(first.itemsOff).toBe(1);
    expect(first.sheet.recount).toEqual([{ productId: 'p1', lot: '' }]);
    expect(first.sheet.items).toEqual([{ ...p2, qty: 4, unexpected: false }]);
    expect([askedAgain(first.sheet, p1), askedAgain(first.sheet, p2)]).toEqual([true, false]);
    const second = submitCount(stepCount(setCount(first.sheet, p1, 12), p2, -1), threshold);
    expect(second.kind === 'count' && second.op.lines).toEqual([
      { ...p2, counted: 3, firstCount: 4, unexpected: false },
      { ...p1, counted: 12, firstCount: 3, unexpected: false },
    ]);
  });

  it('steps a count by one, never below zero', () => {
    let sheet = stepCount(start(), p1, 1);
    sheet = stepCount(stepCount(sheet, p1, -1), p1, -1);
    expect(sheet.items).toEqual([{ ...p1, qty: 0, unexpected: false }]);
  });

  it('a sheet kept from before partial recounts asks every line again', () => {
    const old = { ...setCount(start(), p1, 5), firstCount: [{ ...p1, qty: 5, unexpected: false }], items: [] };
    expect(askedAgain(old, p1)).toBe(true);
  });
});
