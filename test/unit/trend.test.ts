import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectGoal } from '../../shared/reports/goal-projection.js';
import { kendallCritical, theilSen } from '../../shared/reports/theil-sen.js';
import { buildTrend, type TrendPoint, YEAR_MS } from '../../shared/reports/trend.js';

/** Kendall's S of (x, y) for every ordering of y: the exact null distribution, by enumeration. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
const kendallS = (ys: number[]) => {
  let s = 0;
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) s += Math.sign((ys[j] as number) - (ys[i] as number));
  return s;
};

describe("Theil–Sen with Sen's interval", () => {
  it("matches SciPy's theilslopes on a fixed series", () => {
    const t = [2020, 2020.5, 2021, 2021.5, 2022, 2022.5];
    const y = [55, 50, 48, 41, 40, 33];
    const fit = theilSen(t.map((x, i) => ({ x, y: y[i] as number })));
    // scipy.stats.theilslopes(y, t): slope -8.5, (low, high) = (-14, -4).
    expect(fit?.slope).toBe(-8.5);
    expect(fit?.interval).toEqual([-14, -4]);
  });

  it("takes the critical value of Kendall's S from its exact distribution (checked by enumeration)", () => {
    for (const n of [3, 4, 5, 6, 7]) {
      const all = permutations(Array.from({ length: n }, (_, i) => i)).map(kendallS);
      const pTwoSided = (c: number) => all.filter((s) => Math.abs(s) >= c).length / all.length;
      const c = kendallCritical(n, 0.05);
      if (c === null) expect(pTwoSided((n * (n - 1)) / 2)).toBeGreaterThan(0.05);
      else {
        expect(pTwoSided(c)).toBeLessThanOrEqual(0.05);
        expect(pTwoSided(c - 2)).toBeGreaterThan(0.05);
      }
    }
  });

  it("gives the interval of slopes that Kendall's exact test does not reject (test inversion by brute force)", () => {
    const series = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 7 });
    fc.assert(
      fc.property(series, (ys) => {
        const points = ys.map((y, i) => ({ x: i / 2, y }));
        const fit = theilSen(points);
        const all = permutations(ys.map((_, i) => i)).map(kendallS);
        const accepted = (b: number) => {
          const s = kendallS(points.map((p) => p.y - b * p.x));
          return all.filter((t) => Math.abs(t) >= Math.abs(s)).length / all.length > 0.05;
        };
        const [low, high] = fit?.interval ?? [null, null];
        // Just inside each bound the slope is accepted, just outside it is rejected.
        if (low !== null && high !== null && low < high) {
          expect(accepted(low + 1e-7)).toBe(true);
          expect(accepted(high - 1e-7)).toBe(true);
          expect(accepted(low - 1e-7)).toBe(false);
          expect(accepted(high + 1e-7)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});

const point = (closesAt: string, median: number, extra: Partial<TrendPoint> = {}): TrendPoint => ({
  roundId: `rnd_${closesAt}`,
  closesAt: `${closesAt}T12:00:00.000Z`,
  invited: 50,
  answered: 40,
  responseRate: 0.8,
  suppressed: false,
  median,
  ...extra,
});

describe('the trend and the goal', () => {
  it('gives no slope and "too few rounds" below three released rounds', () => {
    const trend = buildTrend([point('2027-05-01', 50), point('2027-11-01', 40)], null);
    expect(trend.slopePerYear).toBeNull();
    expect(trend.goal).toMatchObject({
      place: 10,
      by: '2037-05-01',
      projection: { status: 'too-few-rounds', year: null },
    });
  });

  it('says "no clear trend" while the slope\'s interval includes no change (always, with 3 or 4 rounds)', () => {
    const trend = buildTrend(
      [point('2027-05-01', 50), point('2027-11-01', 45), point('2028-05-01', 40)],
      null,
    );
    expect(trend.slopePerYear).toBeCloseTo(-10, 0);
    expect(trend.slopeInterval).toEqual([null, null]);
    expect(trend.goal.projection).toEqual({ year: null, band: null, status: 'no-clear-trend' });
  });

  it('projects the year the median reaches the goal place, with its band, and on track against the date', () => {
    const medians = [50, 46, 41, 38, 33, 29, 26];
    const points = medians.map((m, i) => point(`${2027 + Math.floor(i / 2)}-${i % 2 ? '11' : '05'}-01`, m));
    const trend = buildTrend(points, null, { place: 10, by: '2034-12-31' });
    const late = buildTrend(points, null, { place: 10, by: '2029-12-31' });
    // Independent: about -8 places a year from 26 in late 2030 reaches 10 about two years later.
    const slope = trend.slopePerYear as number;

    expect(slope).toBeLessThan(-7);
    expect(slope).toBeGreaterThan(-9);
    expect(trend.goal.projection.year).toBe(2032);
    expect(trend.goal.projection.status).toBe('on-track');
    const [from, to] = trend.goal.projection.band as [number, number];
    expect(from).toBeLessThanOrEqual(2032);
    expect(to).toBeGreaterThanOrEqual(2032);
    expect(late.goal.projection.status).toBe('not-on-track');
  });

  it('never reaches the goal on a trend away from it', () => {
    const at = (i: number) => Date.parse(`${2027 + i}-05-01`);
    const points = [40, 44, 47, 52, 55].map((value, i) => ({ at: at(i), value }));
    const fit = theilSen(points.map((p) => ({ x: p.at / YEAR_MS, y: p.value })));
    expect(projectGoal(points, fit, 10, '2037-05-01')).toEqual({
      year: null,
      band: null,
      status: 'not-on-track',
    });
  });

  it('marks measured places of the old method with its version, never mixing them silently', () => {
    const trend = buildTrend(
      [
        point('2027-05-01', 50, { measuredPlace: 6 }),
        point('2027-11-01', 45, { measuredPlace: 48.5, measuredPlaceMethod: 2 }),
      ],
      null,
    );
    expect(trend.series.map((p) => p.measuredPlaceMethod)).toEqual([1, 2]);
    expect(trend.measuredPlaceMethod).toBe(2);
  });

  it('fits only rounds on lists of the latest size, and shows the national line and benchmark only for 100', () => {
    const trend = buildTrend(
      [
        point('2027-05-01', 90, { rankMax: 150 }),
        point('2027-11-01', 40),
        point('2028-05-01', 38),
        point('2028-11-01', 35),
      ],
      { organisations: 12, medianOfMedians: 45 },
    );
    const custom = buildTrend([point('2027-05-01', 90, { rankMax: 150 })], {
      organisations: 12,
      medianOfMedians: 45,
    });

    expect(trend.slopeRounds).toBe(3);
    expect(trend.reference.comparable).toBe(true);
    expect(custom.reference.comparable).toBe(false);
    expect(custom.benchmark).toBeNull();
  });
});
