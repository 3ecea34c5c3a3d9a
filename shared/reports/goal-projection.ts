import type { TheilSen } from './theil-sen.js';

export interface GoalProjection {
  /** The calendar year the trend line reaches the goal place; null where it does not say. */
  year: number | null;
  /** The years at the two ends of the slope's 95 % interval. */
  band: [number, number] | null;
  status: 'on-track' | 'not-on-track' | 'no-clear-trend' | 'too-few-rounds';
}

const YEAR_MS = 365.25 * 86_400_000;
const EPOCH_YEAR = 1970;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * When the median reaches the goal place at the current robust trend. `points` are the released medians
 * (`at` in ms), `fit` their Theil–Sen line in years since 1970. The line of each slope goes through its own
 * median intercept (Conover's choice for Theil–Sen), so the band's years come from the same rule as the year.
 * No year where the slope's interval includes no change; a trend away from the goal reaches it never.
 */
export function projectGoal(
  points: { at: number; value: number }[],
  fit: Pick<TheilSen, 'slope' | 'interval'> | null,
  goalPlace: number,
  by: string | null,
): GoalProjection {
  if (points.length < 3 || !fit) return { year: null, band: null, status: 'too-few-rounds' };
  const [low, high] = fit.interval;
  if (low === null || high === null || (low <= 0 && high >= 0))
    return { year: null, band: null, status: 'no-clear-trend' };
  const xs = points.map((p) => p.at / YEAR_MS);
  const reachedAt = (slope: number) => {
    const intercept = median(points.map((p, i) => p.value - slope * (xs[i] as number)));
    const latest = Math.max(...xs);
    // Already at or above the goal on the line: reached by the latest round.
    if (intercept + slope * latest <= goalPlace) return latest;
    return slope < 0 ? (goalPlace - intercept) / slope : null;
  };
  const when = reachedAt(fit.slope);
  const deadline = by ? Date.parse(by) / YEAR_MS : Number.POSITIVE_INFINITY;
  if (when === null) return { year: null, band: null, status: 'not-on-track' };
  const ends = [reachedAt(low), reachedAt(high)];
  const calendar = (x: number) => Math.floor(EPOCH_YEAR + x);
  return {
    year: calendar(when),
    band: ends.every((x) => x !== null)
      ? ([calendar(Math.min(...(ends as number[]))), calendar(Math.max(...(ends as number[])))] as [
          number,
          number,
        ])
      : null,
    status: when <= deadline ? 'on-track' : 'not-on-track',
  };
}
