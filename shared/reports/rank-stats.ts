import { round4, roundHalfUp } from './rounding.js';

/**
 * Order statistics from a histogram of places (1..rankMax): exact, and memory independent of the number of
 * answers, which is what lets a round of 100,000 be aggregated page by page.
 */
export class RankHistogram {
  readonly counts: number[];
  n = 0;
  sum = 0;

  constructor(readonly rankMax: number) {
    this.counts = new Array(rankMax + 1).fill(0);
  }

  add(rank: number): void {
    this.counts[rank] = (this.counts[rank] ?? 0) + 1;
    this.n++;
    this.sum += rank;
  }

  /** The k-th smallest value, 1-based. */
  orderStatistic(k: number): number {
    let seen = 0;
    for (let rank = 1; rank <= this.rankMax; rank++) {
      seen += this.counts[rank] ?? 0;
      if (seen >= k) return rank;
    }
    throw new RangeError(`No order statistic ${k} of ${this.n}`);
  }

  /** Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, R's default). */
  quantile(p: number): number {
    const h = (this.n - 1) * p;
    const low = Math.floor(h);
    const lower = this.orderStatistic(low + 1);
    const upper = low + 1 < this.n ? this.orderStatistic(low + 2) : lower;
    return lower + (h - low) * (upper - lower);
  }
}

/**
 * The distribution-free confidence interval for the median: [x(j), x(n-j+1)] with the largest j such that
 * P(Binomial(n, 1/2) < j) <= (1 - level) / 2. Exact for any n (log-space binomial); undefined below n = 6.
 */
export function medianCiRanks(n: number, level = 0.95): [number, number] | undefined {
  const alpha = (1 - level) / 2;
  let logTerm = -n * Math.LN2; // log P(X = 0)
  let cumulative = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const next = cumulative + Math.exp(logTerm);
    if (next > alpha) break;
    cumulative = next;
    j = i + 1;
    logTerm += Math.log((n - i) / (i + 1));
  }
  return j >= 1 ? [j, n - j + 1] : undefined;
}

/** Buckets of places; they cover lists of up to 150 values (custom lists), each cut at the list's size. */
export const BUCKETS: [number, number][] = [
  [1, 3],
  [4, 10],
  [11, 20],
  [21, 40],
  [41, 60],
  [61, 100],
  [101, 150],
];

/** Half up at 2 decimals, right for values binary floating point stores just below the half (10.075). */
export const round2 = (value: number) => roundHalfUp(value, 2);

export interface RankFigures {
  known: number;
  median: number;
  ci95: [number, number] | null;
  q1: number;
  q3: number;
  mean: number;
  top10Share: number;
  dontKnowShare: number;
  histogram: { exact: Record<string, number>; buckets: { from: number; to: number; count: number }[] };
}

export function rankFigures(histogram: RankHistogram, dontKnow: number): RankFigures | undefined {
  const n = histogram.n;
  if (n === 0) return undefined;
  const ci = medianCiRanks(n);
  let top10 = 0;
  for (let rank = 1; rank <= Math.min(10, histogram.rankMax); rank++) top10 += histogram.counts[rank] ?? 0;
  const exact: Record<string, number> = {};
  histogram.counts.forEach((count, rank) => {
    if (count > 0) exact[String(rank)] = count;
  });
  return {
    known: n,
    median: histogram.quantile(0.5),
    ci95: ci ? [histogram.orderStatistic(ci[0]), histogram.orderStatistic(ci[1])] : null,
    // Analysts' JSON carries 4 decimals; presentations (mail, pages) round from these, half up.
    q1: round4(histogram.quantile(0.25)),
    q3: round4(histogram.quantile(0.75)),
    mean: round4(histogram.sum / n),
    top10Share: round4(top10 / (n + dontKnow)),
    dontKnowShare: round4(dontKnow / (n + dontKnow)),
    histogram: {
      exact,
      buckets: BUCKETS.filter(([from]) => from <= histogram.rankMax).map(([from, to]) => ({
        from,
        to: Math.min(to, histogram.rankMax),
        count: histogram.counts.slice(from, Math.min(to, histogram.rankMax) + 1).reduce((a, b) => a + b, 0),
      })),
    },
  };
}
