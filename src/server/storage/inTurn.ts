/**
 * Runs queries one after another and gives their results together. A transaction's
 * connection runs one statement at a time anyway, and the PostgreSQL driver deprecates
 * queueing several on one client.
 */
export async function inTurn<T extends unknown[]>(...thunks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const thunk of thunks) results.push(await thunk());
  return results as T;
}
