import type { ActionStore } from '../actions/ports.js';
import { forEachAnswer } from '../answers/each-answer.js';
import type { AnswerStore } from '../answers/ports.js';
import { answeredByCodeFigure, countAnsweredByCode } from '../codes/answered-by-code.js';
import type { Clock } from '../common-ports.js';
import type { OrganisationStore } from '../organisations/ports.js';
import type { InvitationStore } from '../rounds/ports.js';
import { DEFAULT_RANK_MAX, type Round } from '../rounds/round.js';
import { round3, tallyInvitations } from '../rounds/round-view.js';
import { actionsBesideChange } from './actions-beside-change.js';
import { RoundAggregator } from './aggregate-round.js';
import { countsInBenchmark } from './benchmark.js';
import { buildHeatmap } from './heatmap.js';
import { segmentTurnout } from './participation.js';
import type { BenchmarkStore, ReportStore } from './ports.js';
import { changeSince, type RoundSample, roundSampleOf } from './round-change.js';
import { type RoundReport, withCommentPage } from './round-report.js';

export interface FigureDeps {
  organisations: OrganisationStore;
  invitations: InvitationStore;
  answers: AnswerStore;
  reports: ReportStore;
  benchmarks: BenchmarkStore;
  actions: ActionStore;
  clock: Clock;
  random?: () => number;
}

/**
 * A closed round's figures: 1. stream every answer through the aggregator, page by page
 * 2. tally invitations per cell for participation  3. find the previous closed round for the change
 * 4. build the heatmap from the released figures only  5. set the previous round's actions beside the change in
 * their segments (the previous round's answers are read again once, for both changes, and only when needed).
 */
export async function computeRoundReport(deps: FigureDeps, round: Round): Promise<RoundReport> {
  const aggregator = new RoundAggregator(
    round.snapshot.rankMax,
    deps.random,
    round.snapshot.values?.values,
    round.snapshot.language,
    round.snapshot.customerTerm,
  );
  await forEachAnswer(deps.answers, round.id, (answer) => aggregator.add(answer));
  const k = round.snapshot.anonymityThreshold;
  const { counts, cells } = await tallyInvitations(deps.invitations, round);
  const figures = aggregator.figures(k, round.snapshot.commentThreshold, round.progress.segmentValues);
  const invited = Math.max(counts.invited, figures.answered);
  const byCode = answeredByCodeFigure(
    await countAnsweredByCode(deps.invitations, round),
    { invited, answered: figures.answered },
    k,
  );
  const closesAt = round.closedAt ?? round.closesAt;
  const previousPoint = (await deps.reports.listTrend(round.orgId))
    .filter((r) => r.roundId !== round.id && r.closesAt < closesAt)
    .sort((a, b) => b.closesAt.localeCompare(a.closesAt))[0];
  const previous = previousPoint ? await deps.reports.get(round.orgId, previousPoint.roundId) : undefined;
  const turnout = segmentTurnout(cells.values(), k, {
    invited: round.erasedInvitations ?? 0,
    answered: round.erasedAnswered ?? 0,
  });
  const report: RoundReport = {
    roundId: round.id,
    orgId: round.orgId,
    opensAt: round.opensAt,
    closesAt,
    status: 'closed',
    invited,
    responseRate: invited === 0 ? 0 : round3(figures.answered / invited),
    anonymityThreshold: k,
    commentThreshold: round.snapshot.commentThreshold,
    language: round.snapshot.language,
    customerTerm: round.snapshot.customerTerm,
    rankMax: round.snapshot.rankMax,
    ...figures,
    heatmap:
      figures.answered < k
        ? null
        : buildHeatmap(figures.segments, figures.withheld, turnout, previous?.segments),
    ...(byCode.answeredByCode !== undefined ? { answeredByCode: byCode.answeredByCode } : {}),
    withheld: {
      ...figures.withheld,
      ...byCode.withheld,
      ...(figures.answered < k ? { heatmap: 'below-threshold' as const } : {}),
    },
    computedAt: deps.clock.now().toISOString(),
  };
  let previousSample: Promise<RoundSample> | undefined;
  const readPrevious = (point: { roundId: string; rankMax?: number }) => {
    previousSample ??= roundSampleOf(deps.answers, point.roundId, point.rankMax ?? DEFAULT_RANK_MAX);
    return previousSample;
  };
  const change = await changeSince(
    report,
    aggregator.placeSample(),
    previousPoint,
    async (point) => (await readPrevious(point)).place,
  );
  const withChange = change ? { ...report, change } : report;
  if (!previousPoint) return withChange;
  const recorded = await deps.actions.listForRound(round.orgId, previousPoint.roundId);
  if (recorded.length === 0) return withChange;
  const actions = await actionsBesideChange(
    recorded,
    { report: withChange, cells: async () => aggregator.cellGroups() },
    previous && {
      report: previous,
      cells: async () => (await readPrevious(previousPoint)).cells,
    },
  );
  return { ...withChange, actions };
}

/**
 * Computes the figures of a closed round once and stores them; rerunning overwrites with the same figures.
 * The round's median joins the cross-organisation benchmark only where the organisation meets its bar.
 */
export async function storeRoundFigures(deps: FigureDeps, round: Round): Promise<RoundReport> {
  const report = await computeRoundReport(deps, round);
  const stored = withCommentPage(report);
  await deps.reports.put(stored, report.comments);
  const organisation = await deps.organisations.get(round.orgId);
  // The benchmark compares organisations on lists of the default size only.
  const defaultSize = round.snapshot.rankMax === DEFAULT_RANK_MAX;
  if (stored.rank && organisation && defaultSize && countsInBenchmark(organisation, stored))
    await deps.benchmarks.record(round.orgId, stored.rank.median, stored.closesAt);
  return stored;
}
