/**
 * The UI's one store (zustand), made of slices, one file each. The store is plain
 * state and setters: the work (IndexedDB, the network) happens in device/ and
 * sync/, and features call it and report here. This is the only module that
 * creates a zustand store.
 */
import { createStore, useStore } from 'zustand';
import { createConnectivitySlice, type ConnectivitySlice } from './connectivitySlice';
import { createDownloadSlice, type DownloadSlice } from './downloadSlice';
import { createRouteSlice, type RouteSlice } from './routeSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createUpdateSlice, type UpdateSlice } from './updateSlice';
import { createLanguageSlice, type LanguageSlice } from './languageSlice';
import { createSyncSlice, type SyncSlice } from './syncSlice';

export type AppState = SessionSlice & ConnectivitySlice & DownloadSlice & RouteSlice & UpdateSlice & LanguageSlice & SyncSlice;

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createConnectivitySlice(...a),
    ...createDownloadSlice(...a),
    ...createRouteSlice(...a),
    ...createUpdateSlice(...a),
    ...createLanguageSlice(...a),
    ...createSyncSlice(...a),
  }));
}

export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
