/**
 * When the device syncs: at start, when the network comes back, when the app becomes
 * visible again, soon after each new step (debounced), and on a timer. There is no
 * Background Sync on iOS, so nothing here relies on it.
 *
 * Invariants:
 * - Never two syncs at once: one at a time in this tab, and across tabs through the
 *   Web Locks API where the browser has it (a tab that finds the lock taken leaves the
 *   sync to the tab holding it, and asks again later).
 * - With no network (as the browser knows it) nothing is tried; coming back online
 *   triggers a sync at once.
 * - A failure that passes by itself (offline, server unreachable) is retried with
 *   exponential backoff and jitter; a failure that needs a person (sign in again) waits
 *   for them and is not retried.
 * - "Update required" (the server no longer reads this app's protocol) pauses syncing:
 *   the outbox is left as it is, the service worker fetches the new app, and only the
 *   worker's "Sync now" or a slow retry (the server may be rolled back) tries again.
 */
import type { Why } from '../domain/why';
import { SyncError } from './syncError';
import type { SyncReport } from './syncEngine';

export type SyncTrigger = 'start' | 'online' | 'visible' | 'step' | 'timer' | 'retry' | 'person' | 'signed-in';

export interface SyncSchedulerState {
  readonly syncing: boolean;
  readonly needsSignIn: boolean;
  /** The server reads only newer apps: paused until the new app runs (not an error). */
  readonly updateRequired: boolean;
  readonly lastError: Why | null;
  /** When the next try after a failure is due (ms since the epoch), or null. */
  readonly retryAt: number | null;
}

export interface SyncSchedulerOptions {
  readonly run: (signal: AbortSignal) => Promise<SyncReport>;
  readonly onState: (state: SyncSchedulerState) => void;
  readonly onReport?: (report: SyncReport) => void;
  readonly intervalMs?: number;
  readonly debounceMs?: number;
  readonly random?: () => number;
  /** False when the device knows it has no network: no try is made until it comes back (the 'online' trigger). */
  readonly isOnline?: () => boolean;
}

export interface SyncScheduler {
  request(trigger: SyncTrigger): void;
  stop(): void;
}

/** While an update is required, how often the device asks again by itself (the server may have been rolled back). */
export const UPDATE_REQUIRED_RETRY_MS = 10 * 60_000;

/** The delay before try number `failures` (1, 2, …): doubling from 2 s up to 5 min, with ±50 % jitter so devices do not return all at once. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 2000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

type LockManager = { request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T> };

export function startSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const interval = options.intervalMs ?? 60_000;
  const debounce = options.debounceMs ?? 1500;
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const locks = (typeof navigator !== 'undefined' ? (navigator as { locks?: LockManager }).locks : undefined) ?? null;
  let state: SyncSchedulerState = { syncing: false, needsSignIn: false, updateRequired: false, lastError: null, retryAt: null };
  let running = false;
  let again = false;
  let failures = 0;
  let stopped = false;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const abort = new AbortController();
  const setState = (next: Partial<SyncSchedulerState>) => {
    state = { ...state, ...next };
    options.onState(state);
  };

  async function runOnce(): Promise<void> {
    setState({ syncing: true });
    try {
      const report = await options.run(abort.signal);
      failures = 0;
      setState({ syncing: false, needsSignIn: false, updateRequired: false, lastError: null, retryAt: null });
      options.onReport?.(report);
    } catch (error) {
      const failure = error instanceof SyncError ? error : new SyncError('server-error', error instanceof Error ? error.message : String(error));
      if (failure.reason === 'aborted') return setState({ syncing: false });
      if (failure.needsSignIn) return setState({ syncing: false, needsSignIn: true, lastError: failure.why, retryAt: null });
      if (retry) clearTimeout(retry);
      if (failure.needsUpdate) {
        setState({ syncing: false, updateRequired: true, lastError: null, retryAt: Date.now() + UPDATE_REQUIRED_RETRY_MS });
        retry = setTimeout(() => request('retry'), UPDATE_REQUIRED_RETRY_MS);
        return;
      }
      failures++;
      const wait = backoffMs(failures, random);
      setState({ syncing: false, updateRequired: false, lastError: failure.why, retryAt: Date.now() + wait });
      retry = setTimeout(() => request('retry'), wait);
    }
  }

  async function go(): Promise<void> {
    if (stopped || !isOnline()) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (locks) {
          const done = await locks.request('warehouse-handheld-sync', { ifAvailable: true }, async (lock) => {
            if (lock === null) return false;
            await runOnce();
            return true;
          });
          // Another tab is syncing: ask again a little later rather than at once.
          if (!done && !again) {
            if (retry) clearTimeout(retry);
            retry = setTimeout(() => request('retry'), debounce * 2);
          }
        } else await runOnce();
      } while (again && !stopped && !state.needsSignIn && !state.updateRequired);
    } finally {
      running = false;
    }
  }

  function request(trigger: SyncTrigger): void {
    if (stopped) return;
    // Waiting for a person to sign in: only their sign-in (or their explicit ask) starts a sync.
    if (state.needsSignIn && trigger !== 'signed-in' && trigger !== 'person') return;
    // Waiting for the new app: only the worker's ask, or the slow retry, tries again.
    if (state.updateRequired && trigger !== 'person' && trigger !== 'retry' && trigger !== 'signed-in') return;
    if (trigger === 'signed-in') setState({ needsSignIn: false });
    // A worker scanning away: the sync after their steps comes when they pause, not from the timer in the middle.
    if (trigger === 'timer' && soon !== null) return;
    if (trigger === 'step') {
      if (soon) clearTimeout(soon);
      soon = setTimeout(() => {
        soon = null;
        void go();
      }, debounce);
      return;
    }
    if (trigger === 'online' || trigger === 'person' || trigger === 'signed-in') failures = 0;
    void go();
  }

  const timer = setInterval(() => request('timer'), interval);
  request('start');
  return {
    request,
    stop() {
      stopped = true;
      abort.abort();
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      if (retry) clearTimeout(retry);
    },
  };
}
