import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export interface ConnectivitySlice {
  online: boolean;
  setOnline(online: boolean): void;
}

export const createConnectivitySlice: StateCreator<AppState, [], [], ConnectivitySlice> = (set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  setOnline: (online) => set({ online }),
});
