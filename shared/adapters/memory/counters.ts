import type { AttemptCounter } from '../../codes/guess-limits.js';
import type { Clock } from '../../common-ports.js';
import type { RateCounter } from '../../rate-limiter.js';

/** Fixed windows keyed by name and window start, as the table keys them; a window past its end is never read again. */
function windows() {
  const counts = new Map<string, number>();
  return {
    count: (key: string) => counts.get(key) ?? 0,
    /** Counts one unless `limit` are counted already; false then. */
    add(key: string, limit: number) {
      const count = counts.get(key) ?? 0;
      if (count >= limit) return false;
      counts.set(key, count + 1);
      return true;
    },
  };
}

const windowOf = (at: number, windowMs: number) => Math.floor(at / windowMs) * windowMs;

export function createMemoryAttemptCounter(): AttemptCounter {
  const counts = windows();
  return {
    async attempt(name, limit, windowMs, at) {
      return counts.add(`${name}#${windowOf(at.getTime(), windowMs)}`, limit);
    },
    async exceeded(name, limit, windowMs, at) {
      return counts.count(`${name}#${windowOf(at.getTime(), windowMs)}`) >= limit;
    },
  };
}

export function createMemoryRateCounter(clock: Clock): RateCounter {
  const counts = windows();
  return {
    async hit(key, limit, windowSeconds) {
      const now = clock.now().getTime();
      const windowMs = windowSeconds * 1000;
      const start = windowOf(now, windowMs);
      if (counts.add(`${key}#${windowSeconds}#${start}`, limit)) return { allowed: true, retryAfter: 0 };
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
    },
  };
}
