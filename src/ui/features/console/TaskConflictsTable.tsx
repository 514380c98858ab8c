/** Task conflicts for the supervisor (over-picks with every device named, steps after a decision), each resolved with a note; and recent take-overs. */
import type { FloorExceptions } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import type { Translate } from '../../i18n/language';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleAction } from './useConsoleQuery';
import { deviceText } from './deviceLabel';

/** What happened, in words, each device by its name with the user on it. */
export function conflictWords(t: Translate, c: FloorExceptions['taskConflicts'][number]): string {
  if (c.kind === 'over-pick') {
    const devices = c.devices.map((d) => t('console.conflicts.onDevice', d.username ?? '?', deviceText(t, d.deviceId, d.deviceName), d.qty === null ? '?' : String(d.qty))).join(t('console.conflicts.and'));
    return t('console.conflicts.overPick', c.excess ?? 0, c.lineQty === null ? '?' : String(c.lineQty), devices);
  }
  const decision = c.decision?.status === 'cancelled' ? t('console.conflicts.cancelled') : c.decision?.assignedTo ? t('console.conflicts.assigned', c.decision.assignedTo) : t('console.conflicts.reopened');
  return t('console.conflicts.after', decision, c.username ?? '?', deviceText(t, c.deviceId, c.deviceName));
}

export function TaskConflictsTable({ warehouseId, conflicts, takeovers, onResolved }: { warehouseId: string; conflicts: FloorExceptions['taskConflicts']; takeovers: FloorExceptions['takeovers']; onResolved: () => void }) {
  const t = useT();
  const format = useFormat();
  const action = useConsoleAction();
  const resolve = async (id: string) => {
    if (await action.send(apiPaths.console(warehouseId, `task-conflicts/${id}/resolve`), { note: t('console.checkedNote') })) onResolved();
  };
  return (
    <>
      {action.problem && <Problem message={action.problem} />}
      <h2>{t('console.conflicts.title', conflicts.length)}</h2>
      {conflicts.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="task-conflicts">
            <thead>
              <tr>
                <th>{t('console.conflicts.task')}</th>
                <th>{t('console.conflicts.line')}</th>
                <th>{t('console.conflicts.what')}</th>
                <th>{t('console.col.since')}</th>
                <th>{t('console.col.resolve')}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={c.id}>
                  <td>{c.reference ?? c.taskId}</td>
                  <td>{c.lineNo === null ? '' : `${c.lineNo}${c.binCode ? ` · ${c.binCode}` : ''}${c.productName ? ` · ${c.productName}` : ''}`}</td>
                  <td>{conflictWords(t, c)}</td>
                  <td>{format.dateTime(c.at)}</td>
                  <td>
                    <button type="button" onClick={() => void resolve(c.id)} disabled={action.busy}>
                      {t('console.checked')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('console.takeovers.title', takeovers.length)}</h2>
      {takeovers.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="takeovers">
            <thead>
              <tr>
                <th>{t('console.col.when')}</th>
                <th>{t('console.conflicts.task')}</th>
                <th>{t('console.takeovers.from')}</th>
                <th>{t('console.takeovers.to')}</th>
              </tr>
            </thead>
            <tbody>
              {takeovers.map((k) => (
                <tr key={k.opId}>
                  <td>{format.dateTime(k.at)}</td>
                  <td>{k.reference ?? k.taskId}</td>
                  <td>{t('console.takeovers.who', k.fromUser ?? t('console.nobody'), deviceText(t, k.fromDevice, k.fromDeviceName))}</td>
                  <td>{t('console.takeovers.who', k.toUser ?? '?', deviceText(t, k.toDevice, k.toDeviceName))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
