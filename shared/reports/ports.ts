/** Where closed rounds' reports and the benchmark's medians are kept; the DynamoDB adapters own the keys. */

import type { RoundReport } from './round-report.js';
import type { TrendPoint } from './trend.js';

export interface ReportStore {
  /** Stores the comment sample, the report and its small trend point. */
  put(report: RoundReport, comments: RoundReport['comments']): Promise<void>;
  get(orgId: string, roundId: string): Promise<RoundReport | undefined>;
  /** The whole comment sample of a closed round; undefined for reports stored before it was kept apart. */
  getComments(orgId: string, roundId: string): Promise<RoundReport['comments'] | undefined>;
  /** The trend points of every closed round (a few a year), oldest first: never the full reports. */
  listTrend(orgId: string): Promise<TrendPoint[]>;
}

/** Each organisation's latest released median, for the cross-organisation benchmark. */
export interface BenchmarkStore {
  record(orgId: string, median: number, closesAt: string): Promise<void>;
  all(): Promise<Map<string, number>>;
}
