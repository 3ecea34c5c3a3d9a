import { notFound } from '../errors.js';
import type { OrganisationStore, RoundStore } from '../ports.js';
import { computeBenchmark } from './benchmark.js';
import { type RoundReport, withCommentPage } from './round-report.js';
import { computeRoundReport, type FigureDeps } from './store-round-figures.js';
import { buildTrend, type TrendReport } from './trend.js';

interface ReadDeps extends FigureDeps {
  rounds: RoundStore;
  organisations: Pick<OrganisationStore, 'get'>;
}

/**
 * A round's report: the stored figures once the round is closed (a read costs the same for any size), or
 * computed live from its answers while it is still open.
 */
export async function readRoundReport(deps: ReadDeps, orgId: string, roundId: string): Promise<RoundReport> {
  const stored = await deps.reports.get(orgId, roundId);
  if (stored) return withCommentPage(stored);
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  return withCommentPage(await computeRoundReport(deps, round));
}

/** Every comment of a round's sample (up to 100 a question), stored apart at close or computed live. */
export async function readRoundComments(
  deps: ReadDeps,
  orgId: string,
  roundId: string,
): Promise<RoundReport['comments']> {
  const comments = await deps.reports.getComments(orgId, roundId);
  if (comments) return comments;
  // A report stored before comments were kept apart holds its whole sample itself.
  const stored = await deps.reports.get(orgId, roundId);
  if (stored) return stored.comments;
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  return (await computeRoundReport(deps, round)).comments;
}

export async function readTrend(deps: ReadDeps, orgId: string): Promise<TrendReport> {
  const [points, medians, org] = await Promise.all([
    deps.reports.listTrend(orgId),
    deps.benchmarks.all(),
    deps.organisations.get(orgId),
  ]);
  return buildTrend(points, computeBenchmark(medians, orgId), org?.goal);
}
