import type { Organisation } from '../organisations/organisation.js';
import type { Benchmark } from './trend.js';

/** No cross-organisation figure until this many other organisations (the reader's own left out) meet the bar. */
export const MIN_BENCHMARK_ORGANISATIONS = 10;
/** A round counts only with at least this many answers… */
export const BENCHMARK_MIN_ANSWERS = 20;
/** …from an organisation verified and enrolled at least this long before the round closed. */
export const BENCHMARK_MIN_AGE_DAYS = 180;
/** Figures are given only to this many places (the median of medians) and quarters (the standing). */
const PLACE_STEP = 5;

/**
 * The bar a round's median must meet to join the benchmark. Age is what makes throwaway organisations useless:
 * a reader who enrols fakes to surround one real organisation must have enrolled, verified and run each of
 * them (20 answers a round) half a year before the round they want to read.
 */
export function countsInBenchmark(organisation: Organisation, round: { answered: number; closesAt: string }) {
  const ageDays = (Date.parse(round.closesAt) - Date.parse(organisation.createdAt)) / 86_400_000;
  return (
    organisation.verified && round.answered >= BENCHMARK_MIN_ANSWERS && ageDays >= BENCHMARK_MIN_AGE_DAYS
  );
}

/**
 * Where the other organisations' latest medians lie, coarsely: their median to the nearest 5 places, and the
 * quarter this organisation's median falls in among them. Nothing about any single one.
 */
export function computeBenchmark(medians: Map<string, number>, orgId: string): Benchmark | null {
  const others = [...medians].filter(([id]) => id !== orgId).map(([, median]) => median);
  if (others.length < MIN_BENCHMARK_ORGANISATIONS) return null;
  const sorted = others.sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const medianOfMedians =
    sorted.length % 2
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const own = medians.get(orgId);
  const share = own === undefined ? undefined : sorted.filter((m) => m >= own).length / sorted.length;
  return {
    organisations: sorted.length,
    medianOfMedians: Math.max(PLACE_STEP, Math.round(medianOfMedians / PLACE_STEP) * PLACE_STEP),
    ...(share !== undefined ? { percentile: Math.min(100, Math.max(25, Math.ceil(share * 4) * 25)) } : {}),
  };
}
