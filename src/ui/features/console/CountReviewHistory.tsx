/** Counts decided lately: by a supervisor, or settled by the server when late work brought them within the threshold. */
import { countReviewListSchema } from '../../../protocol/countReviews';
import { apiPaths } from '../../../protocol/paths';
import { AUTO_APPROVED_NOTE } from '../../../domain/ledger/reviewRecompute';
import type { MessageKey } from '../../i18n/en';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleQuery } from './useConsoleQuery';

const STATUS_WORDS: Record<'approved' | 'rejected' | 'recount' | 'withdrawn' | 'auto-approved' | 'waiting', MessageKey> = {
  approved: 'console.review.approved',
  rejected: 'console.review.rejected',
  recount: 'console.review.recount',
  withdrawn: 'console.review.withdrawn',
  'auto-approved': 'console.review.auto-approved',
  waiting: 'console.review.waiting',
};

/** The book first shown for a line, where late work has changed the book at the count's moment since; else null. */
export function firstBook(line: { productId: string; lot: string; qty: number }, atArrival: readonly { productId: string; lot: string; qty: number }[] | null): number | null {
  const first = atArrival?.find((l) => l.productId === line.productId && l.lot === line.lot);
  return first && first.qty !== line.qty ? first.qty : null;
}

export function CountReviewHistory({ warehouseId, refreshKey }: { warehouseId: string; refreshKey: number }) {
  const t = useT();
  const format = useFormat();
  const history = useConsoleQuery(`${apiPaths.console(warehouseId, 'count-reviews-history')}?days=7&r=${refreshKey}`, countReviewListSchema, 15_000);
  const list = history.data?.reviews ?? [];
  return (
    <>
      {history.problem && <Problem message={history.problem} />}
      <h2>{t('console.history.title', list.length)}</h2>
      {list.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="count-review-history">
            <thead>
              <tr>
                <th>{t('console.col.bin')}</th>
                <th>{t('console.col.product')}</th>
                <th>{t('console.reviews.book')}</th>
                <th>{t('console.reviews.counted')}</th>
                <th>{t('console.reviews.decision')}</th>
                <th>{t('console.history.byWhen')}</th>
                <th>{t('console.history.note')}</th>
              </tr>
            </thead>
            <tbody>
              {list.flatMap((review) =>
                review.lines
                  .filter((l) => l.counted !== l.qty || firstBook(l, review.linesAtArrival) !== null)
                  .map((line) => {
                    const was = firstBook(line, review.linesAtArrival);
                    return (
                      <tr key={`${review.opId}-${line.productId}-${line.lot}`} data-testid={`history-${review.binCode}`}>
                        <td>{review.binCode}</td>
                        <td>
                          {line.productName ?? line.productId} <span className="sku">{line.sku}</span>
                          {line.lot ? ` · ${line.lot}` : ''}
                        </td>
                        <td>{was === null ? format.number(line.qty) : `${format.number(was)} → ${format.number(line.qty)}`}</td>
                        <td>{format.number(line.counted)}</td>
                        <td>{t(STATUS_WORDS[review.status])}</td>
                        <td>
                          {review.decidedBy ?? (review.status === 'auto-approved' ? t('console.history.server') : '—')} · {review.decidedAt ? format.dateTime(review.decidedAt) : ''}
                        </td>
                        {/* The server's own note, in the person's language; a supervisor's as they wrote it. */}
                        <td>{review.note === AUTO_APPROVED_NOTE ? t('console.history.autoNote') : (review.note ?? '')}</td>
                      </tr>
                    );
                  }),
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
