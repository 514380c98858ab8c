/** When the device syncs, on a fake clock: one at a time, backoff with jitter on passing failures, waiting for a person to sign in. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, startSyncScheduler, UPDATE_REQUIRED_RETRY_MS, type SyncSchedulerState } from '../../src/sync/syncScheduler';
import { SyncError } from '../../src/sync/syncError';
import type { SyncReport } from '../../src/sync/syncEngine';

const report: SyncReport = { pushed: 0, pulledPages: 1, resyncNeeded: false };

describe('the sync scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('syncs at start, soon after steps (once for a burst), and on a timer', async () => {
    const run = vi.fn(async () => report);
    const scheduler = startSyncScheduler({ run, onState: () => undefined, intervalMs: 60_000, debounceMs: 1500 });
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) scheduler.request('step');
    await vi.advanceTimersByTimeAsync(1500);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('never runs two syncs at once; a request meanwhile runs once more afterwards', async () => {
    let inFlight = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const run = vi.fn(
      () =>
        new Promise<SyncReport>((resolve) => {
          inFlight++;
          most = Math.max(most, inFlight);
          finish = () => {
            inFlight--;
            resolve(report);
          };
        }),
    );
    const scheduler = startSyncScheduler({ run, onState: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request('online');
    scheduler.request('visible');
    scheduler.request('person');
    finish();
    await vi.advanceTimersByTimeAsync(0);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(most).toBe(1);
    expect(run).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('retries a passing failure with growing, jittered waits, and starts over when the network returns', async () => {
    const run = vi.fn(async (): Promise<SyncReport> => {
      throw new SyncError('server-unavailable', 'down');
    });
    const states: SyncSchedulerState[] = [];
    const scheduler = startSyncScheduler({ run, onState: (s) => states.push(s), random: () => 0.5, intervalMs: 10_000_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({ syncing: false, lastError: { code: 'sync-failed', reason: 'server-unavailable' } });
    await vi.advanceTimersByTimeAsync(2000); // first wait: 2 s
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3999);
    expect(run).toHaveBeenCalledTimes(2); // second wait: 4 s
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(3);
    expect([1, 2, 3, 9, 20].map((n) => backoffMs(n, () => 0.5))).toEqual([2000, 4000, 8000, 300_000, 300_000]);
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 0.999)).toBe(2998);
    scheduler.stop();
  });

  it('waits for the person when the session expired, and goes on once they signed in', async () => {
    let expired = true;
    const run = vi.fn(async (): Promise<SyncReport> => {
      if (expired) throw new SyncError('session-expired', 'Sign in again.');
      return report;
    });
    const states: SyncSchedulerState[] = [];
    const scheduler = startSyncScheduler({ run, onState: (s) => states.push(s), intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({ needsSignIn: true });
    await vi.advanceTimersByTimeAsync(10_000); // timers and steps do not hammer the server meanwhile
    scheduler.request('step');
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
    expired = false;
    scheduler.request('signed-in');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toMatchObject({ needsSignIn: false, lastError: null });
    scheduler.stop();
  });

  it('pauses while an update is required (no error, no backoff), asks again slowly or when the worker asks, and goes on with the new app', async () => {
    let old = true;
    const run = vi.fn(async (): Promise<SyncReport> => {
      if (old) throw new SyncError('update-required', 'This app is older than this server reads.', 426);
      return report;
    });
    const states: SyncSchedulerState[] = [];
    const scheduler = startSyncScheduler({ run, onState: (s) => states.push(s), intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({ syncing: false, updateRequired: true, lastError: null });
    for (const trigger of ['step', 'online', 'visible', 'timer'] as const) scheduler.request(trigger);
    await vi.advanceTimersByTimeAsync(UPDATE_REQUIRED_RETRY_MS - 1);
    expect(run).toHaveBeenCalledTimes(1); // the timer and the steps leave the server alone
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2); // the slow retry
    scheduler.request('person');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(3);
    old = false; // the new app runs (after the reload a new scheduler starts; here the same one is asked)
    scheduler.request('person');
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({ updateRequired: false, lastError: null });
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(5); // the timer syncs again
    scheduler.stop();
  });
});

describe('the sync scheduler with no network', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tries nothing while offline and syncs as soon as the network is back', async () => {
    let online = false;
    const run = vi.fn(async () => report);
    const scheduler = startSyncScheduler({ run, onState: () => undefined, isOnline: () => online, intervalMs: 1000 });
    scheduler.request('step');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    online = true;
    scheduler.request('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.stop();
  });
});
