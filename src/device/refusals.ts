/** Something the device refuses to do, with a reason code and the facts the worker's words need. */
import { explain, type Why } from '../domain/why';

export type RefusalReason = 'unsent-operations' | 'no-session' | 'storage-full' | 'storage-failed' | 'bad-operation' | 'unknown-bin' | 'nothing-to-undo' | 'task-finished' | 'task-taken' | 'line-closed';

export class DeviceRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly why: Why,
  ) {
    super(explain(why));
    this.name = 'DeviceRefusal';
  }
}

/** Turns a storage failure into a refusal a person understands (a full disk above all). */
export function storageFailure(error: unknown): DeviceRefusal {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return new DeviceRefusal('storage-full', { code: 'storage-full' });
  return new DeviceRefusal('storage-failed', { code: 'storage-failed', detail: error instanceof Error ? error.message : String(error) });
}
