import type { Benchmark } from './trend.js';

/** No cross-organisation figure until this many organisations have a released median. */
export const MIN_BENCHMARK_ORGANISATIONS = 5;

/** Median of organisations' latest medians, and where this organisation stands; nothing about any single one. */
export function computeBenchmark(medians: Map<string, number>, orgId: string): Benchmark | null {
  if (medians.size < MIN_BENCHMARK_ORGANISATIONS) return null;
  const sorted = [...medians.values()].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const medianOfMedians =
    sorted.length % 2
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const own = medians.get(orgId);
  return {
    organisations: medians.size,
    medianOfMedians,
    ...(own !== undefined
      ? { percentile: Math.round((sorted.filter((m) => m >= own).length / sorted.length) * 100) }
      : {}),
  };
}
