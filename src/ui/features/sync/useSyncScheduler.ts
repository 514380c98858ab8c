/**
 * Runs the sync scheduler while a signed-in device holds its warehouse: at start, when
 * the network returns, when the app becomes visible, soon after each new step, and on
 * a timer (sync/syncScheduler.ts). Its state goes to the store for the status bar. Each
 * sync runs in the sync worker (sync/syncRunner.ts), off the page's thread.
 */
import { useEffect, useRef } from 'react';
import { startSyncScheduler } from '../../../sync/syncScheduler';
import { startSyncRunner } from '../../../sync/syncRunner';
import { unsentOperations } from '../../../device/session';
import { api, credentials, floorDb } from '../../floor';
import { appStore } from '../../store/appStore';
import { useLiveQuery } from '../../hooks/useLiveQuery';

export function useSyncScheduler(warehouseId: string): void {
  const pending = useLiveQuery(() => unsentOperations(floorDb), [], 0);
  const seen = useRef(pending);

  useEffect(() => {
    const runner = startSyncRunner({ db: floorDb, api, credentials });
    const scheduler = startSyncScheduler({
      run: (signal) => runner.run(warehouseId, signal),
      onState: (state) => {
        // Update required: the service worker looks for the new app now, not at the next navigation.
        if (state.updateRequired && !appStore.getState().syncUpdateRequired) appStore.getState().checkForUpdate();
        appStore.getState().syncStateChanged(state);
      },
    });
    appStore.getState().setSyncRequester(scheduler.request);
    const online = () => scheduler.request('online');
    const visible = () => document.visibilityState === 'visible' && scheduler.request('visible');
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
      appStore.getState().setSyncRequester(() => undefined);
      scheduler.stop();
      runner.stop();
    };
  }, [warehouseId]);

  // A new step waiting: sync soon (the scheduler waits for a burst of scans to end).
  useEffect(() => {
    if (pending > seen.current) appStore.getState().requestSync('step');
    seen.current = pending;
  }, [pending]);
}
