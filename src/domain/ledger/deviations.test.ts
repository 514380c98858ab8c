/** The server's own deviation checks, against the book at the step's moment, and the untracked-expiry rule. */
import { describe, expect, it } from 'vitest';
import type { CountOp, FloorOperation, PickOp, PutawayOp } from '../floor/operations';
import { applyOperation } from './applyOperations';
import { deviationsOf, withTrackedExpiryOnly } from './deviations';
import { LedgerWork } from './ledgerWork';
import { BIN, T0, entry, incomingAt, snapshotOf } from './ledgerTestKit';

const products = { plain: { lotTracked: false, expiryTracked: false }, dated: { lotTracked: true, expiryTracked: true } };
const pick = (productId: string, lot: string, qty: number, deviations: PickOp['deviations'] = []): PickOp => ({ type: 'pick', taskId: null as unknown as string, lineNo: null as unknown as number, binCode: BIN, productId, lot, expiry: null, qty, proposedLot: null, deviations });
const putaway = (productId: string, qty: number, expiry: string | null = null): PutawayOp => ({ type: 'putaway', taskId: null, lineNo: null, binCode: BIN, productId, lot: '', expiry, qty, suggestedBinCode: null, deviations: [] });
const count = (at: number, lines: CountOp['lines'], deviations: CountOp['deviations'] = []): CountOp => ({ type: 'count', taskId: null, lineNo: null, binCode: BIN, startedAt: new Date(at).toISOString(), bookAtStart: [], lines, deviations });

const committed = [entry('plain', '', 5, 0), entry('dated', 'L-MAY', 4, 0, '2027-05-01'), entry('dated', 'L-JAN', 2, 0, '2027-01-01'), entry('dated', 'L-OLD', 3, 0, '2026-01-01')];

function found(op: FloorOperation, at = T0, extra: Partial<Parameters<typeof snapshotOf>[0]> = {}) {
  const work = new LedgerWork(snapshotOf({ committed, products, moments: [at], ...extra }));
  return deviationsOf(work, incomingAt(op, at)).map((d) => `${d.kind}:${d.onDevice ? 'device' : ''}${d.byServer ? 'server' : ''}`);
}

describe('deviations the server finds', () => {
  it('a lot the bin does not hold', () => {
    expect(found(pick('dated', 'L-NONE', 1))).toEqual(['lot-not-in-bin:server']);
  });

  it('a lot other than the first-expiring good one; an expired lot does not count as the first', () => {
    expect(found(pick('dated', 'L-MAY', 1))).toEqual(['not-fefo:server']);
    expect(found(pick('dated', 'L-JAN', 1))).toEqual([]);
  });

  it('more than the book holds at the pick’s moment, not now', () => {
    expect(found(pick('plain', '', 6))).toEqual(['more-than-bin-holds:server']);
    expect(found(pick('plain', '', 5))).toEqual([]);
    // Ten more came in later: at the pick's moment the bin still held 5.
    expect(found(pick('plain', '', 6), T0, { committed: [...committed, entry('plain', '', 10, T0 + 60_000)] })).toEqual(['more-than-bin-holds:server']);
  });

  it('a step over the warehouse’s limit, pick, putaway or counted line', () => {
    expect(found(putaway('plain', 11), T0, { stepLimit: 10 })).toEqual(['over-step-limit:server']);
    expect(found(putaway('plain', 10), T0, { stepLimit: 10 })).toEqual([]);
    expect(found(count(T0, [{ productId: 'plain', lot: '', expiry: null, counted: 11, firstCount: null, unexpected: false }]), T0, { stepLimit: 10 })).toEqual(['over-step-limit:server']);
  });

  it('"bin is empty" on a bin whose book holds stock, but not on one that is empty', () => {
    expect(found(count(T0, []))).toEqual(['empty-bin-held-stock:server']);
    expect(found(count(T0, []), T0, { committed: [] })).toEqual([]);
  });

  it('keeps what the device confirmed, alone or found by the server too', () => {
    expect(found(putaway('plain', 1))).toEqual([]);
    expect(found({ ...putaway('plain', 1), deviations: ['over-step-limit'] })).toEqual(['over-step-limit:device']);
    expect(found(pick('dated', 'L-NONE', 1, ['lot-not-in-bin']))).toEqual(['lot-not-in-bin:deviceserver']);
  });

  it('judges which lots had expired by the day in the warehouse’s time zone, not in UTC', () => {
    // 01:00 on 1 January in Shanghai is still 31 December in UTC: L-DEC expired there that day.
    const at = Date.parse('2027-01-01T01:00:00+08:00');
    const dated = [entry('dated', 'L-DEC', 2, 0, '2026-12-31'), entry('dated', 'L-FEB', 2, 0, '2027-02-01')];
    const inZone = (timeZone: string) => found(pick('dated', 'L-FEB', 1), at, { committed: dated, timeZone });
    expect(inZone('Asia/Shanghai')).toEqual([]);
    // In UTC it is 31 December: L-DEC is good and first to expire, so L-FEB is not FEFO.
    expect(inZone('UTC')).toEqual(['not-fefo:server']);
  });

  it('records them when the step applies, judged before the step changed the book', () => {
    const work = new LedgerWork(snapshotOf({ committed, products, moments: [T0] }));
    expect(applyOperation(work, incomingAt(pick('plain', '', 5), T0)).status).toBe('applied');
    expect(work.deviations).toEqual([]);
    const unknownBin = { ...pick('plain', '', 50), binCode: 'Z-99' };
    expect(applyOperation(work, incomingAt(unknownBin, T0)).status).toBe('rejected');
    expect(work.deviations).toEqual([]);
  });
});

describe('an expiry on a product that does not track expiry', () => {
  const known = new Map(Object.entries(products));
  it('is dropped from putaways, picks and count lines, and kept where the product tracks it', () => {
    expect(withTrackedExpiryOnly(putaway('plain', 1, '2027-03-03'), known).expiry).toBeNull();
    expect(withTrackedExpiryOnly({ ...pick('plain', '', 1), expiry: '2027-03-03' }, known).expiry).toBeNull();
    expect(withTrackedExpiryOnly({ ...pick('dated', 'L-MAY', 1), expiry: '2027-05-01' }, known).expiry).toBe('2027-05-01');
    const counted = withTrackedExpiryOnly(count(T0, [{ productId: 'plain', lot: '', expiry: '2027-03-03', counted: 1, firstCount: null, unexpected: false }, { productId: 'dated', lot: 'L-MAY', expiry: '2027-05-01', counted: 1, firstCount: null, unexpected: false }]), known);
    expect(counted.lines.map((l) => l.expiry)).toEqual([null, '2027-05-01']);
  });

  it('never reaches the ledger', () => {
    const work = new LedgerWork(snapshotOf({ committed, products, moments: [T0] }));
    applyOperation(work, incomingAt(putaway('plain', 2, '2027-03-03'), T0));
    expect(work.entries.map((e) => e.expiry)).toEqual([null]);
  });
});
