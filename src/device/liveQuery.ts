import { liveQuery } from 'dexie';

/**
 * Watches a query over the device database and calls back with each new result,
 * whenever a transaction changes what it read. Returns the function that stops it.
 * The UI uses this through a hook, never Dexie itself.
 */
export function watchQuery<T>(
  query: () => Promise<T>,
  onResult: (value: T) => void,
  // A failing query keeps showing its last result; the reason must not vanish with it.
  onError: (error: unknown) => void = (error) => console.error('A device query failed:', error),
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onResult, error: onError });
  return () => subscription.unsubscribe();
}
