import type { FloorDb } from '../device/floorDb';
import { deviceId } from '../device/deviceIdentity';
import { saveSignIn, signOut } from '../device/session';
import type { DeviceSession } from '../device/syncState';
import { apiPaths } from '../protocol/paths';
import { APP_VERSION } from '../protocol/versionNumbers';
import { createApiClient, type ApiClient } from './apiClient';

/** Signs in on the server and keeps the session on the device. */
export async function signIn(db: FloorDb, username: string, pin: string, api: ApiClient = createApiClient(() => null)): Promise<DeviceSession> {
  // The schema (and zod) load with the sign-in, not with the first screen.
  const [id, { signInResponseSchema }] = await Promise.all([deviceId(db), import('../protocol/auth')]);
  const response = await api.post(apiPaths.signIn, { username: username.trim(), pin, deviceId: id, appVersion: APP_VERSION }, signInResponseSchema);
  return saveSignIn(db, response!);
}

/**
 * Signs out: refused on the device while operations wait; the server is told when
 * it can be reached (the token also expires by itself), but being offline does not
 * keep a worker signed in.
 */
export async function signOutEverywhere(db: FloorDb, api: ApiClient): Promise<void> {
  await signOut(db);
  await api.post(apiPaths.signOut, undefined, null).catch(() => undefined);
}
