import { useEffect, useState } from 'react';
import { downloadWarehouse } from '../../../sync/download';
import { SyncError } from '../../../sync/syncError';
import { signOut } from '../../../device/session';
import type { DeviceSession } from '../../../device/syncState';
import { downloadEntities, type DownloadEntity } from '../../../protocol/download';
import { api, floorDb } from '../../floor';
import { appStore, useAppStore } from '../../store/appStore';
import { downloadShare } from '../../store/downloadSlice';
import { Problem } from '../../components/Screen';

const ENTITY_NAMES: Record<DownloadEntity, string> = { products: 'Products', bins: 'Bins and stock', tasks: 'Tasks' };

/**
 * The first download after sign-in, with a bar per kind of data. It starts by
 * itself, resumes by itself when the network returns, and can be retried.
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

  useEffect(() => {
    if (!online) return;
    const stop = new AbortController();
    const store = appStore.getState();
    store.downloadStarted();
    downloadWarehouse(floorDb, api, warehouse.id, {
      signal: stop.signal,
      onProgress: (progress) => appStore.getState().downloadProgressed(progress.entity, progress.state),
    }).then(
      (finished) => appStore.getState().downloadFinished(finished),
      (failure: unknown) => {
        if (failure instanceof SyncError && failure.reason === 'aborted') return;
        if (failure instanceof SyncError && failure.needsSignIn) setNeedsSignIn(true);
        appStore.getState().downloadFailed(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => stop.abort();
  }, [online, attempt, warehouse.id]);

  const share = downloadShare(state);
  return (
    <main className="screen">
      <h1>Downloading {warehouse.name}</h1>
      <p>The device keeps everything it needs for the shift. This happens once; you can stop and it will carry on later.</p>
      <div className="progress" role="progressbar" aria-label="Download progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <ul className="download-list">
        {downloadEntities.map((name) => {
          const progress = state?.entities[name];
          return (
            <li key={name} className={entity === name ? 'current' : undefined} data-testid={`download-${name}`}>
              <span>{ENTITY_NAMES[name]}</span>
              <span>
                {progress ? `${progress.stored.toLocaleString()} of ${progress.total.toLocaleString()}` : '…'}
                {progress?.done ? ' ✓' : ''}
              </span>
            </li>
          );
        })}
      </ul>
      {!online && <Problem message="The device is offline. The download carries on by itself when the network returns." />}
      {status === 'failed' && error && <Problem message={error} />}
      {status === 'failed' && online && !needsSignIn && (
        <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      )}
      {needsSignIn && (
        <button
          type="button"
          className="primary"
          onClick={() =>
            signOut(floorDb).then(
              () => appStore.getState().setSession(null),
              (refusal: unknown) => appStore.getState().downloadFailed(refusal instanceof Error ? refusal.message : String(refusal)),
            )
          }
        >
          Sign in again
        </button>
      )}
    </main>
  );
}
