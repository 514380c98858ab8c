/**
 * The app's handles on the device database and the server, made once. Features
 * import these rather than opening their own.
 */
import { openFloorDb } from '../device/floorDb';
import { createApiClient } from '../sync/apiClient';
import { appStore } from './store/appStore';

export const floorDb = openFloorDb();

export const api = createApiClient(() => {
  const { session, deviceId } = appStore.getState();
  return session && deviceId ? { token: session.token, deviceId } : null;
});
