import { ANSWER_SHARDS } from '../db/table.js';
import type { AnswerStore, BenchmarkStore, Clock, InvitationStore, ReportStore } from '../ports.js';
import { DEFAULT_RANK_MAX, type Round } from '../rounds/round.js';
import { countInvitations, round3 } from '../rounds/round-view.js';
import { RoundAggregator } from './aggregate-round.js';
import { changeSince, placeSampleOf } from './round-change.js';
import { type RoundReport, withCommentPage } from './round-report.js';

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
async function aggregate(deps: FigureDeps, round: Round): Promise<RoundAggregator> {
  const aggregator = new RoundAggregator(
    round.snapshot.rankMax,
    deps.random,
    round.snapshot.values?.values,
    round.snapshot.language,
    round.snapshot.customerTerm,
  );
  for (let shard = 0; shard < ANSWER_SHARDS; shard++) {
    let cursor: string | undefined;
    do {
      const page = await deps.answers.page(round.id, shard, cursor, PAGE);
      for (const answer of page.items) aggregator.add(answer);
      cursor = page.cursor;
    } while (cursor);
  }
  return aggregator;
}

async function reportOf(deps: FigureDeps, round: Round, aggregator: RoundAggregator): Promise<RoundReport> {
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
    rankMax: round.snapshot.rankMax,
    ...figures,
    computedAt: deps.clock.now().toISOString(),
  };
}

/** A round's figures from its answers (a read of an open round, and the close). */
export async function computeRoundReport(deps: FigureDeps, round: Round): Promise<RoundReport> {
  return reportOf(deps, round, await aggregate(deps, round));
}

/** Computes the figures of a closed round once and stores them; rerunning overwrites with the same figures. */
export async function storeRoundFigures(deps: FigureDeps, round: Round): Promise<RoundReport> {
  const aggregator = await aggregate(deps, round);
  const report = await reportOf(deps, round, aggregator);
  const earlier = (await deps.reports.listTrend(round.orgId)).filter(
    (r) => r.roundId !== round.id && r.closesAt < report.closesAt,
  );
  const previous = earlier.sort((a, b) => b.closesAt.localeCompare(a.closesAt))[0];
  const change = await changeSince(report, aggregator.placeSample(), previous, (point) =>
    placeSampleOf(deps.answers, point.roundId, point.rankMax ?? DEFAULT_RANK_MAX),
  );
  const stored = withCommentPage({ ...report, ...(change ? { change } : {}) });
  await deps.reports.put(stored, report.comments);
  // The benchmark compares organisations on lists of the default size only.
  if (!stored.suppressed && stored.rank && round.snapshot.rankMax === DEFAULT_RANK_MAX)
    await deps.benchmarks.record(round.orgId, stored.rank.median, stored.closesAt);
  return stored;
}
