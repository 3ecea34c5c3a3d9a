import type { Clock } from '../../shared/common-ports.js';

/** A clock the test moves by hand: the tick's windows and reminders are days apart. */
export function manualClock(start = Date.now()) {
  let now = start;
  const clock: Clock & { advanceDays(days: number): void; set(iso: string): void } = {
    now: () => new Date(now),
    advanceDays(days) {
      now += days * 86_400_000;
    },
    set(iso) {
      now = new Date(iso).getTime();
    },
  };
  return clock;
}
