import { useEffect, useState } from 'react';
import { startSyncRunner } from '../../../sync/syncRunner';
import { SyncError } from '../../../sync/syncError';
import { SignInAgain } from '../sync/SignInAgain';
import { readRecord } from '../../../device/syncState';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import type { DeviceSession } from '../../../device/syncState';
import { downloadEntities, type DownloadEntity } from '../../../protocol/download';
import { api, credentials, floorDb } from '../../floor';
import { appStore, useAppStore } from '../../store/appStore';
import { downloadShare } from '../../store/downloadSlice';
import { Problem } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';

const ENTITY_NAMES = { products: 'download.products', bins: 'download.bins', tasks: 'download.tasks' } as const satisfies Record<DownloadEntity, string>;

/**
 * The first download after sign-in, with a bar per kind of data. It starts by
 * itself, resumes by itself when the network returns, and can be retried. It runs in
 * the sync worker (sync/syncRunner.ts): the pages are parsed and stored off the page's
 * thread, which only moves the bars.
 */
export function DownloadScreen({ session }: { session: DeviceSession }) {
  const warehouse = session.warehouse!;
  const online = useAppStore((s) => s.online);
  const status = useAppStore((s) => s.downloadStatus);
  const state = useAppStore((s) => s.downloadState);
  const entity = useAppStore((s) => s.downloadEntity);
  const error = useAppStore((s) => s.downloadError);
  const [attempt, setAttempt] = useState(0);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const t = useT();
  const say = useSay();
  const resync = useLiveQuery(async () => (await readRecord(floorDb, 'resyncNeeded')) !== undefined, [], false);

  useEffect(() => {
    setNeedsSignIn(false);
    if (!online) return;
    const stop = new AbortController();
    const store = appStore.getState();
    store.downloadStarted();
    const runner = startSyncRunner({ db: floorDb, api, credentials });
    runner.download(warehouse.id, stop.signal, (progress) => appStore.getState().downloadProgressed(progress.entity, progress.state)).then(
      (finished) => appStore.getState().downloadFinished(finished),
      (failure: unknown) => {
        if (failure instanceof SyncError && failure.reason === 'aborted') return;
        if (failure instanceof SyncError && failure.needsSignIn) setNeedsSignIn(true);
        appStore.getState().downloadFailed(failure);
      },
    );
    return () => {
      stop.abort();
      runner.stop();
    };
  }, [online, attempt, warehouse.id, session.token]);

  const share = downloadShare(state);
  return (
    <main className="screen">
      <h1>{t('download.title', warehouse.name)}</h1>
      <p>{t('download.intro')}</p>
      {resync && <p className="note" data-testid="resync">{t('download.resync')}</p>}
      <div className="progress" role="progressbar" aria-label={t('download.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <ul className="download-list">
        {downloadEntities.map((name) => {
          const progress = state?.entities[name];
          return (
            <li key={name} className={entity === name ? 'current' : undefined} data-testid={`download-${name}`}>
              <span>{t(ENTITY_NAMES[name])}</span>
              <span>
                {progress ? t('download.of', progress.stored.toLocaleString(), progress.total.toLocaleString()) : '…'}
                {progress?.done ? ' ✓' : ''}
              </span>
            </li>
          );
        })}
      </ul>
      {!online && <Problem message={t('download.offline')} />}
      {status === 'failed' && error !== null && <Problem message={say(error)} />}
      {status === 'failed' && online && !needsSignIn && (
        <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
          {t('download.retry')}
        </button>
      )}
      {needsSignIn && <SignInAgain session={session} />}
    </main>
  );
}
