import type { AnswerStore } from '../answers/ports.js';
import { ANSWER_SHARDS } from '../db/table.js';
import { DEFAULT_RANK_MAX } from '../rounds/round.js';
import { round3 } from '../rounds/round-view.js';
import type { PlaceSample } from './aggregate-round.js';
import { RankHistogram } from './rank-stats.js';
import type { RoundReport } from './round-report.js';
import { roundHalfUp } from './rounding.js';
import { type ChangeTest, placeShift, shareChange } from './significance.js';
import type { TrendPoint } from './trend.js';

const PAGE = 1000;

/** A closed round's places, read again from its answers: only counts per place, whatever the round's size. */
export async function placeSampleOf(
  answers: AnswerStore,
  roundId: string,
  rankMax: number,
): Promise<PlaceSample> {
  const histogram = new RankHistogram(rankMax);
  let dontKnow = 0;
  for (let shard = 0; shard < ANSWER_SHARDS; shard++) {
    let cursor: string | undefined;
    do {
      const page = await answers.page(roundId, shard, cursor, PAGE);
      for (const answer of page.items) {
        if (typeof answer.rank === 'number' && answer.rank <= rankMax) histogram.add(answer.rank);
        else if (answer.rank === null) dontKnow++;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { histogram, dontKnow };
}

const top10 = (sample: PlaceSample) => {
  let count = 0;
  for (let place = 1; place <= Math.min(10, sample.histogram.rankMax); place++)
    count += sample.histogram.counts[place] ?? 0;
  return count;
};

/**
 * The change since the previous closed round, where both rounds' figures are released and on lists of the same
 * size: the medians' difference, whether it is beyond chance (Mann–Whitney with the Hodges–Lehmann interval),
 * and the top-10 share's (Newcombe's interval). `previousSample` is read only when a change is computed.
 */
export async function changeSince(
  report: RoundReport,
  current: PlaceSample,
  previous: TrendPoint | undefined,
  readPrevious: (point: TrendPoint) => Promise<PlaceSample>,
): Promise<RoundReport['change']> {
  if (!previous) return undefined;
  const base = {
    previousRoundId: previous.roundId,
    responseRate: round3(report.responseRate - previous.responseRate),
  };
  const released = !report.suppressed && !previous.suppressed && report.rank && previous.median !== undefined;
  if (!released || !report.rank || previous.median === undefined) return base;
  const size = report.rankMax ?? DEFAULT_RANK_MAX;
  const previousSize = previous.rankMax ?? DEFAULT_RANK_MAX;
  if (size !== previousSize)
    return { ...base, notComparable: `The value lists differ in size (${previousSize} and ${size} places)` };
  const before = await readPrevious(previous);
  const asked = (s: PlaceSample) => s.histogram.n + s.dontKnow;
  const median = placeShift(current.histogram, before.histogram);
  const share = shareChange(top10(current), asked(current), top10(before), asked(before));
  return {
    ...base,
    median: report.rank.median - previous.median,
    top10Share: roundHalfUp(report.rank.top10Share - (previous.top10Share ?? 0), 2),
    ...(median && share ? { significance: { median, top10Share: share } } : {}),
  };
}

export type { ChangeTest };
