/** Counts over the threshold, waiting for a decision: approve (posts the count), reject, or send for recount; approve a selection at once. */
import { useState } from 'react';
import { countReviewListSchema } from '../../../protocol/countReviews';
import { bulkDecisionResultSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { CountReviewHistory, firstBook } from './CountReviewHistory';
import { DeviceName } from './DeviceName';

export function CountReviewsPanel({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const format = useFormat();
  const reviews = useConsoleQuery(apiPaths.countReviews(warehouseId), countReviewListSchema, 15_000);
  const action = useConsoleAction();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);
  // Bumped after each decision so the history below shows it at once.
  const [decided, setDecided] = useState(0);
  const list = reviews.data?.reviews ?? [];

  const decide = async (opId: string, decision: 'approve' | 'reject' | 'recount') => {
    const note = decision === 'approve' ? null : window.prompt(decision === 'reject' ? t('console.reviews.whyReject') : t('console.reviews.recountNote'));
    // Cancel on the question is "not now", not a decision without a note.
    if (decision !== 'approve' && note === null) return;
    const done = await action.send(apiPaths.countReviewDecision(warehouseId, opId), { decision, note });
    const bin = list.find((r) => r.opId === opId)?.binCode ?? '';
    if (done) setOutcome(t(decision === 'approve' ? 'console.reviews.approvedOne' : decision === 'reject' ? 'console.reviews.rejectedOne' : 'console.reviews.recountOne', bin));
    reviews.refresh();
    setDecided((n) => n + 1);
  };
  const approveSelected = async () => {
    const result = await action.run(() => api.post(apiPaths.console(warehouseId, 'count-reviews-bulk'), { opIds: [...selected], decision: 'approve' }, bulkDecisionResultSchema));
    if (result) setOutcome(t('console.reviews.approvedMany', result.decided.length, result.failed.length, result.failed.map((f) => f.message).join(' ')));
    setSelected(new Set());
    reviews.refresh();
    setDecided((n) => n + 1);
  };
  const toggle = (opId: string) => setSelected((s) => (s.has(opId) ? new Set([...s].filter((x) => x !== opId)) : new Set([...s, opId])));

  return (
    <section aria-label={t('console.tab.counts')}>
      {(reviews.problem ?? action.problem) && <Problem message={(reviews.problem ?? action.problem)!} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setSelected(new Set(selected.size === list.length ? [] : list.map((r) => r.opId)))} disabled={list.length === 0}>
          {selected.size === list.length && list.length > 0 ? t('console.reviews.selectNone') : t('console.reviews.selectAll')}
        </button>
        <button type="button" className="primary" onClick={() => void approveSelected()} disabled={selected.size === 0 || action.busy}>
          {t('console.reviews.approveSelected', selected.size)}
        </button>
      </div>
      {reviews.data && list.length === 0 && <p>{t('console.reviews.none')}</p>}
      {list.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="count-reviews">
            <thead>
              <tr>
                <th>{t('console.reviews.select')}</th>
                <th>{t('console.col.bin')}</th>
                <th>{t('console.col.product')}</th>
                <th>{t('console.col.lot')}</th>
                <th>{t('console.reviews.book')}</th>
                <th>{t('console.reviews.counted')}</th>
                <th>{t('console.reviews.difference')}</th>
                <th>{t('console.reviews.value')}</th>
                <th>{t('console.reviews.whoWhen')}</th>
                <th>{t('console.reviews.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {list.flatMap((review) =>
                review.lines
                  .filter((l) => l.counted !== l.qty || firstBook(l, review.linesAtArrival) !== null)
                  .map((line, i) => {
                    const difference = line.counted - line.qty;
                    const was = firstBook(line, review.linesAtArrival);
                    return (
                      <tr key={`${review.opId}-${line.productId}-${line.lot}`} data-testid={`review-${review.binCode}`}>
                        <td>{i === 0 && <input type="checkbox" aria-label={t('console.reviews.selectOne', review.binCode)} checked={selected.has(review.opId)} onChange={() => toggle(review.opId)} />}</td>
                        <td>{review.binCode}</td>
                        <td>
                          {line.productName ?? line.productId} <span className="sku">{line.sku}</span>
                        </td>
                        <td>{line.lot}</td>
                        <td>
                          {format.number(line.qty)}
                          {was !== null ? t('console.reviews.recomputed', format.number(was)) : ''}
                        </td>
                        <td>
                          {format.number(line.counted)}
                          {line.firstCount !== null ? t('console.reviews.firstCount', format.number(line.firstCount)) : ''}
                        </td>
                        <td>{difference > 0 ? `+${format.number(difference)}` : format.number(difference)}</td>
                        <td>{line.unitCost === null ? '—' : format.money(difference * line.unitCost)}</td>
                        <td>
                          {review.username ?? review.userId} · <DeviceName deviceId={review.deviceId} name={review.deviceName} /> · {format.dateTime(review.countedAt)}
                        </td>
                        <td>
                          {i === 0 && (
                            <span className="decisions">
                              <button type="button" className="primary" onClick={() => void decide(review.opId, 'approve')} disabled={action.busy}>
                                {t('console.reviews.approve')}
                              </button>
                              <button type="button" onClick={() => void decide(review.opId, 'reject')} disabled={action.busy}>
                                {t('console.reviews.reject')}
                              </button>
                              <button type="button" onClick={() => void decide(review.opId, 'recount')} disabled={action.busy}>
                                {t('console.reviews.recount')}
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
      )}
      <CountReviewHistory warehouseId={warehouseId} refreshKey={decided} />
    </section>
  );
}
