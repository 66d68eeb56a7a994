/** Whole seconds left until `deadline` (ms since the epoch), ticking once a second; 0 once it has passed. */
import { useEffect, useState } from 'react';

export function useCountdown(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // Read the clock again at once (a new deadline may be newer than the last tick), then every second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(() => {
      tick();
      if (Date.now() >= deadline) clearInterval(timer);
    }, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [deadline]);
  return deadline > now ? Math.ceil((deadline - now) / 1000) : 0;
}
