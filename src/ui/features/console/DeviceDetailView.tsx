/** One device: what it said of itself, its rejected steps, its recent steps and its sync history. */
import { deviceDetailSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleQuery } from './useConsoleQuery';
import { ageOf, bytesOf } from './deviceHealth';
import { ActivityTable } from './ActivityTable';
import { ShiftChartView } from './ShiftChartView';

export function DeviceDetailView({ deviceId, back }: { deviceId: string; back(): void }) {
  const detail = useConsoleQuery(apiPaths.deviceDetail(deviceId), deviceDetailSchema, 10_000);
  const now = detail.loadedAt ?? Date.now();
  const d = detail.data;
  return (
    <section aria-label={`Device ${deviceId.slice(0, 8)}`}>
      <button type="button" onClick={back}>
        ← All devices
      </button>
      {detail.problem && <Problem message={detail.problem} />}
      {d && (
        <>
          <h2>
            Device {deviceId.slice(0, 8)} · {d.device.username ?? 'nobody signed in'}
          </h2>
          <dl className="facts columns">
            <dt>Last seen</dt>
            <dd>{ageOf(d.device.lastSeenAt, now)}</dd>
            <dt>Last successful sync</dt>
            <dd>{ageOf(d.device.lastSyncAt, now)}</dd>
            <dt>Steps waiting</dt>
            <dd>
              {d.device.status?.pending ?? '—'}
              {d.device.status?.oldestPendingAt ? `, oldest ${ageOf(d.device.status.oldestPendingAt, now)}` : ''}
            </dd>
            <dt>App version</dt>
            <dd>{d.device.appVersion ?? '—'}</dd>
            <dt>Storage</dt>
            <dd>
              {bytesOf(d.device.status?.usageBytes)} of {bytesOf(d.device.status?.quotaBytes)}, {d.device.status?.persisted ? 'persisted' : 'not persisted (the browser may clear it)'}
            </dd>
            <dt>Last error</dt>
            <dd>{d.device.status?.lastError ?? 'none'}</dd>
          </dl>
          <h3>Rejected, not resolved ({d.rejected.length})</h3>
          {d.rejected.length > 0 ? <ActivityTable entries={d.rejected} /> : <p>None.</p>}
          <h3>Sync history</h3>
          <div className="table-scroll">
            <table className="console-table" data-testid="sync-history">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Steps arrived</th>
                  <th>Waiting then</th>
                  <th>Run before</th>
                  <th>Error</th>
                </tr>
              </thead>
              <tbody>
                {d.syncs.map((s) => (
                  <tr key={s.reportedAt} className={s.run?.error || s.lastError ? 'attention' : ''}>
                    <td>{new Date(s.reportedAt).toLocaleString()}</td>
                    <td>{s.pushed}</td>
                    <td>{s.pending}</td>
                    <td>{s.run ? `${(s.run.durationMs / 1000).toFixed(1)} s, ${s.run.pushed} sent` : '—'}</td>
                    <td>{s.run?.error ?? s.lastError ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ShiftChartView warehouseId={d.device.warehouseId ?? ''} deviceId={deviceId} />
          <h3>Recent steps</h3>
          <ActivityTable entries={d.operations} />
        </>
      )}
    </section>
  );
}
