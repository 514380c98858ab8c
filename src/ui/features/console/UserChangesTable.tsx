/** Changes to the warehouse's users in the activity log: when, who changed whom, and what (never a PIN). */
import { apiPaths } from '../../../protocol/paths';
import { userChangeListSchema } from '../../../protocol/users';
import { Problem } from '../../components/Screen';
import { describeUserChange } from './userEditing';
import { useConsoleQuery } from './useConsoleQuery';

export function UserChangesTable({ warehouseId }: { warehouseId: string }) {
  const changes = useConsoleQuery(apiPaths.console(warehouseId, 'user-changes'), userChangeListSchema, 15_000);
  return (
    <>
      <h2>Changes to users (last 7 days)</h2>
      {changes.problem && <Problem message={changes.problem} />}
      {changes.data && changes.data.changes.length === 0 && <p className="note">No user of this warehouse was changed in the last 7 days.</p>}
      {changes.data && changes.data.changes.length > 0 && (
        <div className="table-scroll">
          <table className="console-table" data-testid="user-changes">
            <thead>
              <tr>
                <th>When</th>
                <th>By</th>
                <th>User</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              {changes.data.changes.map((c) => (
                <tr key={c.id}>
                  <td>{new Date(c.changedAt).toLocaleString()}</td>
                  <td>{c.actorName}</td>
                  <td>{c.username}</td>
                  <td>{describeUserChange(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
