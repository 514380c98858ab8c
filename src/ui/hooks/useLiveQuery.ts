import { useEffect, useState } from 'react';
import { watchQuery } from '../../device/liveQuery';

/**
 * The result of a query over the device database, kept current as the data
 * changes. `initial` is shown until the first result arrives.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => watchQuery(query, setValue), deps); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
}
