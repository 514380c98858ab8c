/** Task conflicts for the supervisor (over-picks with every device named, steps after a decision), each resolved with a note; and recent take-overs. */
import type { FloorExceptions } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleAction } from './useConsoleQuery';

const device = (id: string | null) => (id ? id.slice(0, 8) : '—');

function what(c: FloorExceptions['taskConflicts'][number]): string {
  if (c.kind === 'over-pick') return `Over-pick: ${c.excess ?? 0} above the line's ${c.lineQty ?? '?'}, on ${c.devices.map((d) => `${d.username ?? '?'} / device ${device(d.deviceId)} (${d.qty ?? '?'})`).join(' and ')}`;
  const decision = c.decision?.status === 'cancelled' ? 'it was cancelled' : c.decision?.assignedTo ? `it was assigned to ${c.decision.assignedTo}` : 'it was put back to open';
  return `Worked after ${decision}: ${c.username ?? '?'} on device ${device(c.deviceId)}`;
}

export function TaskConflictsTable({ warehouseId, conflicts, takeovers, onResolved }: { warehouseId: string; conflicts: FloorExceptions['taskConflicts']; takeovers: FloorExceptions['takeovers']; onResolved: () => void }) {
  const action = useConsoleAction();
  const resolve = async (id: string) => {
    if (await action.send(apiPaths.console(warehouseId, `task-conflicts/${id}/resolve`), { note: 'Checked by the supervisor' })) onResolved();
  };
  return (
    <>
      {action.problem && <Problem message={action.problem} />}
      <h2>Task conflicts ({conflicts.length})</h2>
      <div className="table-scroll">
        <table className="console-table" data-testid="task-conflicts">
          <thead>
            <tr>
              <th>Task</th>
              <th>Line</th>
              <th>What happened</th>
              <th>Since</th>
              <th>Resolve</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id}>
                <td>{c.reference ?? c.taskId}</td>
                <td>{c.lineNo === null ? '' : `${c.lineNo}${c.binCode ? ` · ${c.binCode}` : ''}${c.productName ? ` · ${c.productName}` : ''}`}</td>
                <td>{what(c)}</td>
                <td>{new Date(c.at).toLocaleString()}</td>
                <td>
                  <button type="button" onClick={() => void resolve(c.id)} disabled={action.busy}>
                    Checked
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Taken over (7 days, {takeovers.length})</h2>
      <div className="table-scroll">
        <table className="console-table" data-testid="takeovers">
          <thead>
            <tr>
              <th>When</th>
              <th>Task</th>
              <th>From</th>
              <th>To</th>
            </tr>
          </thead>
          <tbody>
            {takeovers.map((k) => (
              <tr key={k.opId}>
                <td>{new Date(k.at).toLocaleString()}</td>
                <td>{k.reference ?? k.taskId}</td>
                <td>
                  {k.fromUser ?? 'nobody'} / device {device(k.fromDevice)}
                </td>
                <td>
                  {k.toUser ?? '?'} / device {device(k.toDevice)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
