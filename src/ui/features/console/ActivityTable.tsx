/** Steps as the console lists them: when, who on which device, what, where, and what became of each. */
import type { ActivityEntry } from '../../../protocol/console';
import type { ReactNode } from 'react';
import { useFormat, useLanguage, useT } from '../../i18n/useT';
import { sayWhy } from '../../i18n/language';
import { englishWhy, type Why } from '../../../domain/why';
import { DeviceName } from './DeviceName';
import { fateWords, stepWords } from './stepWords';

export function ActivityTable({ entries, action }: { entries: readonly ActivityEntry[]; action?: (entry: ActivityEntry) => ReactNode }) {
  const t = useT();
  const format = useFormat();
  const language = useLanguage();
  // The server's reason in the person's language where it sent one; else its message as it is.
  const reasonOf = (e: ActivityEntry) => (e.why && e.why.code in englishWhy ? sayWhy(language, e.why as Why) : e.message);
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="console-table" data-testid="activity">
        <thead>
          <tr>
            <th>{t('console.activity.doneAt')}</th>
            <th>{t('console.activity.arrived')}</th>
            <th>{t('console.col.user')}</th>
            <th>{t('console.col.device')}</th>
            <th>{t('console.activity.step')}</th>
            <th>{t('console.col.bin')}</th>
            <th>{t('console.col.product')}</th>
            <th>{t('console.col.qty')}</th>
            <th>{t('console.activity.result')}</th>
            {action && <th>{t('console.activity.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.opId} className={e.status === 'rejected' ? 'attention' : ''}>
              <td>{format.dateTime(e.occurredAt)}</td>
              <td>{format.time(e.receivedAt)}</td>
              <td>{e.username ?? '—'}</td>
              <td>
                <DeviceName deviceId={e.deviceId} name={e.deviceName} /> #{e.deviceSeq}
              </td>
              <td>
                {stepWords(t, e.type)}
                {e.taskId ? ` · ${e.taskId}` : ''}
              </td>
              <td>{e.binCode ?? ''}</td>
              <td>{e.productName ?? e.productId ?? ''}</td>
              <td>{e.qty === null ? '' : format.number(e.qty)}</td>
              <td>
                {fateWords(t, e.status)}
                {reasonOf(e) ? `: ${reasonOf(e)}` : ''}
                {e.resolvedAt ? t('console.activity.resolved', e.resolutionNote ?? '') : ''}
              </td>
              {action && <td>{action(e)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
