/** Steps as the console lists them: when, who, what, where, and what became of each. */
import type { ActivityEntry } from '../../../protocol/console';
import type { ReactNode } from 'react';

export function ActivityTable({ entries, action }: { entries: readonly ActivityEntry[]; action?: (entry: ActivityEntry) => ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="console-table" data-testid="activity">
        <thead>
          <tr>
            <th>Done at</th>
            <th>Arrived</th>
            <th>User</th>
            <th>Device</th>
            <th>Step</th>
            <th>Bin</th>
            <th>Product</th>
            <th>Qty</th>
            <th>Result</th>
            {action && <th>Action</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.opId} className={e.status === 'rejected' ? 'attention' : ''}>
              <td>{new Date(e.occurredAt).toLocaleString()}</td>
              <td>{new Date(e.receivedAt).toLocaleTimeString()}</td>
              <td>{e.username ?? '—'}</td>
              <td>
                {e.deviceId.slice(0, 8)} #{e.deviceSeq}
              </td>
              <td>
                {e.type}
                {e.taskId ? ` · ${e.taskId}` : ''}
              </td>
              <td>{e.binCode ?? ''}</td>
              <td>{e.productName ?? e.productId ?? ''}</td>
              <td>{e.qty ?? ''}</td>
              <td>
                {e.status}
                {e.message ? `: ${e.message}` : ''}
                {e.resolvedAt ? ` · resolved: ${e.resolutionNote ?? ''}` : ''}
              </td>
              {action && <td>{action(e)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
