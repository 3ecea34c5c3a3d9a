import reference from './data/sverigestudien-reference.json' with { type: 'json' };
import type { RoundReport } from './round-report.js';

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
  /** Change of the median place per year (negative: the customer moves up), from a least-squares line. */
  slopePerYear: number | null;
  goal: { place: number; text: string };
  reference: { source: string; series: { year: number; place: number }[]; elsewhere: string };
  benchmark: Benchmark | null;
}

const YEAR_MS = 365.25 * 86_400_000;

export function slopePerYear(points: { at: number; value: number }[]): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.at, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.value, 0) / points.length;
  const sxx = points.reduce((sum, p) => sum + (p.at - meanX) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = points.reduce((sum, p) => sum + (p.at - meanX) * (p.value - meanY), 0);
  return Math.round((sxy / sxx) * YEAR_MS * 100) / 100;
}

export const NATIONAL_REFERENCE = {
  source: 'Sverigestudien (Preera), published places of the customer among about 100 values',
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
    ...(report.values ? { measuredPlace: report.values.customerPlace.today } : {}),
  };
}

/** The trend across closed rounds; suppressed rounds show only their counts, and count for no slope. */
export function buildTrend(points: TrendPoint[], benchmark: Benchmark | null): TrendReport {
  const series = [...points].sort((x, y) => x.closesAt.localeCompare(y.closesAt));
  const released = series
    .filter((p) => p.median !== undefined)
    .map((p) => ({ at: Date.parse(p.closesAt), value: p.median as number }));
  return {
    series,
    slopePerYear: slopePerYear(released),
    goal: { place: 10, text: reference.goal },
    reference: NATIONAL_REFERENCE,
    benchmark,
  };
}
