import type { BenchmarkStore, ReportStore } from '../../reports/ports.js';
import type { RoundReport } from '../../reports/round-report.js';
import { type TrendPoint, toTrendPoint } from '../../reports/trend.js';
import { copy } from './copy.js';

/** Reports, their comment samples and trend points, per organisation and round; a rerun replaces all three. */
export function createMemoryReportStore(): ReportStore {
  const reports = new Map<string, RoundReport>();
  const comments = new Map<string, RoundReport['comments']>();
  const trend = new Map<string, TrendPoint>();
  const id = (orgId: string, roundId: string) => `${orgId}#${roundId}`;
  return {
    async put(report, sample) {
      const key = id(report.orgId, report.roundId);
      comments.set(key, copy(sample));
      trend.set(key, toTrendPoint(report));
      reports.set(key, copy(report));
    },
    async get(orgId, roundId) {
      const report = reports.get(id(orgId, roundId));
      return report && copy(report);
    },
    async getComments(orgId, roundId) {
      const sample = comments.get(id(orgId, roundId));
      // A round whose sample held no comment at all wrote no chunk to the table either.
      return sample && Object.keys(sample).length > 0 ? copy(sample) : undefined;
    },
    async listTrend(orgId) {
      return [...trend]
        .filter(([key]) => key.startsWith(`${orgId}#`))
        .map(([, point]) => copy(point))
        .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    },
  };
}

/** Each organisation's latest median; an older round's median never replaces a newer one's. */
export function createMemoryBenchmarkStore(): BenchmarkStore {
  const medians = new Map<string, { median: number; closesAt: string }>();
  return {
    async record(orgId, median, closesAt) {
      const stored = medians.get(orgId);
      if (!stored || stored.closesAt <= closesAt) medians.set(orgId, { median, closesAt });
    },
    async all() {
      return new Map([...medians].map(([orgId, { median }]) => [orgId, median]));
    },
  };
}
