/**
 * Telling a device whose app data was cleared. Safari deletes a site's storage after 7
 * days unused, and a browser may evict it when space runs low; the app then starts
 * as a new device, empty, and would look "in sync". A cookie the server sets at
 * sign-in (HttpOnly: no script can write it, so storage clean-ups leave it alone)
 * names the device this browser was; when a sign-in comes from another device id with
 * that cookie, the server says what the old device last reported of itself.
 */
import type { Queryable } from '../storage/database';

const COOKIE = 'handheld-device';
const YEAR_SECONDS = 400 * 86_400;

export function deviceCookie(deviceId: string, secure: boolean): string {
  return `${COOKIE}=${deviceId}; Path=/api/auth; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

function cookieDevice(header: string | undefined): string | null {
  const match = header?.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${COOKIE}=`));
  const value = match?.slice(COOKIE.length + 1) ?? '';
  return /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}

export async function previousDeviceOf(db: Queryable, cookieHeader: string | undefined, deviceId: string) {
  const previous = cookieDevice(cookieHeader);
  if (previous === null || previous === deviceId) return null;
  const [row] = await db.query<{ pending: number | null; lastSyncAt: Date | null }>(
    `select (last_status->>'pending')::float8 as pending, last_sync_at as "lastSyncAt" from devices where device_id = $1`,
    [previous],
  );
  if (!row) return null;
  return { deviceId: previous, pendingAtLastSync: row.pending, lastSyncAt: row.lastSyncAt === null ? null : new Date(row.lastSyncAt).toISOString() };
}
