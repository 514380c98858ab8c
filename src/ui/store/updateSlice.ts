import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export interface UpdateSlice {
  /** A new app version is installed and waits for a reload. */
  updateReady: boolean;
  applyUpdate: (() => void) | null;
  setUpdateReady(apply: () => void): void;
  /** Asks the service worker to look for a new version now (the server said this one is too old). */
  checkForUpdate: () => void;
  setUpdateCheck(check: () => void): void;
}

export const createUpdateSlice: StateCreator<AppState, [], [], UpdateSlice> = (set) => ({
  updateReady: false,
  applyUpdate: null,
  setUpdateReady: (applyUpdate) => set({ updateReady: true, applyUpdate }),
  checkForUpdate: () => undefined,
  setUpdateCheck: (checkForUpdate) => set({ checkForUpdate }),
});
