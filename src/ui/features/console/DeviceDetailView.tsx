/** One device: its name, what it said of itself, its rejected steps, its recent steps and its sync history. */
import { deviceDetailSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleQuery } from './useConsoleQuery';
import { bytesOf } from './deviceHealth';
import { ActivityTable } from './ActivityTable';
import { ShiftChartView } from './ShiftChartView';
import { DeviceNameForm } from './DeviceNameForm';
import { deviceText } from './deviceLabel';

export function DeviceDetailView({ warehouseId, deviceId, back }: { warehouseId: string; deviceId: string; back(): void }) {
  const t = useT();
  const format = useFormat();
  const detail = useConsoleQuery(apiPaths.deviceDetail(deviceId), deviceDetailSchema, 10_000);
  const now = detail.loadedAt ?? Date.now();
  const d = detail.data;
  const label = deviceText(t, deviceId, d?.device.name ?? null);
  return (
    <section aria-label={label}>
      <button type="button" onClick={back}>
        {t('console.detail.back')}
      </button>
      {detail.problem && <Problem message={detail.problem} />}
      {d && (
        <>
          <h2>{t('console.detail.title', label, d.device.username ?? t('console.detail.nobody'))}</h2>
          <dl className="facts columns">
            <dt>{t('console.detail.id')}</dt>
            <dd className="mono">{deviceId}</dd>
            <dt>{t('console.detail.lastSeen')}</dt>
            <dd>{format.ago(d.device.lastSeenAt, now)}</dd>
            <dt>{t('console.detail.lastSync')}</dt>
            <dd>{format.ago(d.device.lastSyncAt, now)}</dd>
            <dt>{t('console.detail.waiting')}</dt>
            <dd>
              {d.device.status?.pending ?? '—'}
              {d.device.status?.oldestPendingAt ? t('console.detail.oldest', format.ago(d.device.status.oldestPendingAt, now)) : ''}
            </dd>
            <dt>{t('console.devices.version')}</dt>
            <dd>{d.device.appVersion ?? '—'}</dd>
            <dt>{t('console.devices.storage')}</dt>
            <dd>{t('console.detail.storage', bytesOf(d.device.status?.usageBytes), bytesOf(d.device.status?.quotaBytes), d.device.status?.persisted === true)}</dd>
            <dt>{t('console.detail.lastError')}</dt>
            <dd>{d.device.status?.lastError ?? t('console.detail.noError')}</dd>
          </dl>
          {(d.device.warehouseId === warehouseId || d.device.warehouseId === null) && <DeviceNameForm warehouseId={warehouseId} deviceId={deviceId} name={d.device.name} saved={detail.refresh} />}
          <h3>{t('console.detail.rejected', d.rejected.length)}</h3>
          {d.rejected.length > 0 ? <ActivityTable entries={d.rejected} /> : <p>{t('console.none')}</p>}
          <h3>{t('console.detail.syncHistory')}</h3>
          <div className="table-scroll" tabIndex={0}>
            <table className="console-table" data-testid="sync-history">
              <thead>
                <tr>
                  <th>{t('console.col.when')}</th>
                  <th>{t('console.sync.arrived')}</th>
                  <th>{t('console.sync.waitingThen')}</th>
                  <th>{t('console.sync.runBefore')}</th>
                  <th>{t('console.sync.error')}</th>
                </tr>
              </thead>
              <tbody>
                {d.syncs.map((s) => (
                  <tr key={s.reportedAt} className={s.run?.error || s.lastError ? 'attention' : ''}>
                    <td>{format.dateTime(s.reportedAt)}</td>
                    <td>{s.pushed}</td>
                    <td>{s.pending}</td>
                    <td>{s.run ? t('console.sync.run', format.number(Math.round(s.run.durationMs / 100) / 10), s.run.pushed) : '—'}</td>
                    <td>{s.run?.error ?? s.lastError ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ShiftChartView warehouseId={d.device.warehouseId ?? ''} deviceId={deviceId} />
          <h3>{t('console.detail.recent')}</h3>
          <ActivityTable entries={d.operations} />
        </>
      )}
    </section>
  );
}
