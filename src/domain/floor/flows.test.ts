/** The flow machines' rules that the model tests do not reach: deviations, expiry, raw codes and stale taps. */
import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog/product';
import type { Gtin14 } from '../codes/gtin';
import { pickStep, startPick, type PickContext } from './pickFlow';
import { putawayStep, startPutaway, type PutawayContext } from './putawayFlow';
import { countStep, startCounting, type CountContext } from './countFlow';
import { DEFAULT_WAREHOUSE_SETTINGS } from './warehouseSettings';

const product = (over: Partial<Product> = {}): Product => ({
  id: 'p1', sku: 'S1', name: 'Tea', unit: 'pc', zone: 'A', lotTracked: true, expiryTracked: false,
  codes: [{ gtin: '00000000000017' as Gtin14, packQty: 1, packLevel: 'each', symbology: 'ean-13', printed: '17' }],
  ...over,
});
const stock = [
  { binCode: 'A-01-01-1', productId: 'p1', lot: 'OLD', expiry: '2027-01-01', qty: 5 },
  { binCode: 'A-01-01-1', productId: 'p1', lot: 'NEW', expiry: '2028-01-01', qty: 5 },
];
const pickContext = (p: Product): PickContext => ({
  taskId: 't1',
  lines: [{ lineNo: 1, binCode: 'A-01-01-1', product: p, needed: 4, done: 0, short: null, closed: false, binStock: stock }],
  finished: false, lastOpId: null, today: '2026-12-01', stepLimit: 1000,
});
const bin = { kind: 'bin' as const, bin: { code: 'A-01-01-1', zone: 'A', walkSeq: 1, stock } };

describe('the pick machine', () => {
  it('asks before a non-FEFO lot and records it as a deviation only when confirmed; a cancel records nothing', () => {
    const p = product();
    let state = pickStep(startPick('f'), pickContext(p), { type: 'scan', code: bin }).state;
    const asked = pickStep(state, pickContext(p), { type: 'scan', code: { kind: 'product', product: p, packQty: 1, gs1: { lot: 'NEW' } } });
    expect(asked.record).toBeNull();
    expect(asked.feedback?.tone).toBe('deviation');
    expect(asked.state.question?.deviations).toEqual(['not-fefo']);
    expect(pickStep(asked.state, pickContext(p), { type: 'cancel' }).record).toBeNull();
    const confirmed = pickStep(asked.state, pickContext(p), { type: 'confirm' });
    expect(confirmed.record?.op).toMatchObject({ type: 'pick', lot: 'NEW', proposedLot: 'OLD', deviations: ['not-fefo'] });
    state = confirmed.state;
    // The same confirm again (a double tap) is no step: the question is gone.
    expect(pickStep(state, pickContext(p), { type: 'confirm' }).record).toBeNull();
  });

  it('ignores an expiry on a product that does not track expiry, and takes the FEFO lot without asking', () => {
    const p = product({ lotTracked: true, expiryTracked: false });
    const state = pickStep(startPick('f'), pickContext(p), { type: 'scan', code: bin }).state;
    const t = pickStep(state, pickContext(p), { type: 'scan', code: { kind: 'product', product: p, packQty: 1, gs1: { lot: 'OLD', expiry: '2030-12-31' } } });
    expect(t.record?.op).toMatchObject({ lot: 'OLD', expiry: null, deviations: [] });
    expect(t.feedback?.tone).toBe('ok');
  });

  it('calls an unknown bin unknown, and a known other bin wrong', () => {
    const p = product();
    expect(pickStep(startPick('f'), pickContext(p), { type: 'scan', code: { kind: 'unknown-bin', binCode: 'Z-9' } }).feedback).toEqual({ tone: 'error', why: { code: 'no-such-bin', bin: 'Z-9' } });
    expect(pickStep(startPick('f'), pickContext(p), { type: 'scan', code: { ...bin, bin: { ...bin.bin, code: 'B-01-01-1' } } }).feedback).toMatchObject({ why: { code: 'wrong-bin' } });
  });

  it('takes a tap for the line as the screen showed it only: a tap after the line changed is no step', () => {
    const p = product({ lotTracked: false });
    const state = pickStep(startPick('f'), pickContext(p), { type: 'scan', code: bin }).state;
    const moved = { ...pickContext(p), lines: [{ ...pickContext(p).lines[0]!, done: 2 }] };
    expect(pickStep(state, moved, { type: 'quantity', lineNo: 1, seenDone: 0, text: '2' })).toMatchObject({ record: null, feedback: null });
    expect(pickStep(state, moved, { type: 'quantity', lineNo: 1, seenDone: 2, text: '2' }).record?.op).toMatchObject({ qty: 2 });
  });
});

describe('the putaway machine', () => {
  const context: PutawayContext = { taskId: null, lines: null, finished: false, lastOpId: null, today: '2026-12-01', stepLimit: 100 };
  it('asks before more units than the per-step limit, ad hoc too', () => {
    const p = product({ lotTracked: false });
    let state = putawayStep(startPutaway('f'), context, { type: 'scan', code: { kind: 'product', product: p, packQty: 1, gs1: null }, facts: { knownExpiry: null, suggestion: null } }).state;
    state = putawayStep(state, context, { type: 'edit-quantity', text: '99999' }).state;
    const asked = putawayStep(state, context, { type: 'scan', code: bin, facts: null });
    expect(asked.record).toBeNull();
    expect(asked.state.question?.deviations).toEqual(['over-step-limit']);
    expect(putawayStep(asked.state, context, { type: 'confirm' }).record?.op).toMatchObject({ qty: 99999, deviations: ['over-step-limit'] });
  });
});

describe('the count machine', () => {
  const context: CountContext = { taskId: null, bins: null, finished: false, lastOpId: null, settings: DEFAULT_WAREHOUSE_SETTINGS, productName: () => 'Tea', now: '2026-12-01T08:00:00.000Z' };
  it('asks before "bin is empty" on a bin the device believed holds stock', () => {
    const started = countStep(startCounting('f'), context, { type: 'scan', code: bin });
    const asked = countStep(started.state, context, { type: 'empty', binCode: 'A-01-01-1' });
    expect(asked.record).toBeNull();
    expect(asked.state.question?.facts.unitsHeld).toBe(10);
    const saved = countStep(asked.state, context, { type: 'confirm' });
    expect(saved.record?.op).toMatchObject({ type: 'count', lines: [], deviations: ['empty-bin-held-stock'] });
    expect(saved.record?.clearsCount).toBe(true);
    expect(countStep(saved.state, context, { type: 'empty', binCode: 'A-01-01-1' }).record).toBeNull();
  });
});
