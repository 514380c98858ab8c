/**
 * The app's handles on the device database and the server, made once. Features
 * import these rather than opening their own.
 */
import { openFloorDb } from '../device/floorDb';
import { createApiClient, type Credentials } from '../sync/apiClient';
import { appStore } from './store/appStore';

export const floorDb = openFloorDb();

/** The session's token and the device's id, as every request to the server carries them. */
export function credentials(): Credentials | null {
  const { session, deviceId } = appStore.getState();
  return session && deviceId ? { token: session.token, deviceId } : null;
}

export const api = createApiClient(credentials);
