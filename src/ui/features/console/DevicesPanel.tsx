/** Every device at a glance, updating by itself; the ones needing attention first and marked. */
import { useState } from 'react';
import { deviceListSchema } from '../../../protocol/devices';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleQuery } from './useConsoleQuery';
import { ageOf, bytesOf, concernsOf, sortDevices, type DeviceConcern, type DeviceSortKey } from './deviceHealth';
import { DeviceDetailView } from './DeviceDetailView';
import { ShiftChartView } from './ShiftChartView';

export const DEVICE_POLL_MS = 5000;

const COLUMNS: readonly { key: DeviceSortKey; label: string }[] = [
  { key: 'device', label: 'Device' },
  { key: 'user', label: 'User' },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'lastSync', label: 'Last sync' },
  { key: 'waiting', label: 'Waiting' },
  { key: 'oldest', label: 'Oldest waiting' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'version', label: 'App version' },
  { key: 'storage', label: 'Storage' },
];

const CONCERN_WORDS: Record<DeviceConcern, string> = { silent: 'silent too long', 'old-work': 'old unsent work', rejected: 'rejected steps', error: 'sync error' };

export function DevicesPanel({ warehouseId, deviceId, open }: { warehouseId: string; deviceId: string | null; open(deviceId: string | null): void }) {
  const devices = useConsoleQuery(apiPaths.supervisorDevices, deviceListSchema, DEVICE_POLL_MS);
  const [sort, setSort] = useState<{ key: DeviceSortKey; descending: boolean }>({ key: 'lastSeen', descending: true });
  if (deviceId) return <DeviceDetailView deviceId={deviceId} back={() => open(null)} />;
  const now = devices.loadedAt ?? Date.now();
  const list = sortDevices((devices.data?.devices ?? []).filter((d) => d.warehouseId === warehouseId || d.warehouseId === null), sort.key, sort.descending, now);
  return (
    <section aria-label="Devices">
      {devices.problem && <Problem message={devices.problem} />}
      <p className="note" data-testid="devices-updated">
        {devices.loadedAt ? `Updated ${new Date(devices.loadedAt).toLocaleTimeString()} · updates every ${DEVICE_POLL_MS / 1000} s` : 'Loading…'}
      </p>
      <div className="table-scroll">
        <table className="console-table" data-testid="device-list">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : true })}>
                    {c.label}
                    {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
              <th>Needs attention</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => {
              const concerns = concernsOf(d, now);
              return (
                <tr key={d.deviceId} className={concerns.length > 0 ? 'attention' : ''} data-testid={`device-${d.deviceId}`}>
                  <td>
                    <button type="button" className="link" onClick={() => open(d.deviceId)} aria-label={`Device ${d.deviceId.slice(0, 8)}, details`}>
                      {d.deviceId.slice(0, 8)}
                    </button>
                  </td>
                  <td>{d.username ?? '—'}</td>
                  <td>{ageOf(d.lastSeenAt, now)}</td>
                  <td>{ageOf(d.lastSyncAt, now)}</td>
                  <td data-testid="waiting-count">{d.status?.pending ?? '—'}</td>
                  <td>{d.status?.oldestPendingAt ? ageOf(d.status.oldestPendingAt, now) : '—'}</td>
                  <td>{d.rejectedOpen}</td>
                  <td>{d.appVersion ?? '—'}</td>
                  <td>
                    {bytesOf(d.status?.usageBytes)}
                    {d.status?.persisted === false ? ' · not persisted' : d.status?.persisted ? ' · persisted' : ''}
                  </td>
                  <td>{concerns.map((c) => CONCERN_WORDS[c]).join(', ') || 'ok'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {list.length === 0 && devices.data && <p>No device has signed in to this warehouse yet.</p>}
      <ShiftChartView warehouseId={warehouseId} />
    </section>
  );
}
