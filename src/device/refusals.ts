/** Something the device refuses to do, with a reason code and words for the worker. */
export type RefusalReason = 'unsent-operations' | 'no-session' | 'storage-full' | 'storage-failed' | 'bad-operation' | 'unknown-bin' | 'nothing-to-undo' | 'task-finished';

export class DeviceRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceRefusal';
  }
}

/** Turns a storage failure into a refusal a person understands (a full disk above all). */
export function storageFailure(error: unknown): DeviceRefusal {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new DeviceRefusal('storage-full', 'The device storage is full. Free space on the device (photos, other apps) and try again; nothing was lost.');
  }
  return new DeviceRefusal('storage-failed', `The device could not save: ${error instanceof Error ? error.message : String(error)}`);
}
