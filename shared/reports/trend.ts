import { DEFAULT_RANK_MAX } from '../rounds/round.js';
import { MEASURED_PLACE_METHOD } from '../values/measured-place.js';
import reference from './data/sverigestudien-reference.json' with { type: 'json' };
import { type GoalProjection, projectGoal } from './goal-projection.js';
import type { RoundReport } from './round-report.js';
import { roundHalfUp } from './rounding.js';
import { theilSen } from './theil-sen.js';

export interface TrendPoint {
  roundId: string;
  closesAt: string;
  invited: number;
  answered: number;
  responseRate: number;
  suppressed: boolean;
  median?: number;
  ci95?: [number, number] | null;
  top10Share?: number;
  dontKnowShare?: number;
  /** The customer's measured place (values selection), where released. */
  measuredPlace?: number | null;
  /** The measured place's method (absent: 1, the best place of any customer value): never mix versions. */
  measuredPlaceMethod?: number;
  /** The size of the round's value list: places on lists of different sizes are not compared. Absent: 100. */
  rankMax?: number;
}

/** Other organisations only (never the reader's own), each verified, old enough and with enough answers. */
export interface Benchmark {
  organisations: number;
  /** The other organisations' median of medians, to the nearest 5 places. */
  medianOfMedians: number;
  /** Share of the others whose median is the same as or worse than this one's, in quarters (25, 50, 75, 100). */
  percentile?: number;
}

export interface TrendReport {
  series: TrendPoint[];
  /** Change of the median place per year (negative: the customer moves up): Theil–Sen; null below 3 rounds. */
  slopePerYear: number | null;
  /** The slope's 95 % interval (Sen 1968); a null bound is unbounded. Null with the slope. */
  slopeInterval: [number | null, number | null] | null;
  /** Which rounds the slope rests on: released medians on lists of the latest round's size. */
  slopeRounds: number;
  /** The measured place's method version the series' `measuredPlace` values come from, per point. */
  measuredPlaceMethod: number;
  goal: { place: number; by?: string; text: string; projection: GoalProjection };
  reference: {
    source: string;
    caveat: string;
    /** False when this organisation's list is not of the default size: the line is then not comparable. */
    comparable: boolean;
    series: { year: number; place: number }[];
    elsewhere: string;
  };
  benchmark: Benchmark | null;
}

export const YEAR_MS = 365.25 * 86_400_000;
/** A trend needs this many released rounds: two points always make a line, three start to say something. */
export const MIN_TREND_ROUNDS = 3;

/** The organisation's goal as set (`by` absent: ten years after the first round). */
export interface GoalSetting {
  place: number;
  by?: string;
}
export const DEFAULT_GOAL_PLACE = 10;

/** Theil–Sen slope of the medians per year, with Sen's interval; null below MIN_TREND_ROUNDS points. */
export function slopePerYear(points: { at: number; value: number }[]) {
  if (points.length < MIN_TREND_ROUNDS) return null;
  const fit = theilSen(points.map((p) => ({ x: p.at / YEAR_MS, y: p.value })));
  if (!fit) return null;
  const r = (x: number | null) => (x === null ? null : roundHalfUp(x, 2));
  return {
    ...fit,
    slope: roundHalfUp(fit.slope, 2),
    interval: [r(fit.interval[0]), r(fit.interval[1])] as [number | null, number | null],
  };
}

/**
 * The national reference: one series, the published places by year (the same line in the API, the CSV and the
 * mail's chart), with the caveat that it is a national panel with its own method.
 */
export const NATIONAL_REFERENCE = {
  source: 'Sverigestudien (Preera), published places of the customer among about 100 values',
  caveat:
    'A national panel (about 2,000 people) with its own method (Barrett, 10 picks): a backdrop, not a benchmark.',
  series: reference.series
    .filter((p) => p.year !== null)
    .map((p) => ({ year: p.year as number, place: p.today })),
  elsewhere: reference.elsewhere,
};

/** A closed round's point on the trend: small, stored beside the report so a trend read never loads comments. */
export function toTrendPoint(report: RoundReport): TrendPoint {
  return {
    roundId: report.roundId,
    closesAt: report.closesAt,
    invited: report.invited,
    answered: report.answered,
    responseRate: report.responseRate,
    suppressed: report.suppressed,
    ...(report.rank && !report.suppressed
      ? {
          median: report.rank.median,
          ci95: report.rank.ci95,
          top10Share: report.rank.top10Share,
          dontKnowShare: report.rank.dontKnowShare,
        }
      : {}),
    ...(report.values
      ? {
          measuredPlace: report.values.customerPlace.today,
          measuredPlaceMethod: report.values.customerPlace.method,
        }
      : {}),
    rankMax: report.rankMax ?? DEFAULT_RANK_MAX,
  };
}

/**
 * The trend across closed rounds; suppressed rounds show only their counts and count for no slope. The slope
 * and the goal use only rounds on lists of the latest round's size; the national line applies to the default.
 */
export function buildTrend(
  points: TrendPoint[],
  benchmark: Benchmark | null,
  goal: GoalSetting = { place: DEFAULT_GOAL_PLACE },
): TrendReport {
  // Points stored before the method had a version used method 1 (the best place): say so on each.
  const series = [...points]
    .sort((x, y) => x.closesAt.localeCompare(y.closesAt))
    .map((p) =>
      p.measuredPlace !== undefined && p.measuredPlaceMethod === undefined
        ? { ...p, measuredPlaceMethod: 1 }
        : p,
    );
  const size = series.at(-1)?.rankMax ?? DEFAULT_RANK_MAX;
  const released = series
    .filter((p) => p.median !== undefined && (p.rankMax ?? DEFAULT_RANK_MAX) === size)
    .map((p) => ({ at: Date.parse(p.closesAt), value: p.median as number }));
  const fit = slopePerYear(released);
  const by = goal.by ?? defaultGoalDate(series[0]?.closesAt);
  return {
    series,
    slopePerYear: fit?.slope ?? null,
    slopeInterval: fit?.interval ?? null,
    slopeRounds: released.length,
    measuredPlaceMethod: MEASURED_PLACE_METHOD,
    goal: {
      place: goal.place,
      ...(by ? { by } : {}),
      text: reference.goal,
      projection: projectGoal(released, fit, goal.place, by ?? null),
    },
    reference: { ...NATIONAL_REFERENCE, comparable: size === DEFAULT_RANK_MAX },
    benchmark: size === DEFAULT_RANK_MAX ? benchmark : null,
  };
}

/** Ten years after the first round closed, as a date. */
function defaultGoalDate(firstClose: string | undefined): string | undefined {
  if (!firstClose) return undefined;
  const date = new Date(firstClose);
  date.setUTCFullYear(date.getUTCFullYear() + 10);
  return date.toISOString().slice(0, 10);
}
