import { liveQuery } from 'dexie';

/**
 * Watches a query over the device database and calls back with each new result,
 * whenever a transaction changes what it read. Returns the function that stops it.
 * The UI uses this through a hook, never Dexie itself.
 */
export function watchQuery<T>(query: () => Promise<T>, onResult: (value: T) => void, onError: (error: unknown) => void = () => undefined): () => void {
  const subscription = liveQuery(query).subscribe({ next: onResult, error: onError });
  return () => subscription.unsubscribe();
}
