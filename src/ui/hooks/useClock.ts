/** The time now, read again every `everyMs` (a minute by default): for words that change as time passes ("late"). */
import { useEffect, useState } from 'react';

export function useClock(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
