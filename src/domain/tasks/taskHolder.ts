/**
 * Who has a task, as a worker's device sees it: nobody (open), this worker on this
 * device, or someone else: another worker, or this same worker on another device. A task
 * is worked on one device at a time; taking it from someone else is an explicit take-over.
 */
import type { Task } from './task';

export type TaskHolder =
  | { readonly kind: 'nobody' }
  /** Assigned to this worker, no device has it yet: the first step (or a take) makes it this device's. */
  | { readonly kind: 'yours' }
  | { readonly kind: 'here' }
  /** deviceName: what a supervisor named that device, null when unnamed (or not known yet). */
  | { readonly kind: 'elsewhere'; readonly userName: string | null; readonly deviceId: string | null; readonly deviceName: string | null; readonly sameWorker: boolean };

export function holderOf(task: Pick<Task, 'assignedTo' | 'assignedToName' | 'workedOnDevice' | 'workedOnDeviceName'>, me: { readonly userId: string; readonly deviceId: string }): TaskHolder {
  if (task.assignedTo === null && task.workedOnDevice === null) return { kind: 'nobody' };
  const sameWorker = task.assignedTo === me.userId;
  if (sameWorker && task.workedOnDevice === me.deviceId) return { kind: 'here' };
  if (sameWorker && task.workedOnDevice === null) return { kind: 'yours' };
  // Put back to open while a device still has it: that device's, until someone takes it.
  if (task.assignedTo === null) return { kind: 'nobody' };
  return { kind: 'elsewhere', userName: task.assignedToName ?? task.assignedTo, deviceId: task.workedOnDevice, deviceName: task.workedOnDevice === null ? null : (task.workedOnDeviceName ?? null), sameWorker };
}

/** A device's id as people read it: its first eight characters (as the console shows devices). */
export const shortDeviceId = (deviceId: string): string => deviceId.slice(0, 8);

/**
 * A device as a worker reads it: the name a supervisor gave it with the short id beside
 * it (two handhelds may share a name), or the short id alone when unnamed. `named` puts
 * the two together in the language's words ("Pat's scanner 2 (397f1bdf)").
 */
export function deviceLabel(deviceId: string, name: string | null | undefined, named: (name: string, shortId: string) => string = (n, id) => `${n} (${id})`): string {
  const shortId = shortDeviceId(deviceId);
  const shown = name?.trim();
  return shown ? named(shown, shortId) : shortId;
}
