/** Every device at a glance, by name, updating by itself; the ones needing attention first and marked. */
import { useState } from 'react';
import { deviceListSchema } from '../../../protocol/devices';
import { apiPaths } from '../../../protocol/paths';
import type { MessageKey } from '../../i18n/en';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleQuery } from './useConsoleQuery';
import { bytesOf, concernsOf, sortDevices, type DeviceConcern, type DeviceSortKey } from './deviceHealth';
import { DeviceDetailView } from './DeviceDetailView';
import { DeviceName } from './DeviceName';
import { DeviceNameForm } from './DeviceNameForm';
import { deviceText } from './deviceLabel';
import { ShiftChartView } from './ShiftChartView';

export const DEVICE_POLL_MS = 5000;

const COLUMNS: readonly { key: DeviceSortKey; label: MessageKey }[] = [
  { key: 'device', label: 'console.devices.device' },
  { key: 'user', label: 'console.col.user' },
  { key: 'lastSeen', label: 'console.devices.lastSeen' },
  { key: 'lastSync', label: 'console.devices.lastSync' },
  { key: 'waiting', label: 'console.devices.waiting' },
  { key: 'oldest', label: 'console.devices.oldest' },
  { key: 'rejected', label: 'console.devices.rejected' },
  { key: 'version', label: 'console.devices.version' },
  { key: 'storage', label: 'console.devices.storage' },
];

export const CONCERN_WORDS: Record<DeviceConcern, MessageKey> = { silent: 'console.concern.silent', 'old-work': 'console.concern.old-work', rejected: 'console.concern.rejected', error: 'console.concern.error' };

export function DevicesPanel({ warehouseId, deviceId, open }: { warehouseId: string; deviceId: string | null; open(deviceId: string | null): void }) {
  const t = useT();
  const format = useFormat();
  const devices = useConsoleQuery(apiPaths.supervisorDevices, deviceListSchema, DEVICE_POLL_MS);
  const [sort, setSort] = useState<{ key: DeviceSortKey; descending: boolean }>({ key: 'device', descending: false });
  const [naming, setNaming] = useState<string | null>(null);
  if (deviceId) return <DeviceDetailView warehouseId={warehouseId} deviceId={deviceId} back={() => open(null)} />;
  const now = devices.loadedAt ?? Date.now();
  const list = sortDevices((devices.data?.devices ?? []).filter((d) => d.warehouseId === warehouseId || d.warehouseId === null), sort.key, sort.descending, now);
  return (
    <section aria-label={t('console.tab.devices')}>
      {devices.problem && <Problem message={devices.problem} />}
      <p className="note" data-testid="devices-updated">
        {devices.loadedAt ? t('console.devices.updated', format.time(devices.loadedAt), DEVICE_POLL_MS / 1000) : t('common.loading')}
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table className="console-table" data-testid="device-list">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : c.key !== 'device' })}>
                    {t(c.label)}
                    {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
              <th>{t('console.devices.attention')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => {
              const concerns = concernsOf(d, now);
              return (
                <tr key={d.deviceId} className={concerns.length > 0 ? 'attention' : ''} data-testid={`device-${d.deviceId}`}>
                  <td>
                    <button type="button" className="link" onClick={() => open(d.deviceId)}>
                      <DeviceName deviceId={d.deviceId} name={d.name} />
                      <span className="said-only">{t('console.device.details')}</span>
                    </button>{' '}
                    {naming === d.deviceId ? (
                      <DeviceNameForm
                        warehouseId={warehouseId}
                        deviceId={d.deviceId}
                        name={d.name}
                        saved={() => {
                          setNaming(null);
                          devices.refresh();
                        }}
                        close={() => setNaming(null)}
                      />
                    ) : (
                      <button type="button" onClick={() => setNaming(d.deviceId)} aria-label={t('console.device.renameOne', deviceText(t, d.deviceId, d.name))}>
                        {t('console.device.rename')}
                      </button>
                    )}
                  </td>
                  <td>{d.username ?? '—'}</td>
                  <td>{format.ago(d.lastSeenAt, now)}</td>
                  <td>{format.ago(d.lastSyncAt, now)}</td>
                  <td data-testid="waiting-count">{d.status?.pending ?? '—'}</td>
                  <td>{d.status?.oldestPendingAt ? format.ago(d.status.oldestPendingAt, now) : '—'}</td>
                  <td>{d.rejectedOpen}</td>
                  <td>{d.appVersion ?? '—'}</td>
                  <td>
                    {bytesOf(d.status?.usageBytes)}
                    {d.status?.persisted === false ? t('console.devices.notPersisted') : d.status?.persisted ? t('console.devices.persisted') : ''}
                  </td>
                  <td>{concerns.map((c) => t(CONCERN_WORDS[c])).join(t('console.listSeparator')) || t('console.concern.ok')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {list.length === 0 && devices.data && <p>{t('console.devices.none')}</p>}
      <ShiftChartView warehouseId={warehouseId} />
    </section>
  );
}
