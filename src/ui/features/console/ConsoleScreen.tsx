/**
 * The supervisor's console, in the same app as the floor screens: devices and their
 * sync, decisions waiting (count variances, rejected steps, short picks and flags),
 * tasks, master data, the activity log, and users. Online only: it shows the server's state.
 * Laid out for a tablet or desktop as well as a phone.
 */
import type { DeviceSession } from '../../../device/syncState';
import { useAppStore } from '../../store/appStore';
import { DevicesPanel } from './DevicesPanel';
import { CountReviewsPanel } from './CountReviewsPanel';
import { RejectedPanel } from './RejectedPanel';
import { ExceptionsPanel } from './ExceptionsPanel';
import { TasksPanel } from './TasksPanel';
import { MasterDataPanel } from './MasterDataPanel';
import { ActivityPanel } from './ActivityPanel';
import { UsersPanel } from './UsersPanel';

const TABS = [
  { id: 'devices', label: 'Devices' },
  { id: 'counts', label: 'Count variances' },
  { id: 'rejected', label: 'Rejected steps' },
  { id: 'exceptions', label: 'Short picks & flags' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'data', label: 'Import & export' },
  { id: 'activity', label: 'Activity' },
  { id: 'users', label: 'Users' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export default function ConsoleScreen({ session }: { session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const params = new URLSearchParams(useAppStore((s) => s.search));
  const tab: Tab = TABS.find((t) => t.id === params.get('tab'))?.id ?? 'devices';
  const warehouseId = session.warehouse?.id ?? '';
  const open = (next: Tab, extra = '') => navigate('/console', `tab=${next}${extra}`);
  return (
    <main className="console">
      <div className="screen-head">
        <button type="button" className="back" onClick={() => navigate('/')} aria-label="Back to home">
          ←
        </button>
        <h1>Supervisor · {session.warehouse?.name}</h1>
      </div>
      <nav className="console-tabs" aria-label="Console sections">
        {TABS.map((t) => (
          <button key={t.id} type="button" aria-current={t.id === tab ? 'page' : undefined} className={t.id === tab ? 'primary' : ''} onClick={() => open(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {tab === 'devices' && <DevicesPanel warehouseId={warehouseId} deviceId={params.get('device')} open={(deviceId) => open('devices', deviceId ? `&device=${encodeURIComponent(deviceId)}` : '')} />}
      {tab === 'counts' && <CountReviewsPanel warehouseId={warehouseId} />}
      {tab === 'rejected' && <RejectedPanel warehouseId={warehouseId} />}
      {tab === 'exceptions' && <ExceptionsPanel warehouseId={warehouseId} />}
      {tab === 'tasks' && <TasksPanel warehouseId={warehouseId} />}
      {tab === 'data' && <MasterDataPanel warehouseId={warehouseId} />}
      {tab === 'activity' && <ActivityPanel warehouseId={warehouseId} />}
      {tab === 'users' && <UsersPanel warehouseId={warehouseId} me={{ id: session.user.id, role: session.user.role }} />}
    </main>
  );
}
