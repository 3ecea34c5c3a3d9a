import { forEachAnswer } from '../answers/each-answer.js';
import type { AnswerStore } from '../answers/ports.js';
import { DEFAULT_RANK_MAX } from '../rounds/round.js';
import { round3 } from '../rounds/round-view.js';
import type { PlaceSample } from './aggregate-round.js';
import { RankHistogram } from './rank-stats.js';
import { type Cell, cellKey } from './release-cells.js';
import type { RoundReport } from './round-report.js';
import { roundHalfUp } from './rounding.js';
import { Group } from './segment-figures.js';
import { type ChangeTest, placeShift, shareChange } from './significance.js';
import type { TrendPoint } from './trend.js';

/** A closed round's answers read again: the whole round's places, and each release cell's (counts only). */
export interface RoundSample {
  place: PlaceSample;
  cells: Cell<Group>[];
}

/** A closed round's places, read again from its answers: only counts per place and cell, whatever its size. */
export async function roundSampleOf(
  answers: AnswerStore,
  roundId: string,
  rankMax: number,
): Promise<RoundSample> {
  const histogram = new RankHistogram(rankMax);
  let dontKnow = 0;
  const cells = new Map<string, Cell<Group>>();
  await forEachAnswer(answers, roundId, (answer) => {
    if (typeof answer.rank === 'number' && answer.rank > rankMax) return;
    if (typeof answer.rank === 'number') histogram.add(answer.rank);
    else if (answer.rank === null) dontKnow++;
    const key = cellKey(answer.segments);
    const cell = cells.get(key) ?? { key, segments: answer.segments, tally: new Group(rankMax) };
    cell.tally.add(answer.rank);
    cells.set(key, cell);
  });
  return { place: { histogram, dontKnow }, cells: [...cells.values()] };
}

/** How many of a sample put the customer in the top 10. */
export const top10Count = (sample: PlaceSample) => {
  let count = 0;
  for (let place = 1; place <= Math.min(10, sample.histogram.rankMax); place++)
    count += sample.histogram.counts[place] ?? 0;
  return count;
};

/** Those who answered question 1 (a place or "don't know"): what the top-10 share is a share of. */
export const askedCount = (sample: PlaceSample) => sample.histogram.n + sample.dontKnow;

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
  const median = placeShift(current.histogram, before.histogram);
  const share = shareChange(top10Count(current), askedCount(current), top10Count(before), askedCount(before));
  return {
    ...base,
    median: report.rank.median - previous.median,
    top10Share: roundHalfUp(report.rank.top10Share - (previous.top10Share ?? 0), 2),
    ...(median && share ? { significance: { median, top10Share: share } } : {}),
  };
}

export type { ChangeTest };
