/**
 * Counts in review are snapshots too. The book a review shows is the book at the
 * count's moment; work done before that moment may reach the server after the count
 * (an offline picker syncing late), and then the review's book was wrong.
 *
 * Rule (run at the end of every piece of ledger work: a push's batch, a supervisor's
 * approval), for each count waiting for review on a bin the work changed, oldest first:
 * - when the work appended an entry to its bin effective at or before its moment, its
 *   lines are recomputed against the book as the ledger now knows it at that moment;
 * - when no line is then off by more than the warehouse's threshold, the count posts as
 *   if approved (postCount: counted minus that book) and the review is settled by the
 *   server, with a note saying why; the counting device learns 'applied' at its next pull;
 * - otherwise the review keeps waiting, showing the recomputed book and difference.
 * Work effective after a count's moment never changes its review (the count did not see
 * it; it stays on top once the count posts). Reviews withdrawn (their count undone) or
 * posted already in this work are left alone.
 */
import { needsRecount } from '../floor/variance';
import { postCount, varianceOf } from './applyOperations';
import type { CountReviewState, LedgerWork, VarianceLine } from './ledgerWork';

export const AUTO_APPROVED_NOTE = 'Settled by the server: work done before the count reached the server after it; with it in the book, every line is within the threshold.';

/** Per product and lot: same book and same count. */
export function sameLines(a: readonly VarianceLine[], b: readonly VarianceLine[]): boolean {
  const index = (lines: readonly VarianceLine[]) => new Map(lines.filter((l) => l.qty !== 0 || l.counted !== 0).map((l) => [`${l.productId}\u0000${l.lot}`, `${l.qty}/${l.counted}`]));
  const [x, y] = [index(a), index(b)];
  return x.size === y.size && [...x].every(([key, value]) => y.get(key) === value);
}

/** Recomputes and, where it now fits the threshold, settles the reviews this work's entries reach back into. */
export function settleWaitingReviews(work: LedgerWork): void {
  const posted = new Set(work.countsPosted.map((c) => c.opId));
  const fresh = new Set(work.reviews.map((r) => r.opId));
  const candidates = [...work.snapshot.waitingReviews.filter((r) => !fresh.has(r.opId)), ...work.reviews]
    .filter((r) => !work.reviewsWithdrawn.includes(r.opId) && !posted.has(r.opId))
    .sort((a, b) => a.at - b.at || a.opId.localeCompare(b.opId));
  for (const review of candidates) {
    // Only entries of this work reach back: what was committed before is in the review's lines already.
    if (!work.entries.some((e) => e.binCode === review.binCode && e.at <= review.at && e.countOpId !== review.opId)) continue;
    // The review's lines carry what was counted per product and lot (0 for a book line the count did not find).
    const lines = varianceOf(work, review.binCode, review.at, review.lines);
    if (!lines.some((line) => needsRecount(line.qty, line.counted, work.snapshot.threshold))) {
      postCount(work, review.opId, review.binCode, review.at, lines);
      work.reviewsSettled.push({ ...review, lines, note: AUTO_APPROVED_NOTE });
      const known = work.known.get(review.opId);
      if (known) work.known.set(review.opId, { ...known, status: 'applied' });
      replaceFresh(work, review, lines);
      continue;
    }
    if (sameLines(lines, review.lines)) continue;
    if (fresh.has(review.opId)) replaceFresh(work, review, lines);
    else work.reviewsRecomputed.push({ ...review, lines });
  }
}

function replaceFresh(work: LedgerWork, review: CountReviewState, lines: readonly VarianceLine[]): void {
  const i = work.reviews.findIndex((r) => r.opId === review.opId);
  if (i !== -1) work.reviews[i] = { ...work.reviews[i]!, lines };
}
