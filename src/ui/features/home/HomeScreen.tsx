import type { FloorJob } from '../../../domain/people/roles';
import { isSupervisor, mayDo } from '../../../domain/people/roles';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { countOpenTasks } from '../../../device/outboxViews';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import type { Route } from '../../store/routeSlice';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/en';
import { StorageLostNotice } from '../../components/StorageLostNotice';

const JOBS: readonly { job: FloorJob; label: MessageKey & `home.${FloorJob}`; path: Route }[] = [
  { job: 'putaway', label: 'home.putaway', path: '/putaway' },
  { job: 'pick', label: 'home.pick', path: '/pick' },
  { job: 'count', label: 'home.count', path: '/count' },
];

export function HomeScreen({ session }: { session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const openTasks = useLiveQuery(() => countOpenTasks(floorDb, session.user.id), [session.user.id], null);
  return (
    <main className="screen">
      <StorageLostNotice />
      <h1>{session.warehouse?.name}</h1>
      <p className="who">
        {session.user.displayName} · {session.warehouse?.code}
      </p>
      <nav className="big-buttons" aria-label={t('home.jobs')}>
        {JOBS.filter(({ job }) => mayDo(session.user, job)).map(({ job, label, path }) => (
          <button key={job} type="button" className="big" onClick={() => navigate(path)}>
            {t(label)}
            {openTasks && <small>{t('home.tasks', openTasks[job])}</small>}
          </button>
        ))}
        <button type="button" className="big find" onClick={() => navigate('/find')}>
          {t('home.find')}
          <small>{t('home.findHint')}</small>
        </button>
      </nav>
      {isSupervisor(session.user.role) && (
        <button type="button" className="big console-entry" onClick={() => navigate('/console')}>
          {t('home.console')}
          <small>{t('home.consoleHint')}</small>
        </button>
      )}
      <button type="button" className="link" onClick={() => navigate('/settings')}>
        {t('home.settings')}
      </button>
    </main>
  );
}
