/** Short picks and stock flags (negative stock, bins a picker asked to be counted), with a count task for the flagged bins in one step. */
import { useState } from 'react';
import { floorExceptionsSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { DeviationsTable } from './DeviationsTable';
import { TaskConflictsTable } from './TaskConflictsTable';

const FLAG_WORDS = { 'negative-stock': 'Book went below zero', 'count-requested': 'Count requested' } as const;

export function ExceptionsPanel({ warehouseId }: { warehouseId: string }) {
  const exceptions = useConsoleQuery(apiPaths.console(warehouseId, 'exceptions'), floorExceptionsSchema, 15_000);
  const action = useConsoleAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  const flags = exceptions.data?.flags ?? [];
  const shortPicks = exceptions.data?.shortPicks ?? [];
  const flaggedBins = [...new Set(flags.map((f) => f.binCode))];

  const countFlagged = async () => {
    const made = await action.send(apiPaths.console(warehouseId, 'tasks'), { kind: 'count', reference: `Flagged bins ${new Date().toLocaleDateString()}`, assignedTo: null, bins: flaggedBins });
    if (made) setOutcome(`A count task for ${flaggedBins.length} flagged bins is on every counter's list.`);
  };
  const resolve = async (flagId: string, note: string) => {
    const done = await action.send(apiPaths.console(warehouseId, `flags/${flagId}/resolve`), { note });
    if (done) exceptions.refresh();
  };

  return (
    <section aria-label="Short picks and flags">
      {(exceptions.problem ?? action.problem) && <Problem message={(exceptions.problem ?? action.problem)!} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
      <h2>Flagged bins ({flags.length})</h2>
      <button type="button" className="primary" disabled={flaggedBins.length === 0 || action.busy} onClick={() => void countFlagged()}>
        Make a count task for the flagged bins
      </button>
      <div className="table-scroll">
        <table className="console-table" data-testid="flags">
          <thead>
            <tr>
              <th>Bin</th>
              <th>Why</th>
              <th>Product</th>
              <th>Lot</th>
              <th>Since</th>
              <th>Resolve</th>
            </tr>
          </thead>
          <tbody>
            {flags.map((f) => (
              <tr key={f.id}>
                <td>{f.binCode}</td>
                <td>{FLAG_WORDS[f.kind]}</td>
                <td>{f.productName ?? f.productId ?? ''}</td>
                <td>{f.lot ?? ''}</td>
                <td>{new Date(f.at).toLocaleString()}</td>
                <td>
                  <button type="button" onClick={() => void resolve(f.id, 'Checked by the supervisor')} disabled={action.busy}>
                    Checked
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TaskConflictsTable warehouseId={warehouseId} conflicts={exceptions.data?.taskConflicts ?? []} takeovers={exceptions.data?.takeovers ?? []} onResolved={exceptions.refresh} />
      <DeviationsTable warehouseId={warehouseId} />
      <h2>Short picks ({shortPicks.length})</h2>
      <div className="table-scroll">
        <table className="console-table" data-testid="short-picks">
          <thead>
            <tr>
              <th>When</th>
              <th>Picker</th>
              <th>Pick list</th>
              <th>Bin</th>
              <th>Product</th>
              <th>Short by</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {shortPicks.map((s) => (
              <tr key={s.opId}>
                <td>{new Date(s.at).toLocaleString()}</td>
                <td>{s.username ?? '—'}</td>
                <td>
                  {s.taskId} line {s.lineNo}
                </td>
                <td>{s.binCode}</td>
                <td>{s.productName ?? s.productId}</td>
                <td>{s.qty}</td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
