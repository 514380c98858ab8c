/** Counts in review recomputed when work done before them arrives after them; settled when they then fit the threshold. */
import { describe, expect, it } from 'vitest';
import type { CountOp, PickOp } from '../floor/operations';
import { applyOperation } from './applyOperations';
import { LedgerWork, type CountReviewState } from './ledgerWork';
import { settleWaitingReviews, sameLines } from './reviewRecompute';
import { BIN, T0, entry, incomingAt, nextOpId, snapshotOf } from './ledgerTestKit';

const products = { p: { lotTracked: false, expiryTracked: false } };
const pick = (qty: number): PickOp => ({ type: 'pick', taskId: null as unknown as string, lineNo: null as unknown as number, binCode: BIN, productId: 'p', lot: '', expiry: null, qty, proposedLot: null, deviations: [] });
const count = (at: number, counted: number): CountOp => ({ type: 'count', taskId: null, lineNo: null, binCode: BIN, startedAt: new Date(at).toISOString(), bookAtStart: [], lines: [{ productId: 'p', lot: '', expiry: null, counted, firstCount: null, unexpected: false }], deviations: [] });
const COUNTED_AT = T0 + 60_000;
/** The case: book 10, counted the true 7; the pick of 3 had happened before the count. */
const waiting = (counted: number): CountReviewState => ({ opId: nextOpId(), binCode: BIN, at: COUNTED_AT, lines: [{ productId: 'p', lot: '', expiry: null, qty: 10, counted, firstCount: null }] });

function workWith(review: CountReviewState, pickAt: number) {
  const work = new LedgerWork(snapshotOf({ committed: [entry('p', '', 10, 0)], products, moments: [pickAt], waitingReviews: [review] }));
  applyOperation(work, incomingAt(pick(3), pickAt));
  settleWaitingReviews(work);
  return work;
}

describe('a count waiting for review when late work arrives', () => {
  it('settles when work done before it brings it within the threshold, and posts against the recomputed book', () => {
    const review = waiting(7);
    const work = workWith(review, T0);
    expect(work.reviewsSettled.map((r) => [r.opId, r.lines[0]!.qty, r.lines[0]!.counted])).toEqual([[review.opId, 7, 7]]);
    expect(work.countsPosted.map((c) => c.opId)).toEqual([review.opId]);
    // The pick (-3) and nothing more: the count matched the recomputed book.
    expect(work.entries.reduce((sum, e) => sum + e.delta, 0)).toBe(-3);
  });

  it('stays waiting with the recomputed book when still off', () => {
    const review = waiting(4);
    const work = workWith(review, T0);
    expect(work.reviewsSettled).toEqual([]);
    expect(work.reviewsRecomputed.map((r) => [r.lines[0]!.qty, r.lines[0]!.counted])).toEqual([[7, 4]]);
    expect(work.countsPosted).toEqual([]);
  });

  it('is left alone by work done after its moment', () => {
    const work = workWith(waiting(7), COUNTED_AT + 1);
    expect(work.reviewsSettled).toEqual([]);
    expect(work.reviewsRecomputed).toEqual([]);
  });

  it('is left alone when its count was undone in the same work', () => {
    const review = waiting(7);
    const work = new LedgerWork(snapshotOf({ committed: [entry('p', '', 10, 0)], products, moments: [T0], waitingReviews: [review] }));
    applyOperation(work, incomingAt(pick(3), T0));
    work.reviewsWithdrawn.push(review.opId);
    settleWaitingReviews(work);
    expect(work.reviewsSettled).toEqual([]);
  });

  it('settles a count of the same batch whose earlier pick came behind it, and answers it applied', () => {
    const work = new LedgerWork(snapshotOf({ committed: [entry('p', '', 10, 0)], products, moments: [COUNTED_AT, T0] }));
    const counted = incomingAt(count(COUNTED_AT, 7), COUNTED_AT);
    expect(applyOperation(work, counted).status).toBe('review');
    applyOperation(work, incomingAt(pick(3), T0));
    settleWaitingReviews(work);
    expect(work.known.get(counted.opId)!.status).toBe('applied');
    expect(work.reviews[0]!.lines[0]).toMatchObject({ qty: 7, counted: 7 });
  });
});

describe('sameLines', () => {
  it('compares book and count per product and lot, ignoring empty lines and order', () => {
    const a = [{ productId: 'p', lot: '', expiry: null, qty: 1, counted: 2, firstCount: null }, { productId: 'q', lot: '', expiry: null, qty: 0, counted: 0, firstCount: null }];
    expect(sameLines(a, [a[0]!])).toBe(true);
    expect(sameLines(a, [{ ...a[0]!, qty: 2 }])).toBe(false);
  });
});
