import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { readRecord, type DeviceSession } from '../device/syncState';
import { floorDb } from './floor';
import { useLiveQuery } from './hooks/useLiveQuery';
import { useAppStore } from './store/appStore';
import { StatusBar } from './components/StatusBar';
import { UpdateBanner } from './components/UpdateBanner';
import { SignInScreen } from './features/signIn/SignInScreen';
import { ChooseWarehouseScreen } from './features/signIn/ChooseWarehouseScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { useT } from './i18n/useT';
import { Problem, Screen } from './components/Screen';
import { isSupervisor } from '../domain/people/roles';
import { useSyncScheduler } from './features/sync/useSyncScheduler';

// The first screen (sign-in, or Home) loads only what it shows: every other screen is in
// one chunk (floorScreens.ts; issue 14: the first screen's JavaScript on a slow
// handheld), precached (vite.config.ts) and fetched from the cache once Home is up, so
// no screen waits for its code when it is opened.
const floorScreens = () => import('./floorScreens');
// The first download needs the network by nature: its code is cached when it first loads
// (at sign-in, online) instead of precached (vite.config.ts), as the console's is.
const DownloadScreen = lazy(() => import('./features/download/DownloadScreen').then((m) => ({ default: m.DownloadScreen })).catch(() => ({ default: DownloadNeedsNetwork })));
const FindScreen = lazy(() => floorScreens().then((m) => ({ default: m.FindScreen })));
const SettingsScreen = lazy(() => floorScreens().then((m) => ({ default: m.SettingsScreen })));
const TaskListScreen = lazy(() => floorScreens().then((m) => ({ default: m.TaskListScreen })));
const ScannerScreen = lazy(() => floorScreens().then((m) => ({ default: m.ScannerScreen })));
const PickScreen = lazy(() => floorScreens().then((m) => ({ default: m.PickScreen })));
const CountScreen = lazy(() => floorScreens().then((m) => ({ default: m.CountScreen })));
const PutawayScreen = lazy(() => floorScreens().then((m) => ({ default: m.PutawayScreen })));
const TakeTaskGate = lazy(() => floorScreens().then((m) => ({ default: m.TakeTaskGate })));
const SyncScreen = lazy(() => floorScreens().then((m) => ({ default: m.SyncScreen })));

/** Loads the floor's screens after the first screen is up (from the precache: a few ms). */
function preloadFloorScreens(): void {
  const load = () => void floorScreens().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}

function Loading({ children }: { children: ReactNode }) {
  const t = useT();
  return <Suspense fallback={<p className="screen">{t('common.loading')}</p>}>{children}</Suspense>;
}

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

function DownloadNeedsNetwork() {
  const t = useT();
  return (
    <main className="screen">
      <Problem message={t('download.offline')} />
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('download.retry')}
      </button>
    </main>
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
    // The record itself, not downloadStore: the first screen does not load the download's code.
    const state = (await readRecord(floorDb, 'download')) ?? null;
    return state !== null && state.warehouseId === warehouseId && state.finishedAt !== null;
  }, [warehouseId], null);
  if (session.warehouse === null) return <ChooseWarehouseScreen session={session} />;
  if (complete === null) return <p className="screen">{t('app.starting')}</p>;
  if (!complete)
    return (
      <Loading>
        <DownloadScreen session={session} />
      </Loading>
    );
  return <Synced session={session} warehouseId={warehouseId!} />;
}

/** The warehouse is on the device: it syncs while the app runs. */
function Synced({ session, warehouseId }: { session: DeviceSession; warehouseId: string }) {
  useSyncScheduler(warehouseId);
  useEffect(preloadFloorScreens, []);
  return (
    <Loading>
      <Routed session={session} />
    </Loading>
  );
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
