/**
 * How a supervisor reads the device list at a glance: a device stands out when it has
 * been silent too long while holding work, holds work that waited too long, has
 * rejected steps nobody settled, or reported an error. Pure, so it is tested alone.
 */
import type { DeviceSummary } from '../../../protocol/devices';

/** No word from a device for this long, with work on it or not synced since: it stands out. */
export const SILENT_AFTER_MS = 15 * 60_000;
/** A step waiting on a device this long: old unsent work. */
export const OLD_WORK_AFTER_MS = 30 * 60_000;

export type DeviceConcern = 'silent' | 'old-work' | 'rejected' | 'error';

export function concernsOf(device: DeviceSummary, now: number): DeviceConcern[] {
  const concerns: DeviceConcern[] = [];
  const seen = device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0;
  const pending = device.status?.pending ?? 0;
  if (now - seen > SILENT_AFTER_MS && (pending > 0 || device.lastSyncAt === null)) concerns.push('silent');
  const oldest = device.status?.oldestPendingAt ? Date.parse(device.status.oldestPendingAt) : null;
  if (oldest !== null && now - oldest > OLD_WORK_AFTER_MS) concerns.push('old-work');
  if (device.rejectedOpen > 0) concerns.push('rejected');
  if (device.status?.lastError) concerns.push('error');
  return concerns;
}

export type DeviceSortKey = 'device' | 'user' | 'lastSeen' | 'lastSync' | 'waiting' | 'oldest' | 'rejected' | 'version' | 'storage';

const valueOf: Record<DeviceSortKey, (d: DeviceSummary) => string | number> = {
  // Named devices by name, then the unnamed by id: supervisors look for a handheld by its name.
  device: (d) => (d.name ? `0${d.name.toLocaleLowerCase()}` : `1${d.deviceId}`),
  user: (d) => d.username ?? '',
  lastSeen: (d) => (d.lastSeenAt ? Date.parse(d.lastSeenAt) : 0),
  lastSync: (d) => (d.lastSyncAt ? Date.parse(d.lastSyncAt) : 0),
  waiting: (d) => d.status?.pending ?? 0,
  // The oldest waiting step first when sorted down: no waiting step sorts as newest.
  oldest: (d) => -(d.status?.oldestPendingAt ? Date.parse(d.status.oldestPendingAt) : Number.MAX_SAFE_INTEGER),
  rejected: (d) => d.rejectedOpen,
  version: (d) => d.appVersion ?? '',
  storage: (d) => d.status?.usageBytes ?? 0,
};

/** Devices needing attention first (most concerns), then by the chosen column. */
export function sortDevices(devices: readonly DeviceSummary[], key: DeviceSortKey, descending: boolean, now: number): DeviceSummary[] {
  const direction = descending ? -1 : 1;
  return [...devices].sort((a, b) => {
    const byConcern = concernsOf(b, now).length - concernsOf(a, now).length;
    if (byConcern !== 0) return byConcern;
    const [x, y] = [valueOf[key](a), valueOf[key](b)];
    return (x < y ? -1 : x > y ? 1 : 0) * direction;
  });
}

export function bytesOf(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
