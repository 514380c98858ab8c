import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BinWithStock, StockLine } from '../catalog/product';
import { checkQuantity } from './quantity';
import { inWalkOrder } from './walkOrder';
import { isExpired, proposedLot } from './fefo';
import { suggestBin } from './suggestBin';
import { needsRecount } from './variance';
import { applyEffect, reverseEffectOf, stockEffectOf } from './operations';

const line = (productId: string, lot: string, expiry: string | null, qty: number, binCode = 'A-01-01-1'): StockLine => ({ binCode, productId, lot, expiry, qty });
const bin = (code: string, zone: string, walkSeq: number, stock: StockLine[] = []): BinWithStock => ({ code, zone, aisle: code.slice(0, 4), walkSeq, stock });

describe('quantities typed on the floor', () => {
  const limit = { max: 6, allowZero: false };
  it('takes a whole positive number within the limit', () => {
    expect(checkQuantity('6', limit)).toEqual({ ok: true, qty: 6 });
    expect(checkQuantity(' 1 ', limit)).toEqual({ ok: true, qty: 1 });
  });
  it.each([
    ['', 'empty'],
    ['abc', 'not-a-number'],
    ['2.5', 'not-whole'],
    ['0', 'not-positive'],
    ['-1', 'not-positive'],
    ['7', 'more-than-allowed'],
  ])('refuses %j with the reason %s', (input, reason) => {
    const result = checkQuantity(input, limit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });
  it('lets a count record zero, and has no limit where none is set', () => {
    expect(checkQuantity('0', { max: null, allowZero: true })).toEqual({ ok: true, qty: 0 });
    expect(checkQuantity('5000', { max: null, allowZero: true })).toEqual({ ok: true, qty: 5000 });
    expect(checkQuantity('5000000', { max: null, allowZero: true })).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('says what is wrong in words', () => {
    expect(checkQuantity('7', limit)).toMatchObject({ message: '7 is more than needed: at most 6 here.' });
  });
});

describe('walk order', () => {
  it('orders by walk sequence, then bin, then line, with unknown bins last', () => {
    const lines = [
      { lineNo: 1, binCode: 'C-01-01-1', walkSeq: 30 },
      { lineNo: 2, binCode: null, walkSeq: null },
      { lineNo: 3, binCode: 'A-01-01-1', walkSeq: 10 },
      { lineNo: 4, binCode: 'A-01-01-1', walkSeq: 10 },
    ];
    expect(inWalkOrder(lines).map((l) => l.lineNo)).toEqual([3, 4, 1, 2]);
  });
  it('never walks backwards, and keeps every line', () => {
    const stop = fc.record({ lineNo: fc.nat(), binCode: fc.string({ maxLength: 3 }), walkSeq: fc.option(fc.nat(1000), { nil: null }) });
    fc.assert(
      fc.property(fc.array(stop), (lines) => {
        const walked = inWalkOrder(lines);
        expect(walked).toHaveLength(lines.length);
        const seqs = walked.map((l) => l.walkSeq ?? Infinity);
        expect(seqs.every((s, i) => i === 0 || s >= seqs[i - 1]!)).toBe(true);
      }),
    );
  });
});

describe('first expired, first out', () => {
  const lines = [line('p1', 'L3', null, 5), line('p1', 'L2', '2027-03-01', 5), line('p1', 'L1', '2027-01-15', 0), line('p1', 'L4', '2027-02-01', 2), line('p2', 'X', '2026-01-01', 9)];
  it('proposes the earliest-expiring lot that has stock, of that product', () => {
    expect(proposedLot(lines, 'p1')?.lot).toBe('L4');
  });
  it('puts lots without expiry last and proposes nothing for a product not there', () => {
    expect(proposedLot([line('p1', 'B', null, 1), line('p1', 'A', '2030-01-01', 1)], 'p1')?.lot).toBe('A');
    expect(proposedLot(lines, 'p9')).toBeNull();
  });
  it('knows an expired lot', () => {
    expect(isExpired('2026-11-22', '2026-11-23')).toBe(true);
    expect(isExpired('2026-11-23', '2026-11-23')).toBe(false);
    expect(isExpired(null, '2026-11-23')).toBe(false);
  });
});

describe('suggested bin for a putaway', () => {
  const product = { id: 'p1', zone: 'A', lotTracked: true };
  const bins = [
    bin('A-01-01-1', 'A', 10, [line('p2', '', null, 3)]),
    bin('A-01-02-1', 'A', 20),
    bin('A-02-01-1', 'A', 40, [line('p1', 'L1', '2027-01-01', 4, 'A-02-01-1')]),
    bin('A-03-01-1', 'A', 60, [line('p1', 'L2', '2027-02-01', 4, 'A-03-01-1')]),
    bin('B-01-01-1', 'B', 5, [line('p1', 'L1', '2027-01-01', 4, 'B-01-01-1')]),
  ];
  it('prefers a bin of the zone that holds the same product and lot', () => {
    expect(suggestBin(product, 'L2', bins)).toEqual({ binCode: 'A-03-01-1', reason: 'holds-product' });
    expect(suggestBin(product, 'L1', bins)).toEqual({ binCode: 'A-02-01-1', reason: 'holds-product' });
  });
  it('else the empty bin of the zone nearest on the walk path', () => {
    expect(suggestBin(product, 'L9', bins)).toEqual({ binCode: 'A-01-02-1', reason: 'empty-bin' });
    const twoEmpty = [...bins, bin('A-09-01-1', 'A', 95)];
    expect(suggestBin(product, 'L9', twoEmpty, 90)).toEqual({ binCode: 'A-09-01-1', reason: 'empty-bin' });
  });
  it('any lot will do for a product without lots, and nothing is suggested when the zone is full', () => {
    expect(suggestBin({ ...product, lotTracked: false }, '', bins)?.binCode).toBe('A-02-01-1');
    expect(suggestBin({ id: 'p3', zone: 'B', lotTracked: false }, '', bins)).toBeNull();
  });
});

describe('variance threshold for a recount', () => {
  const threshold = { units: 2, percent: 5 };
  it('asks for a recount only when both the units and the percentage are passed', () => {
    expect(needsRecount(100, 103, threshold)).toBe(false); // 3 units but 3 %
    expect(needsRecount(10, 12, threshold)).toBe(false); // 20 % but 2 units
    expect(needsRecount(10, 13, threshold)).toBe(true);
    expect(needsRecount(10, 7, threshold)).toBe(true);
  });
  it('with nothing expected, any difference over the units asks', () => {
    expect(needsRecount(0, 2, threshold)).toBe(false);
    expect(needsRecount(0, 3, threshold)).toBe(true);
  });
});

describe('stock effects of floor operations', () => {
  const make = (l: { productId: string; lot: string; expiry: string | null; qty: number }) => ({ ...l, binCode: 'A-01-01-1' });
  const held = [line('p1', 'L1', '2027-01-01', 2)];
  it('lets a pick that physically happened take a line below zero, for a supervisor to see', () => {
    const pick = { type: 'pick', taskId: 't', lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: 'L1', expiry: '2027-01-01', qty: 3, proposedLot: null } as const;
    expect(applyEffect(held, stockEffectOf(pick), make).map((l) => l.qty)).toEqual([-1]);
    expect(applyEffect(applyEffect(held, stockEffectOf(pick), make), reverseEffectOf(pick), make)).toEqual(held);
  });
  it('drops a line that reaches zero and adds one for a new lot', () => {
    const putaway = { type: 'putaway', taskId: null, lineNo: null, binCode: 'A-01-01-1', productId: 'p1', lot: 'L2', expiry: null, qty: 4, suggestedBinCode: null } as const;
    expect(applyEffect(held, stockEffectOf(putaway), make).map((l) => [l.lot, l.qty])).toEqual([['L1', 2], ['L2', 4]]);
    expect(applyEffect(held, { kind: 'move', key: { binCode: 'A-01-01-1', productId: 'p1', lot: 'L1', expiry: null }, delta: -2 }, make)).toEqual([]);
  });
});

describe('the bins a step touches', () => {
  it('is one list for every kind of step, an undo touching what its step touched', async () => {
    const { binsTouched } = await import('./operations');
    const pick = { type: 'pick', taskId: 't', lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: '', expiry: null, qty: 1, proposedLot: null } as const;
    expect(binsTouched(pick)).toEqual(['A-01-01-1']);
    expect(binsTouched({ type: 'pick-short', taskId: 't', lineNo: 1, binCode: 'B-01-01-1', productId: 'p1', shortQty: 1, reason: 'damaged' })).toEqual(['B-01-01-1']);
    expect(binsTouched({ type: 'undo', undoesOpId: 'x' }, pick)).toEqual(['A-01-01-1']);
    expect(binsTouched({ type: 'undo', undoesOpId: 'x' })).toEqual([]);
    expect(binsTouched({ type: 'task-finished', taskId: 't' })).toEqual([]);
  });
});
