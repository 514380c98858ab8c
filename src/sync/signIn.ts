import type { FloorDb } from '../device/floorDb';
import { deviceId } from '../device/deviceIdentity';
import { saveSignIn, signOut } from '../device/session';
import type { DeviceSession } from '../device/syncState';
import { apiPaths } from '../protocol/paths';
import { APP_VERSION } from '../protocol/versionNumbers';
import { createApiClient, type ApiClient } from './apiClient';
import { SyncError } from './syncError';

/** How often a sign-in held back as busy is sent again by itself before the worker is told. */
export const BUSY_TRIES = 40;

/**
 * Signs in on the server and keeps the session on the device. A sign-in the server
 * holds back only because many are being checked at once (a whole shift behind one
 * network address: `busy`) is sent again by itself after the seconds the server names,
 * with two seconds of spread so the held-back devices do not come back together; `onWait`
 * hears each wait. Any other refusal, or a busy one after BUSY_TRIES (about 2-3 minutes:
 * 1,000 handhelds behind one address sign in in about a minute on a 2-core server,
 * docs/BENCHMARKS.md), is thrown.
 */
export async function signIn(
  db: FloorDb,
  username: string,
  pin: string,
  api: ApiClient = createApiClient(() => null),
  options: { onWait?: (seconds: number) => void; sleep?: (ms: number) => Promise<void> } = {},
): Promise<DeviceSession> {
  // The schema (and zod) load with the sign-in, not with the first screen.
  const [id, { signInResponseSchema }] = await Promise.all([deviceId(db), import('../protocol/auth')]);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let tries = 1; ; tries++) {
    try {
      const response = await api.post(apiPaths.signIn, { username: username.trim(), pin, deviceId: id, appVersion: APP_VERSION }, signInResponseSchema);
      return await saveSignIn(db, response!);
    } catch (error) {
      if (!(error instanceof SyncError) || !error.busy || tries >= BUSY_TRIES) throw error;
      const seconds = error.retryAfterSeconds ?? 3;
      options.onWait?.(seconds);
      await sleep(seconds * 1000 + Math.random() * 2000);
    }
  }
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
