/**
 * The Theil–Sen line (Theil 1950, Sen 1968): the slope is the median of the slopes between every two points,
 * robust to one odd round; its interval is Sen's, the slopes at the ranks where Kendall's test of the residuals
 * stops rejecting. Kendall's S is taken from its exact distribution under no trend (the Mahonian numbers), so
 * the interval is right for the handful of rounds a trend has; with fewer than 5 points no 95 % interval is
 * bounded (the smallest two-sided p of Kendall's test with 4 points is 1/12), and the bound is null.
 */
export interface TheilSen {
  slope: number;
  intercept: number;
  /** 95 % interval of the slope; a null bound is unbounded (too few points to exclude any slope on that side). */
  interval: [number | null, number | null];
  points: number;
}

export function theilSen(points: { x: number; y: number }[], level = 0.95): TheilSen | null {
  const n = points.length;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = points[i] as { x: number; y: number };
      const b = points[j] as { x: number; y: number };
      if (a.x !== b.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  if (slopes.length === 0) return null;
  slopes.sort((a, b) => a - b);
  const slope = median(slopes);
  const intercept = median(points.map((p) => p.y - slope * p.x));
  const pairs = slopes.length;
  const c = kendallCritical(n, 1 - level);
  // b between the k-th and (k+1)-th slope gives S = pairs − 2k; not rejected while |pairs − 2k| < c.
  const kLow = c === null ? 0 : Math.floor((pairs - c) / 2) + 1;
  const kHigh = c === null ? pairs : Math.ceil((pairs + c) / 2) - 1;
  return {
    slope,
    intercept,
    interval: [
      kLow >= 1 ? (slopes[kLow - 1] as number) : null,
      kHigh + 1 <= pairs ? (slopes[kHigh] as number) : null,
    ],
    points: n,
  };
}

function median(sorted: number[]): number {
  const xs = [...sorted].sort((a, b) => a - b);
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

/**
 * The smallest c with P(|S| ≥ c) ≤ alpha for Kendall's S of n points under no trend, or null when even the
 * largest |S| is not that rare. S = pairs − 2 × inversions, and inversions of a random permutation follow the
 * Mahonian numbers, built here by the usual recurrence.
 */
export function kendallCritical(n: number, alpha: number): number | null {
  const pairs = (n * (n - 1)) / 2;
  let counts = [1];
  for (let size = 2; size <= n; size++) {
    const next = new Array(counts.length + size - 1).fill(0);
    counts.forEach((count, inversions) => {
      for (let added = 0; added < size; added++) next[inversions + added] += count;
    });
    counts = next;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  // P(S ≥ s) for s = pairs − 2i is P(inversions ≤ i); two-sided by symmetry.
  let tail = 0;
  let critical: number | null = null;
  for (let i = 0; 2 * i < pairs; i++) {
    tail += (counts[i] as number) / total;
    if (2 * tail > alpha) break;
    critical = pairs - 2 * i;
  }
  return critical;
}
