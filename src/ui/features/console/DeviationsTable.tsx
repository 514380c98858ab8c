/** Deviations on the floor (found by the server from its book, confirmed by the worker, or both), each resolved with a note. */
import { deviationListSchema, type DeviationRow } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';

const KIND_WORDS: Record<DeviationRow['kind'], string> = {
  'lot-not-in-bin': 'Lot not in the bin',
  'not-fefo': 'Not the first-expiring lot',
  'over-step-limit': 'Over the step limit',
  'empty-bin-held-stock': '“Empty” for a bin holding stock',
  'more-than-bin-holds': 'More than the bin held',
};

/** What the server saw, in words: the book at the step's moment, the FEFO lot, the limit. */
export function deviationFacts(d: Pick<DeviationRow, 'kind' | 'facts'>): string {
  const f = d.facts;
  switch (d.kind) {
    case 'lot-not-in-bin':
      return f.lotsInBin ? `bin holds ${f.lotsInBin}` : 'bin holds no lot of it';
    case 'not-fefo':
      return f.fefoLot ? `first to expire: ${f.fefoLot} (${f.fefoExpiry ?? '—'})${f.lotExpiry ? `; taken lot expires ${f.lotExpiry}` : ''}` : '';
    case 'over-step-limit':
      return f.limit !== undefined ? `${f.qty ?? '?'} in one step, limit ${f.limit}` : '';
    case 'empty-bin-held-stock':
    case 'more-than-bin-holds':
      return f.book !== undefined ? `book held ${f.book}` : '';
  }
}

const source = (d: DeviationRow) => (d.onDevice && d.byServer ? 'worker confirmed; server found too' : d.onDevice ? 'worker confirmed' : 'found by the server');

export function DeviationsTable({ warehouseId }: { warehouseId: string }) {
  const deviations = useConsoleQuery(apiPaths.console(warehouseId, 'deviations'), deviationListSchema, 15_000);
  const action = useConsoleAction();
  const list = deviations.data?.deviations ?? [];
  const resolve = async (id: string) => {
    const note = window.prompt('How was it resolved?', 'Checked by the supervisor');
    // Cancel is "not now".
    if (note === null || note.trim() === '') return;
    if (await action.send(apiPaths.console(warehouseId, `deviations/${id}/resolve`), { note })) deviations.refresh();
  };
  return (
    <>
      {(deviations.problem ?? action.problem) && <Problem message={(deviations.problem ?? action.problem)!} />}
      <h2>Deviations ({list.length})</h2>
      <div className="table-scroll">
        <table className="console-table" data-testid="deviations">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Step</th>
              <th>Bin</th>
              <th>Product</th>
              <th>Lot</th>
              <th>Qty</th>
              <th>Deviation</th>
              <th>Resolve</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id}>
                <td>{new Date(d.at).toLocaleString()}</td>
                <td>
                  {d.username ?? '—'} · device {d.deviceId.slice(0, 8)}
                </td>
                <td>
                  {d.stepType}
                  {d.taskId ? ` · ${d.taskId}` : ''}
                </td>
                <td>{d.binCode}</td>
                <td>{d.productName ?? d.productId ?? ''}</td>
                <td>{d.lot ?? ''}</td>
                <td>{d.qty ?? ''}</td>
                <td>
                  {KIND_WORDS[d.kind]} <span className="sku">({source(d)}{deviationFacts(d) ? `; ${deviationFacts(d)}` : ''})</span>
                </td>
                <td>
                  <button type="button" onClick={() => void resolve(d.id)} disabled={action.busy}>
                    Checked
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
