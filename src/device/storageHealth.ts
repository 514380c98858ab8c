/**
 * Whether the browser may evict this site's storage, and how much it uses.
 * Safari deletes the storage of sites unused for 7 days unless installed; a
 * granted persist() request keeps the floor data and the outbox until the user
 * clears them.
 */
export interface StorageHealth {
  /** true: persisted; false: the browser may evict it; null: the browser cannot tell. */
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

export async function requestPersistentStorage(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function readStorageHealth(): Promise<StorageHealth> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}
