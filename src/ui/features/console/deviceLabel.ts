/**
 * How the console names a device: by the name a supervisor gave it, its id's first
 * characters beside it as the detail that tells two apart; an unnamed one by its id.
 */
// The console's words load with the console's code.
import '../../i18n/consoleWords';
import type { Translate } from '../../i18n/language';

export { shortDeviceId } from '../../../domain/tasks/taskHolder';
import { shortDeviceId } from '../../../domain/tasks/taskHolder';

/** "Cold room 2 (3f2a9c1d)", or "Device 3f2a9c1d" when it has no name: for text (options, labels, sentences). */
export function deviceText(t: Translate, deviceId: string | null, name: string | null): string {
  if (deviceId === null) return '—';
  return name ? t('console.device.named', name, shortDeviceId(deviceId)) : t('console.device.unnamedId', shortDeviceId(deviceId));
}

/** Devices in the order a supervisor looks for them: named ones by name, then the others by id. */
export function byDeviceName(a: { deviceId: string; name: string | null }, b: { deviceId: string; name: string | null }): number {
  if (a.name !== null && b.name !== null) return a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.deviceId.localeCompare(b.deviceId);
  if (a.name !== null) return -1;
  if (b.name !== null) return 1;
  return a.deviceId.localeCompare(b.deviceId);
}
