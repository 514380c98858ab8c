import { lazy, Suspense, useEffect } from 'react';
import { readDownload } from '../device/downloadStore';
import type { DeviceSession } from '../device/syncState';
import { floorDb } from './floor';
import { useLiveQuery } from './hooks/useLiveQuery';
import { useAppStore } from './store/appStore';
import { StatusBar } from './components/StatusBar';
import { UpdateBanner } from './components/UpdateBanner';
import { SignInScreen } from './features/signIn/SignInScreen';
import { ChooseWarehouseScreen } from './features/signIn/ChooseWarehouseScreen';
import { DownloadScreen } from './features/download/DownloadScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { FindScreen } from './features/find/FindScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TaskListScreen } from './features/tasks/TaskListScreen';
import { ScannerScreen } from './features/scanner/ScannerScreen';
import { PickScreen } from './features/pick/PickScreen';
import { CountScreen } from './features/count/CountScreen';
import { PutawayScreen } from './features/putaway/PutawayScreen';
import { useT } from './i18n/useT';
import { Problem, Screen } from './components/Screen';
import { TakeTaskGate } from './features/tasks/TakeTaskGate';
import { SyncScreen } from './features/sync/SyncScreen';
import { isSupervisor } from '../domain/people/roles';
import { useSyncScheduler } from './features/sync/useSyncScheduler';

// Only supervisors open the console: its code loads when they do, not on every worker's
// first screen, and it is not precached (vite.config.ts): opened offline on a device that
// never opened it, it says it needs the network instead of failing.
const ConsoleScreen = lazy(() => import('./features/console/ConsoleScreen').catch(() => ({ default: ConsoleNeedsNetwork })));

function ConsoleNeedsNetwork() {
  const t = useT();
  return (
    <Screen title={t('home.console')}>
      <Problem message={t('home.consoleNeedsNetwork')} />
      {/* A failed import is remembered until the page reloads; the app shell reloads offline. */}
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('download.retry')}
      </button>
    </Screen>
  );
}

/**
 * Which screen shows: signed out → sign in; no warehouse yet → choose one; the
 * warehouse not fully on the device → download; else the screen of the path.
 */
export function App() {
  const loaded = useAppStore((s) => s.sessionLoaded);
  const session = useAppStore((s) => s.session);
  const t = useT();
  return (
    <>
      <StatusBar />
      <UpdateBanner />
      {!loaded ? <p className="screen">{t('app.starting')}</p> : session === null ? <SignInScreen /> : <SignedIn session={session} />}
    </>
  );
}

function SignedIn({ session }: { session: DeviceSession }) {
  const warehouseId = session.warehouse?.id ?? null;
  const t = useT();
  const complete = useLiveQuery(async () => {
    const state = await readDownload(floorDb);
    return state !== null && state.warehouseId === warehouseId && state.finishedAt !== null;
  }, [warehouseId], null);
  if (session.warehouse === null) return <ChooseWarehouseScreen session={session} />;
  if (complete === null) return <p className="screen">{t('app.starting')}</p>;
  if (!complete) return <DownloadScreen session={session} />;
  return <Synced session={session} warehouseId={warehouseId!} />;
}

/** The warehouse is on the device: it syncs while the app runs. */
function Synced({ session, warehouseId }: { session: DeviceSession; warehouseId: string }) {
  useSyncScheduler(warehouseId);
  return <Routed session={session} />;
}

function Routed({ session }: { session: DeviceSession }) {
  const t = useT();
  const path = useAppStore((s) => s.path);
  const search = useAppStore((s) => s.search);
  const params = new URLSearchParams(search);
  const taskId = params.get('task');
  useEffect(() => {
    // scrollTo returns a promise in newer browsers; an effect must not return it.
    void window.scrollTo(0, 0);
  }, [path]);
  switch (path) {
    case '/find':
      return <FindScreen />;
    case '/sync':
      return <SyncScreen session={session} />;
    case '/console':
      // The server checks the role on every console route; the device only hides what a worker cannot use.
      return isSupervisor(session.user.role) ? (
        <Suspense fallback={<p className="screen">{t('common.loading')}</p>}>
          <ConsoleScreen session={session} />
        </Suspense>
      ) : (
        <HomeScreen session={session} />
      );
    case '/settings':
      return <SettingsScreen session={session} />;
    case '/scanner':
      return <ScannerScreen />;
    case '/pick':
      return taskId ? (
        <TakeTaskGate key={taskId} taskId={taskId} session={session}>
          <PickScreen taskId={taskId} session={session} />
        </TakeTaskGate>
      ) : (
        <TaskListScreen kind="pick" session={session} />
      );
    case '/putaway':
      if (taskId) {
        return (
          <TakeTaskGate key={taskId} taskId={taskId} session={session}>
            <PutawayScreen taskId={taskId} session={session} />
          </TakeTaskGate>
        );
      }
      if (params.has('adhoc')) return <PutawayScreen key="adhoc" taskId={null} session={session} />;
      return <TaskListScreen kind="putaway" session={session} />;
    case '/count':
      if (taskId) {
        return (
          <TakeTaskGate key={taskId} taskId={taskId} session={session}>
            <CountScreen taskId={taskId} session={session} />
          </TakeTaskGate>
        );
      }
      if (params.has('spot')) return <CountScreen key="spot" taskId={null} session={session} />;
      return <TaskListScreen kind="count" session={session} />;
    case '/':
      return <HomeScreen session={session} />;
  }
}
