/** Counts decided lately: by a supervisor, or settled by the server when late work brought them within the threshold. */
import { countReviewListSchema } from '../../../protocol/countReviews';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleQuery } from './useConsoleQuery';

const STATUS_WORDS = { approved: 'Approved', rejected: 'Rejected', recount: 'Sent for recount', withdrawn: 'Withdrawn', 'auto-approved': 'Settled by the server', waiting: 'Waiting' } as const;

/** The book first shown for a line, where late work has changed the book at the count's moment since; else null. */
export function firstBook(line: { productId: string; lot: string; qty: number }, atArrival: readonly { productId: string; lot: string; qty: number }[] | null): number | null {
  const first = atArrival?.find((l) => l.productId === line.productId && l.lot === line.lot);
  return first && first.qty !== line.qty ? first.qty : null;
}

export function CountReviewHistory({ warehouseId, refreshKey }: { warehouseId: string; refreshKey: number }) {
  const history = useConsoleQuery(`${apiPaths.console(warehouseId, 'count-reviews-history')}?days=7&r=${refreshKey}`, countReviewListSchema, 15_000);
  const list = history.data?.reviews ?? [];
  return (
    <>
      {history.problem && <Problem message={history.problem} />}
      <h2>Decided in the last 7 days ({list.length})</h2>
      <div className="table-scroll">
        <table className="console-table" data-testid="count-review-history">
          <thead>
            <tr>
              <th>Bin</th>
              <th>Product</th>
              <th>Book at count</th>
              <th>Counted</th>
              <th>Decision</th>
              <th>By, when</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {list.flatMap((review) =>
              review.lines
                .filter((l) => l.counted !== l.qty || firstBook(l, review.linesAtArrival) !== null)
                .map((line) => (
                  <tr key={`${review.opId}-${line.productId}-${line.lot}`} data-testid={`history-${review.binCode}`}>
                    <td>{review.binCode}</td>
                    <td>
                      {line.productName ?? line.productId} <span className="sku">{line.sku}</span>
                      {line.lot ? ` · ${line.lot}` : ''}
                    </td>
                    <td>{firstBook(line, review.linesAtArrival) === null ? line.qty : `${firstBook(line, review.linesAtArrival)} → ${line.qty}`}</td>
                    <td>{line.counted}</td>
                    <td>{STATUS_WORDS[review.status]}</td>
                    <td>
                      {review.decidedBy ?? (review.status === 'auto-approved' ? 'the server' : '—')} · {review.decidedAt ? new Date(review.decidedAt).toLocaleString() : ''}
                    </td>
                    <td>{review.note ?? ''}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
