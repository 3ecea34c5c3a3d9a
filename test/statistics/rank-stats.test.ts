import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredAnswer } from '../../shared/answers/answer.js';
import { RoundAggregator } from '../../shared/reports/aggregate-round.js';
import { medianCiRanks, RankHistogram, rankFigures } from '../../shared/reports/rank-stats.js';
import { releaseCells } from '../../shared/reports/release-cells.js';
import { slopePerYear } from '../../shared/reports/trend.js';

/** Independent reference: sort the values and interpolate (R's type 7). */
function referenceQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return (sorted[low] as number) + (h - low) * ((sorted[high] as number) - (sorted[low] as number));
}

/** Independent reference: the binomial CDF summed term by term with exact big-integer binomials. */
function referenceCi(n: number): [number, number] | undefined {
  let best = 0;
  let cumulative = 0n;
  let term = 1n;
  const total = 2n ** BigInt(n);
  for (let i = 0; i < n; i++) {
    cumulative += term;
    if (Number((cumulative * 1_000_000n) / total) / 1_000_000 > 0.025) break;
    best = i + 1;
    term = (term * BigInt(n - i)) / BigInt(i + 1);
  }
  return best >= 1 ? [best, n - best + 1] : undefined;
}

/** Figures are rounded to two decimals: within half a hundredth of the exact value. */
const near = (actual: number | undefined, exact: number) =>
  expect(Math.abs((actual ?? Number.NaN) - exact)).toBeLessThanOrEqual(0.0050001);

const ranks = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 400 });

describe('rank statistics', () => {
  it('quantiles and mean match a sort-based computation', () => {
    fc.assert(
      fc.property(ranks, (values) => {
        const histogram = new RankHistogram(100);
        for (const v of values) histogram.add(v);
        for (const p of [0.25, 0.5, 0.75])
          expect(histogram.quantile(p)).toBeCloseTo(referenceQuantile(values, p), 9);
        near(rankFigures(histogram, 0)?.mean, values.reduce((a, b) => a + b, 0) / values.length);
      }),
      { numRuns: 200 },
    );
  });

  it('the median confidence interval uses the exact binomial order statistics', () => {
    for (let n = 1; n <= 300; n++) expect(medianCiRanks(n), `n=${n}`).toEqual(referenceCi(n));
    expect(medianCiRanks(10)).toEqual([2, 9]);
    expect(medianCiRanks(100)).toEqual([40, 61]);
  });

  it('shares, buckets and histogram add up to the answers', () => {
    fc.assert(
      fc.property(ranks, fc.integer({ min: 0, max: 50 }), (values, dontKnow) => {
        const histogram = new RankHistogram(100);
        for (const v of values) histogram.add(v);
        const figures = rankFigures(histogram, dontKnow);
        const total = values.length + dontKnow;
        expect(figures?.histogram.buckets.reduce((a, b) => a + b.count, 0)).toBe(values.length);
        expect(Object.values(figures?.histogram.exact ?? {}).reduce((a, b) => a + b, 0)).toBe(values.length);
        near(figures?.top10Share, values.filter((v) => v <= 10).length / total);
        near(figures?.dontKnowShare, dontKnow / total);
      }),
      { numRuns: 100 },
    );
  });

  it('buckets cover the whole list: places 101 to 150 of a long custom list are counted', () => {
    const histogram = new RankHistogram(150);
    for (const place of [1, 50, 101, 120, 150]) histogram.add(place);
    const figures = rankFigures(histogram, 0);

    expect(figures?.histogram.buckets.at(-1)).toEqual({ from: 101, to: 150, count: 3 });
    expect(figures?.histogram.buckets.reduce((a, b) => a + b.count, 0)).toBe(5);
    expect(figures?.top10Share).toBe(0.2);
  });

  it('slope per year is the Theil–Sen line through the medians, and none below three rounds', () => {
    const year = 365.25 * 86_400_000;
    expect(
      slopePerYear([
        { at: 0, value: 50 },
        { at: year / 2, value: 45 },
        { at: year, value: 40 },
      ])?.slope,
    ).toBe(-10);
    expect(
      slopePerYear([
        { at: 0, value: 50 },
        { at: year, value: 40 },
      ]),
    ).toBeNull();
  });
});

/** The groups of one dimension that segment figures may not use: release cells, one per group. */
function groupsToHide(counts: Map<string, number>, k: number): Set<string> {
  const cells = [...counts].map(([key, n]) => ({ key, segments: { department: key }, tally: n }));
  const used = releaseCells(
    cells,
    (n) => n >= k,
    (pool) => {
      const total = pool.reduce((sum, n) => sum + n, 0);
      return total === 0 || total >= k;
    },
    (n) => n,
  );
  return new Set([...counts.keys()].filter((group) => !used.has(group)));
}

describe('suppression', () => {
  it('never leaves the hidden groups of a dimension holding between 1 and k-1 answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 3, max: 10 }),
        (sizes, k) => {
          const counts = new Map(sizes.map((n, i) => [`g${i}`, n]));
          const hidden = groupsToHide(counts, k);
          const hiddenTotal = [...hidden].reduce((sum, g) => sum + (counts.get(g) ?? 0), 0);
          for (const [group, n] of counts) if (n < k) expect(hidden.has(group)).toBe(true);
          expect(hiddenTotal === 0 || hiddenTotal >= k || hidden.size === counts.size).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hides a second group when one small group could be recovered as the total minus the others', () => {
    const hidden = groupsToHide(
      new Map([
        ['A', 20],
        ['B', 6],
        ['C', 2],
      ]),
      5,
    );
    expect([...hidden].sort()).toEqual(['B', 'C']);
  });

  it('releases no figures, segments or comments for a round under the threshold', () => {
    const aggregator = new RoundAggregator(100, () => 0.5);
    for (let i = 0; i < 4; i++)
      aggregator.add(answer(10 + i, { department: 'A' }, 'Ett långt svar om budget'));
    const figures = aggregator.figures(5, 10);
    expect(figures).toMatchObject({ answered: 4, suppressed: true, comments: {}, themes: [] });
    expect(figures.rank).toBeNull();
    expect(figures.segments.department).toEqual([]);
  });

  it('releases comments only past their own threshold, shuffled and without segments', () => {
    const aggregator = new RoundAggregator(100, () => 0.3);
    for (let i = 0; i < 12; i++)
      aggregator.add(
        answer(5, { department: i < 6 ? 'A' : 'B' }, i < 9 ? `budgeten styr allt ${i}` : undefined),
      );
    const few = aggregator.figures(5, 10);
    const enough = aggregator.figures(5, 9);
    expect(few.comments.rankReason).toBeUndefined();
    expect(few.commentsSuppressed).toContain('rankReason');
    expect(enough.comments.rankReason).toHaveLength(9);
    expect(enough.themes.map((t) => t.word)).toEqual(['budgeten styr']);
  });
});

function answer(rank: number | null, segments: StoredAnswer['segments'], reason?: string): StoredAnswer {
  return {
    roundId: 'r',
    answerKey: Math.random().toString(16),
    rank,
    texts: reason ? { rankReason: reason } : {},
    segments,
  };
}
