import type { StoredAnswer } from '../../../shared/answers/answer.js';
import { RoundAggregator } from '../../../shared/reports/aggregate-round.js';
import { SEGMENT_FIELDS } from '../../../shared/respondents/respondent.js';

/** One member of a random population for the property attacks: where they sit, and their place (null: don't know). */
export interface Member {
  department?: string;
  role?: string;
  site?: string;
  rank: number | null;
}

export const segmentsOf = (m: Member) =>
  Object.fromEntries(SEGMENT_FIELDS.filter((f) => m[f]).map((f) => [f, m[f]])) as StoredAnswer['segments'];

/** A round of these members' answers (places 1..30), aggregated as at close. */
export function aggregated(members: Member[]): RoundAggregator {
  const aggregator = new RoundAggregator(30, () => 0.5);
  for (const [i, m] of members.entries())
    aggregator.add({ roundId: 'r', answerKey: `a${i}`, rank: m.rank, texts: {}, segments: segmentsOf(m) });
  return aggregator;
}
