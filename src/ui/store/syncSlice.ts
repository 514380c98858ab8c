import type { StateCreator } from 'zustand';
import type { Why } from '../../domain/why';
import type { SyncTrigger } from '../../sync/syncScheduler';
import type { AppState } from './appStore';

/** What the sync scheduler last said, and the way to ask it for a sync. */
export interface SyncSlice {
  syncing: boolean;
  syncNeedsSignIn: boolean;
  /** The server reads only newer apps: syncing waits for the new app (the service worker brings it). */
  syncUpdateRequired: boolean;
  syncError: Why | null;
  syncRetryAt: number | null;
  requestSync: (trigger: SyncTrigger) => void;
  syncStateChanged(state: { syncing: boolean; needsSignIn: boolean; updateRequired: boolean; lastError: Why | null; retryAt: number | null }): void;
  setSyncRequester(request: (trigger: SyncTrigger) => void): void;
}

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncing: false,
  syncNeedsSignIn: false,
  syncUpdateRequired: false,
  syncError: null,
  syncRetryAt: null,
  requestSync: () => undefined,
  syncStateChanged: (state) => set({ syncing: state.syncing, syncNeedsSignIn: state.needsSignIn, syncUpdateRequired: state.updateRequired, syncError: state.lastError, syncRetryAt: state.retryAt }),
  setSyncRequester: (requestSync) => set({ requestSync }),
});
