import { notFound } from '../errors.js';
import type { RoundStore } from '../rounds/ports.js';
import { isOpen, type Round } from '../rounds/round.js';
import { countInvitations } from '../rounds/round-view.js';
import { computeBenchmark } from './benchmark.js';
import { type RoundReport, withCommentPage } from './round-report.js';
import { computeRoundReport, type FigureDeps } from './store-round-figures.js';
import { buildTrend, type TrendReport } from './trend.js';
import type { Withheld } from './withheld.js';

interface ReadDeps extends FigureDeps {
  rounds: RoundStore;
}

/** What an open round releases besides its counts: nothing, each for the same reason. */
const WHILE_OPEN: Withheld = {
  rank: 'round-open',
  dontKnowShare: 'round-open',
  segments: 'round-open',
  comments: 'round-open',
  themes: 'round-open',
  ideas: 'round-open',
  actions: 'round-open',
  heatmap: 'round-open',
  values: 'round-open',
};

/**
 * While a round is open its report is its counts only: invited, answered, response rate. Any figure of the
 * answers read twice around one person's answer would show that answer, so results wait for the close.
 */
async function openRoundReport(deps: ReadDeps, round: Round): Promise<RoundReport> {
  const counts = await countInvitations(deps.invitations, round);
  return {
    roundId: round.id,
    orgId: round.orgId,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    status: 'open',
    invited: counts.invited,
    answered: counts.answered,
    responseRate: counts.responseRate,
    anonymityThreshold: round.snapshot.anonymityThreshold,
    commentThreshold: round.snapshot.commentThreshold,
    language: round.snapshot.language,
    customerTerm: round.snapshot.customerTerm,
    suppressed: true,
    rank: null,
    dontKnowShare: null,
    segments: { department: [], role: [], site: [] },
    comments: {},
    commentsSuppressed: [],
    themes: [],
    ideas: [],
    heatmap: null,
    withheld: WHILE_OPEN,
    computedAt: deps.clock.now().toISOString(),
  };
}

async function roundOf(deps: ReadDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  return round;
}

/**
 * A round's report: the stored figures once the tick has computed them (a read costs the same for any size);
 * counts only while the round is open; for a closed round the tick has not reached yet, the same figures the
 * tick will store.
 */
export async function readRoundReport(deps: ReadDeps, orgId: string, roundId: string): Promise<RoundReport> {
  const stored = await deps.reports.get(orgId, roundId);
  if (stored) return withCommentPage(stored);
  const round = await roundOf(deps, orgId, roundId);
  if (isOpen(round, deps.clock.now())) return openRoundReport(deps, round);
  return withCommentPage(await computeRoundReport(deps, round));
}

/** Every comment of a round's sample (up to 100 a question), stored apart at close; none while open. */
export async function readRoundComments(
  deps: ReadDeps,
  orgId: string,
  roundId: string,
): Promise<{ comments: RoundReport['comments']; withheld: Withheld }> {
  const [comments, stored] = await Promise.all([
    deps.reports.getComments(orgId, roundId),
    deps.reports.get(orgId, roundId),
  ]);
  // A report stored before comments were kept apart holds its whole sample itself.
  if (stored) return { comments: comments ?? stored.comments, withheld: commentsWithheld(stored) };
  const round = await roundOf(deps, orgId, roundId);
  if (isOpen(round, deps.clock.now())) return { comments: {}, withheld: { comments: 'round-open' } };
  const report = await computeRoundReport(deps, round);
  return { comments: report.comments, withheld: commentsWithheld(report) };
}

function commentsWithheld(report: RoundReport | undefined): Withheld {
  return Object.fromEntries(
    Object.entries(report?.withheld ?? {}).filter(
      ([figure]) => figure === 'comments' || figure.startsWith('comments.'),
    ),
  );
}

export async function readTrend(deps: ReadDeps, orgId: string): Promise<TrendReport> {
  const [points, medians, org] = await Promise.all([
    deps.reports.listTrend(orgId),
    deps.benchmarks.all(),
    deps.organisations.get(orgId),
  ]);
  return buildTrend(points, computeBenchmark(medians, orgId), org?.goal);
}
