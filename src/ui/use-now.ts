import { useEffect, useState } from 'react';

/** Wall clock that ticks every `ms` while `active`, for countdowns and elapsed times. */
export function useNow(active: boolean, ms = 100, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!active) return;
    setNow(clock());
    const id = setInterval(() => setNow(clock()), ms);
    return () => clearInterval(id);
  }, [active, ms, clock]);
  return now;
}
