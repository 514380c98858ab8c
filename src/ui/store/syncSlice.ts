import type { StateCreator } from 'zustand';
import type { Why } from '../../domain/why';
import type { SyncTrigger } from '../../sync/syncScheduler';
import type { AppState } from './appStore';

/** What the sync scheduler last said, and the way to ask it for a sync. */
export interface SyncSlice {
  syncing: boolean;
  syncNeedsSignIn: boolean;
  syncError: Why | null;
  syncRetryAt: number | null;
  requestSync: (trigger: SyncTrigger) => void;
  syncStateChanged(state: { syncing: boolean; needsSignIn: boolean; lastError: Why | null; retryAt: number | null }): void;
  setSyncRequester(request: (trigger: SyncTrigger) => void): void;
}

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncing: false,
  syncNeedsSignIn: false,
  syncError: null,
  syncRetryAt: null,
  requestSync: () => undefined,
  syncStateChanged: (state) => set({ syncing: state.syncing, syncNeedsSignIn: state.needsSignIn, syncError: state.lastError, syncRetryAt: state.retryAt }),
  setSyncRequester: (requestSync) => set({ requestSync }),
});
