import { useCallback, useEffect, useState } from 'react';

/** How often the clock moves on its own: exceptions start and end on the minute at the finest. */
const TICK_MS = 60_000;

/**
 * The time (epoch ms) a policy state is settled at: it moves every minute, and at once when
 * `tick` is called, e.g. after an edit that ends an exception now.
 */
export function useClock(): [number, () => void] {
  const [now, setNow] = useState(Date.now);
  const tick = useCallback(() => setNow(Date.now()), []);
  useEffect(() => {
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [tick]);
  return [now, tick];
}
