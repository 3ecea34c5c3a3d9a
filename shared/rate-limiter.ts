import type { Clock } from './ports.js';

/** Fixed-window counter per key: enough to slow token guessing and enrolment floods from one client. */
export interface RateLimiter {
  /** Counts one attempt; false once `key` has used up its window. */
  attempt(key: string): boolean;
  /** True while `key` has used up its window, without counting. */
  exceeded(key: string): boolean;
}

/**
 * In memory, per process: under Lambda each warm container counts on its own, so API Gateway's stage
 * throttling is the outer wall and this is the inner one (documented in docs/decisions.md).
 */
export function createRateLimiter(
  clock: Clock,
  limit: number,
  windowMs: number,
  maxKeys = 10_000,
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    attempt(key) {
      const now = clock.now().getTime();
      const current = windows.get(key);
      if (!current || now - current.start >= windowMs) {
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      current.count++;
      return current.count <= limit;
    },
    exceeded(key) {
      const current = windows.get(key);
      return (
        current !== undefined && clock.now().getTime() - current.start < windowMs && current.count >= limit
      );
    },
  };
}
