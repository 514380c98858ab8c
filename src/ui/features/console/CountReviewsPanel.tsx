/** Counts over the threshold, waiting for a decision: approve (posts the count), reject, or send for recount; approve a selection at once. */
import { useState } from 'react';
import { countReviewListSchema } from '../../../protocol/countReviews';
import { bulkDecisionResultSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { CountReviewHistory, firstBook } from './CountReviewHistory';

const money = (value: number) => value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function CountReviewsPanel({ warehouseId }: { warehouseId: string }) {
  const reviews = useConsoleQuery(apiPaths.countReviews(warehouseId), countReviewListSchema, 15_000);
  const action = useConsoleAction();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);
  // Bumped after each decision so the history below shows it at once.
  const [decided, setDecided] = useState(0);
  const list = reviews.data?.reviews ?? [];

  const decide = async (opId: string, decision: 'approve' | 'reject' | 'recount') => {
    const note = decision === 'approve' ? null : window.prompt(decision === 'reject' ? 'Why is the count rejected?' : 'A note for the recount (optional)');
    // Cancel on the question is "not now", not a decision without a note.
    if (decision !== 'approve' && note === null) return;
    const done = await action.send(apiPaths.countReviewDecision(warehouseId, opId), { decision, note });
    if (done) setOutcome(`${decision === 'approve' ? 'Approved' : decision === 'reject' ? 'Rejected' : 'Sent for recount'}: count of ${list.find((r) => r.opId === opId)?.binCode}`);
    reviews.refresh();
    setDecided((n) => n + 1);
  };
  const approveSelected = async () => {
    const result = await action.run(() => api.post(apiPaths.console(warehouseId, 'count-reviews-bulk'), { opIds: [...selected], decision: 'approve' }, bulkDecisionResultSchema));
    if (result) setOutcome(`Approved ${result.decided.length} counts${result.failed.length ? `; ${result.failed.length} not: ${result.failed.map((f) => f.message).join(' ')}` : ''}`);
    setSelected(new Set());
    reviews.refresh();
    setDecided((n) => n + 1);
  };
  const toggle = (opId: string) => setSelected((s) => (s.has(opId) ? new Set([...s].filter((x) => x !== opId)) : new Set([...s, opId])));

  return (
    <section aria-label="Count variances">
      {(reviews.problem ?? action.problem) && <Problem message={(reviews.problem ?? action.problem)!} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setSelected(new Set(selected.size === list.length ? [] : list.map((r) => r.opId)))} disabled={list.length === 0}>
          {selected.size === list.length && list.length > 0 ? 'Select none' : 'Select all'}
        </button>
        <button type="button" className="primary" onClick={() => void approveSelected()} disabled={selected.size === 0 || action.busy}>
          Approve selected ({selected.size})
        </button>
      </div>
      {reviews.data && list.length === 0 && <p>No count is waiting for a decision.</p>}
      <div className="table-scroll">
        <table className="console-table" data-testid="count-reviews">
          <thead>
            <tr>
              <th>Select</th>
              <th>Bin</th>
              <th>Product</th>
              <th>Lot</th>
              <th>Book at count</th>
              <th>Counted</th>
              <th>Difference</th>
              <th>Value</th>
              <th>Who, when</th>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody>
            {list.flatMap((review) =>
              review.lines
                .filter((l) => l.counted !== l.qty || firstBook(l, review.linesAtArrival) !== null)
                .map((line, i) => {
                  const difference = line.counted - line.qty;
                  return (
                    <tr key={`${review.opId}-${line.productId}-${line.lot}`} data-testid={`review-${review.binCode}`}>
                      <td>{i === 0 && <input type="checkbox" aria-label={`Select the count of ${review.binCode}`} checked={selected.has(review.opId)} onChange={() => toggle(review.opId)} />}</td>
                      <td>{review.binCode}</td>
                      <td>
                        {line.productName ?? line.productId} <span className="sku">{line.sku}</span>
                      </td>
                      <td>{line.lot}</td>
                      <td>
                        {line.qty}
                        {firstBook(line, review.linesAtArrival) !== null ? ` (recomputed with late work; was ${firstBook(line, review.linesAtArrival)})` : ''}
                      </td>
                      <td>
                        {line.counted}
                        {line.firstCount !== null ? ` (first count ${line.firstCount})` : ''}
                      </td>
                      <td>{difference > 0 ? `+${difference}` : difference}</td>
                      <td>{line.unitCost === null ? '—' : money(difference * line.unitCost)}</td>
                      <td>
                        {review.username ?? review.userId} · {new Date(review.countedAt).toLocaleString()}
                      </td>
                      <td>
                        {i === 0 && (
                          <span className="decisions">
                            <button type="button" className="primary" onClick={() => void decide(review.opId, 'approve')} disabled={action.busy}>
                              Approve
                            </button>
                            <button type="button" onClick={() => void decide(review.opId, 'reject')} disabled={action.busy}>
                              Reject
                            </button>
                            <button type="button" onClick={() => void decide(review.opId, 'recount')} disabled={action.busy}>
                              Recount
                            </button>
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                }),
            )}
          </tbody>
        </table>
      </div>
      <CountReviewHistory warehouseId={warehouseId} refreshKey={decided} />
    </section>
  );
}
