import { ANSWER_SHARDS } from '../db/table.js';
import type { AnswerStore, BenchmarkStore, Clock, InvitationStore, ReportStore } from '../ports.js';
import type { Round } from '../rounds/round.js';
import { countInvitations, round3 } from '../rounds/round-view.js';
import { RoundAggregator } from './aggregate-round.js';
import { type RoundReport, withCommentPage } from './round-report.js';
import type { TrendPoint } from './trend.js';

export interface FigureDeps {
  invitations: InvitationStore;
  answers: AnswerStore;
  reports: ReportStore;
  benchmarks: BenchmarkStore;
  clock: Clock;
  random?: () => number;
}

const PAGE = 1000;

/** Streams every answer of the round through the aggregator, shard by shard, page by page. */
export async function computeRoundReport(deps: FigureDeps, round: Round): Promise<RoundReport> {
  const aggregator = new RoundAggregator(
    round.snapshot.rankMax,
    deps.random,
    round.snapshot.values?.values,
    round.snapshot.language,
  );
  for (let shard = 0; shard < ANSWER_SHARDS; shard++) {
    let cursor: string | undefined;
    do {
      const page = await deps.answers.page(round.id, shard, cursor, PAGE);
      for (const answer of page.items) aggregator.add(answer);
      cursor = page.cursor;
    } while (cursor);
  }
  const counts = await countInvitations(deps.invitations, round);
  const figures = aggregator.figures(round.snapshot.anonymityThreshold, round.snapshot.commentThreshold);
  const invited = Math.max(counts.invited, figures.answered);
  const closed = Boolean(round.closedAt) || deps.clock.now().toISOString() >= round.closesAt;
  return {
    roundId: round.id,
    orgId: round.orgId,
    opensAt: round.opensAt,
    closesAt: round.closedAt ?? round.closesAt,
    status: closed ? 'closed' : 'open',
    invited,
    responseRate: invited === 0 ? 0 : round3(figures.answered / invited),
    anonymityThreshold: round.snapshot.anonymityThreshold,
    commentThreshold: round.snapshot.commentThreshold,
    language: round.snapshot.language,
    customerTerm: round.snapshot.customerTerm,
    ...figures,
    computedAt: deps.clock.now().toISOString(),
  };
}

/** The change since the organisation's previous closed round, where both rounds' figures are released. */
function changeSince(report: RoundReport, previous: TrendPoint | undefined): RoundReport['change'] {
  if (!previous) return undefined;
  const both = !report.suppressed && !previous.suppressed && report.rank && previous.median !== undefined;
  return {
    previousRoundId: previous.roundId,
    responseRate: round3(report.responseRate - previous.responseRate),
    ...(both && report.rank && previous.median !== undefined
      ? {
          median: report.rank.median - previous.median,
          top10Share: Math.round((report.rank.top10Share - (previous.top10Share ?? 0)) * 100) / 100,
        }
      : {}),
  };
}

/** Computes the figures of a closed round once and stores them; rerunning overwrites with the same figures. */
export async function storeRoundFigures(deps: FigureDeps, round: Round): Promise<RoundReport> {
  const report = await computeRoundReport(deps, round);
  const earlier = (await deps.reports.listTrend(round.orgId)).filter(
    (r) => r.roundId !== round.id && r.closesAt < report.closesAt,
  );
  const previous = earlier.sort((a, b) => b.closesAt.localeCompare(a.closesAt))[0];
  const change = changeSince(report, previous);
  const stored = withCommentPage({ ...report, ...(change ? { change } : {}) });
  await deps.reports.put(stored, report.comments);
  if (!stored.suppressed && stored.rank)
    await deps.benchmarks.record(round.orgId, stored.rank.median, stored.closesAt);
  return stored;
}
