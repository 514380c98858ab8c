/** Changes to the warehouse's settings and device names in the activity log: when, who, what before and after. */
import { apiPaths } from '../../../protocol/paths';
import { warehouseChangeListSchema } from '../../../protocol/warehouseSettings';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { describeWarehouseChange } from './settingsWords';
import { useConsoleQuery } from './useConsoleQuery';

export function WarehouseChangesTable({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const format = useFormat();
  const changes = useConsoleQuery(apiPaths.console(warehouseId, 'changes'), warehouseChangeListSchema, 15_000);
  const list = changes.data?.changes ?? [];
  return (
    <>
      <h2>{t('console.changes.title')}</h2>
      {changes.problem && <Problem message={changes.problem} />}
      {changes.data && list.length === 0 && <p className="note">{t('console.changes.none')}</p>}
      {list.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="warehouse-changes">
            <thead>
              <tr>
                <th>{t('console.col.when')}</th>
                <th>{t('console.col.by')}</th>
                <th>{t('console.col.what')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{format.dateTime(c.changedAt)}</td>
                  <td>{c.actorName}</td>
                  <td>{describeWarehouseChange(t, format, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
