import type { StateCreator } from 'zustand';
import type { DeviceSession } from '../../device/syncState';
import type { AppState } from './appStore';

export interface SessionSlice {
  /** null until the device's records were read at start. */
  deviceId: string | null;
  session: DeviceSession | null;
  sessionLoaded: boolean;
  setDevice(deviceId: string, session: DeviceSession | null): void;
  setSession(session: DeviceSession | null): void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  deviceId: null,
  session: null,
  sessionLoaded: false,
  setDevice: (deviceId, session) => set({ deviceId, session, sessionLoaded: true }),
  setSession: (session) => set({ session }),
});
