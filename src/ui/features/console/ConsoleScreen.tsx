/**
 * The supervisor's console, in the same app as the floor screens: devices and their
 * sync, decisions waiting (count variances, rejected steps, short picks and flags),
 * tasks, master data, the activity log, users, and the warehouse's floor settings.
 * Online only: it shows the server's state. Laid out for a tablet or desktop as well as
 * a phone; in the language chosen here or in the floor's Settings (one choice per device).
 */
// The console's words load with the console's code.
import '../../i18n/consoleWords';
import type { DeviceSession } from '../../../device/syncState';
import { useAppStore } from '../../store/appStore';
import { useT } from '../../i18n/useT';
import { LANGUAGES, type Language } from '../../i18n/language';
import type { MessageKey } from '../../i18n/en';
import { DevicesPanel } from './DevicesPanel';
import { CountReviewsPanel } from './CountReviewsPanel';
import { RejectedPanel } from './RejectedPanel';
import { ExceptionsPanel } from './ExceptionsPanel';
import { TasksPanel } from './TasksPanel';
import { MasterDataPanel } from './MasterDataPanel';
import { ActivityPanel } from './ActivityPanel';
import { UsersPanel } from './UsersPanel';
import { SettingsPanel } from './SettingsPanel';

const TABS = [
  { id: 'devices', label: 'console.tab.devices' },
  { id: 'counts', label: 'console.tab.counts' },
  { id: 'rejected', label: 'console.tab.rejected' },
  { id: 'exceptions', label: 'console.tab.exceptions' },
  { id: 'tasks', label: 'console.tab.tasks' },
  { id: 'data', label: 'console.tab.data' },
  { id: 'activity', label: 'console.tab.activity' },
  { id: 'users', label: 'console.tab.users' },
  { id: 'settings', label: 'console.tab.settings' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type Tab = (typeof TABS)[number]['id'];

export default function ConsoleScreen({ session }: { session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const t = useT();
  const params = new URLSearchParams(useAppStore((s) => s.search));
  const tab: Tab = TABS.find((x) => x.id === params.get('tab'))?.id ?? 'devices';
  const warehouseId = session.warehouse?.id ?? '';
  const open = (next: Tab, extra = '') => navigate('/console', `tab=${next}${extra}`);
  return (
    <main className="console">
      <div className="screen-head">
        <button type="button" className="back" onClick={() => navigate('/')} aria-label={t('nav.back')}>
          ←
        </button>
        <h1>{t('console.title', session.warehouse?.name ?? '')}</h1>
        <label className="console-language">
          {t('settings.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {(Object.keys(LANGUAGES) as Language[]).map((code) => (
              <option key={code} value={code}>
                {LANGUAGES[code]['language.name']}
              </option>
            ))}
          </select>
        </label>
      </div>
      <nav className="console-tabs" aria-label={t('console.sections')}>
        {TABS.map((x) => (
          <button key={x.id} type="button" aria-current={x.id === tab ? 'page' : undefined} className={x.id === tab ? 'primary' : ''} onClick={() => open(x.id)}>
            {t(x.label)}
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
      {tab === 'settings' && <SettingsPanel warehouseId={warehouseId} />}
    </main>
  );
}
