/** Changes to the warehouse's users in the activity log: when, who changed whom, and what (never a PIN). */
import { apiPaths } from '../../../protocol/paths';
import { userChangeListSchema } from '../../../protocol/users';
import { Problem } from '../../components/Screen';
import { describeUserChange } from './userEditing';
import { useConsoleQuery } from './useConsoleQuery';
import { useFormat, useT } from '../../i18n/useT';

export function UserChangesTable({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const format = useFormat();
  const changes = useConsoleQuery(apiPaths.console(warehouseId, 'user-changes'), userChangeListSchema, 15_000);
  return (
    <>
      <h2>{t('console.userChanges.title')}</h2>
      {changes.problem && <Problem message={changes.problem} />}
      {changes.data && changes.data.changes.length === 0 && <p className="note">{t('console.userChanges.none')}</p>}
      {changes.data && changes.data.changes.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="user-changes">
            <thead>
              <tr>
                <th>{t('console.col.when')}</th>
                <th>{t('console.col.by')}</th>
                <th>{t('console.col.user')}</th>
                <th>{t('console.col.what')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.data.changes.map((c) => (
                <tr key={c.id}>
                  <td>{format.dateTime(c.changedAt)}</td>
                  <td>{c.actorName}</td>
                  <td>{c.username}</td>
                  <td>{describeUserChange(t, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
