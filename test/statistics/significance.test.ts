import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeWords } from '../../shared/reports/change-words.js';
import { RankHistogram } from '../../shared/reports/rank-stats.js';
import { roundHalfUp } from '../../shared/reports/rounding.js';
import { normalCdf, placeShift, shareChange } from '../../shared/reports/significance.js';

const histogramOf = (places: number[], size = 100) => {
  const histogram = new RankHistogram(size);
  for (const place of places) histogram.add(place);
  return histogram;
};

describe('the change of places between two rounds', () => {
  it("matches SciPy's Mann–Whitney (asymptotic, continuity- and tie-corrected) on fixed samples", () => {
    // p-values from scipy.stats.mannwhitneyu(y, x, method="asymptotic", use_continuity=True), SciPy 1.17.
    const cases: [number[], number[], number, number][] = [
      [[20, 35, 40, 12, 50, 31, 28, 45, 37, 25], [30, 45, 50, 22, 60, 41, 38, 55, 47, 35], 0.0817536, -10],
      [[3, 30, 51, 9, 20, 60, 14, 38, 41, 10], [12, 40, 55, 8, 33, 70, 21, 48, 50, 15], 0.4273553, -7],
      [
        [5, 10, 10, 20, 20, 20, 30, 30, 40, 60, 70, 80, 90],
        [5, 5, 10, 10, 10, 20, 20, 30, 40, 40, 50, 60],
        0.2964109,
        10,
      ],
    ];
    for (const [now, before, p, shift] of cases) {
      const test = placeShift(histogramOf(now), histogramOf(before));
      expect(test?.p).toBeCloseTo(p, 3);
      expect(test?.estimate).toBe(shift);
    }
  });

  it('calls a 10-place move of two rounds of 10 "no clear change", as the review found (p ≈ 0.08–0.3)', () => {
    const test = placeShift(
      histogramOf([20, 35, 40, 12, 50, 31, 28, 45, 37, 25]),
      histogramOf([30, 45, 50, 22, 60, 41, 38, 55, 47, 35]),
    );
    expect(test?.significant).toBe(false);
    expect(test?.interval[0]).toBeLessThan(0);
    expect(test?.interval[1]).toBeGreaterThan(0);
  });

  it('agrees with a brute-force Hodges–Lehmann estimate and Moses interval on generated rounds', () => {
    const places = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 40 });
    fc.assert(
      fc.property(places, places, (now, before) => {
        const test = placeShift(histogramOf(now), histogramOf(before));
        const differences = now.flatMap((y) => before.map((x) => y - x)).sort((a, b) => a - b);
        const N = differences.length;
        const median =
          N % 2
            ? differences[(N - 1) / 2]
            : ((differences[N / 2 - 1] as number) + (differences[N / 2] as number)) / 2;
        // Mann–Whitney by mid-ranks of the pooled sample, tie-corrected variance.
        const pooled = [
          ...now.map((v) => ({ v, now: true })),
          ...before.map((v) => ({ v, now: false })),
        ].sort((a, b) => a.v - b.v);
        const rankOf = new Map<number, number>();
        for (let i = 0; i < pooled.length; ) {
          let j = i;
          while (j + 1 < pooled.length && pooled[j + 1]?.v === pooled[i]?.v) j++;
          rankOf.set(pooled[i]?.v as number, (i + j) / 2 + 1);
          i = j + 1;
        }
        const n = now.length;
        const m = before.length;
        const u = now.reduce((s, v) => s + (rankOf.get(v) as number), 0) - (n * (n + 1)) / 2;
        const ties = [...new Set(pooled.map((p) => p.v))].reduce((s, v) => {
          const t = pooled.filter((p) => p.v === v).length;
          return s + t ** 3 - t;
        }, 0);
        const sd = Math.sqrt(((n * m) / 12) * (n + m + 1 - ties / ((n + m) * (n + m - 1))));
        const p =
          sd === 0
            ? 1
            : Math.min(1, 2 * (1 - normalCdf(Math.max(0, (Math.abs(u - (n * m) / 2) - 0.5) / sd))));
        const k = Math.floor((n * m) / 2 - 1.959964 * sd);

        expect(test?.estimate).toBe(median);
        expect(test?.p).toBeCloseTo(p, 3);
        if (k >= 1) expect(test?.interval).toEqual([differences[k - 1], differences[N - k]]);
        expect(test?.significant).toBe(
          k >= 1 && ((test?.interval[0] ?? 0) > 0 || (test?.interval[1] ?? 0) < 0),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('holds its 95 % level: with no true change, at most about 5 % of simulated pairs of rounds read as one', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const round = (size: number) =>
      Array.from({ length: size }, () => Math.min(100, 1 + Math.floor(-30 * Math.log(1 - random()))));
    let significant = 0;
    const runs = 400;
    for (let i = 0; i < runs; i++)
      if (placeShift(histogramOf(round(30)), histogramOf(round(30)))?.significant) significant++;
    expect(significant / runs).toBeLessThan(0.08);
  });
});

describe('the change of the top-10 share', () => {
  it('reproduces Newcombe (1998) method 10 on his published examples', () => {
    expect(shareChange(56, 70, 48, 80)?.interval).toEqual([0.0524, 0.3339]);
    expect(shareChange(9, 10, 3, 10)?.interval).toEqual([0.1705, 0.809]);
    expect(shareChange(6, 7, 2, 7)?.interval).toEqual([0.0582, 0.8062]);
    expect(shareChange(5, 56, 0, 29)?.interval).toEqual([-0.0381, 0.1926]);
    expect(shareChange(5, 56, 0, 29)?.significant).toBe(false);
  });
});

describe('the change in words', () => {
  const base = { previousRoundId: 'rnd_a', responseRate: 0 };
  const test = (significant: boolean) => ({
    significant,
    test: 't',
    interval: [0, 0] as [number, number],
    p: 0,
  });

  it('says the direction and that it is beyond chance only where the test says so', () => {
    const up = { ...base, median: -16, significance: { median: test(true), top10Share: test(false) } };
    const noise = { ...base, median: -10, significance: { median: test(false), top10Share: test(false) } };

    expect(changeWords(up, 'en')).toBe('16 places higher, more than chance explains');
    expect(changeWords(up, 'sv')).toBe('16 platser högre, mer än slumpen förklarar');
    expect(changeWords(noise, 'en')).toBe('no clear change');
    expect(changeWords({ ...base, median: 3 }, 'en')).toBe('3 places lower');
  });
});

describe('rounding', () => {
  it('rounds half up as on paper, where binary floating point would round down', () => {
    expect(roundHalfUp(10.075, 2)).toBe(10.08);
    expect(roundHalfUp(0.575, 2)).toBe(0.58);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(1 / 3, 4)).toBe(0.3333);
  });

  it('agrees with exact decimal arithmetic on generated cents and a half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (thousandths) => {
        const value = Number(
          `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`,
        );
        const expected = Math.floor((thousandths + 5) / 10) / 100; // exact: integer arithmetic, half up
        expect(roundHalfUp(value, 2)).toBe(Number(expected.toFixed(2)));
      }),
    );
  });
});
