import type { RankHistogram } from './rank-stats.js';
import { roundHalfUp } from './rounding.js';

/** The two-sided 95 % normal quantile. */
const Z95 = 1.959964;

export interface ChangeTest {
  /** True when the 95 % interval of the change excludes no change. */
  significant: boolean;
  test: string;
  /** 95 % interval of the change (this round minus the previous one). */
  interval: [number, number];
  /** Two-sided p-value of the test, for readers who want it. */
  p: number;
  /** The Hodges–Lehmann shift (places only). */
  estimate?: number;
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26 via erf; error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The shift in places between two rounds: the Hodges–Lehmann estimate (median of all differences y − x between
 * a place of this round and one of the previous round), its distribution-free interval (Lehmann 1975, Moses:
 * ordered differences at the Mann–Whitney critical value, normal approximation with the tie correction), and
 * the Mann–Whitney test. Works on histograms, so two rounds of 100,000 cost the list size squared.
 */
export function placeShift(current: RankHistogram, previous: RankHistogram): ChangeTest | undefined {
  const n = current.n;
  const m = previous.n;
  if (n === 0 || m === 0) return undefined;
  const size = Math.max(current.rankMax, previous.rankMax);
  // Counts of each difference d = y − x, offset by `size` so the index is never negative.
  const differences = new Float64Array(2 * size + 1);
  for (let y = 1; y <= current.rankMax; y++) {
    const cy = current.counts[y] ?? 0;
    if (cy === 0) continue;
    for (let x = 1; x <= previous.rankMax; x++) {
      const cx = previous.counts[x] ?? 0;
      if (cx !== 0) differences[y - x + size] = (differences[y - x + size] as number) + cy * cx;
    }
  }
  const pairs = n * m;
  /** The k-th smallest difference, 1-based. */
  const ordered = (k: number) => {
    let seen = 0;
    for (let i = 0; i < differences.length; i++) {
      seen += differences[i] as number;
      if (seen >= k) return i - size;
    }
    return size;
  };
  const estimate = pairs % 2 ? ordered((pairs + 1) / 2) : (ordered(pairs / 2) + ordered(pairs / 2 + 1)) / 2;
  // Mann–Whitney U of this round over the previous: pairs with y > x, ties counting a half.
  let below = 0;
  let ties = 0;
  for (let i = 0; i < differences.length; i++) {
    if (i < size) below += differences[i] as number;
    else if (i === size) ties = differences[i] as number;
  }
  const u = below + ties / 2; // pairs where this round's place is better (smaller) count towards U
  const variance = (pairs / 12) * (n + m + 1 - tieTerm(current, previous) / ((n + m) * (n + m - 1) || 1));
  const sd = Math.sqrt(Math.max(variance, 0));
  const z = sd === 0 ? 0 : (Math.abs(u - pairs / 2) - 0.5) / sd;
  const p = sd === 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(Math.max(z, 0))));
  const k = Math.floor(pairs / 2 - Z95 * sd);
  // Too few answers for a bounded interval: the whole range of differences, and never significant.
  const bounded = k >= 1;
  const interval: [number, number] = bounded
    ? [ordered(k), ordered(pairs - k + 1)]
    : [ordered(1), ordered(pairs)];
  return {
    significant: bounded && (interval[0] > 0 || interval[1] < 0),
    test: 'mann-whitney-hodges-lehmann',
    estimate,
    interval,
    p: roundHalfUp(p, 4),
  };
}

/** Σ (t³ − t) over the groups of tied places in the pooled sample. */
function tieTerm(a: RankHistogram, b: RankHistogram): number {
  let sum = 0;
  for (let place = 1; place <= Math.max(a.rankMax, b.rankMax); place++) {
    const t = (a.counts[place] ?? 0) + (b.counts[place] ?? 0);
    sum += t * t * t - t;
  }
  return sum;
}

/** The Wilson score interval of a proportion x / n at 95 %. */
export function wilson(x: number, n: number): [number, number] {
  const p = x / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The change in a share between two rounds (x1/n1 now, x2/n2 before): Newcombe's (1998) hybrid score interval
 * for a difference of proportions (his method 10, from two Wilson intervals), and a two-proportion z test.
 */
export function shareChange(x1: number, n1: number, x2: number, n2: number): ChangeTest | undefined {
  if (n1 === 0 || n2 === 0) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1);
  const [l2, u2] = wilson(x2, n2);
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const p = se === 0 ? 1 : 2 * (1 - normalCdf(Math.abs(d) / se));
  return {
    significant: lower > 0 || upper < 0,
    test: 'newcombe-wilson',
    interval: [roundHalfUp(lower, 4), roundHalfUp(upper, 4)],
    p: roundHalfUp(Math.min(1, p), 4),
  };
}
