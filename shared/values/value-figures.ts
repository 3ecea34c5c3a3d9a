import type { Value } from './value-list.js';

export interface RankedValue {
  id: string;
  sv: string;
  en: string;
  votes: number;
  /** Competition ranking ("1224"): values with equal votes share the best place among them. */
  rank: number;
  customer: boolean;
  limiting: boolean;
}

export interface ValueFigures {
  respondents: number;
  today: RankedValue[];
  wishedFor: RankedValue[];
  /** The best place of any customer-related value: the customer's measured place. */
  customerPlace: { today: number | null; wishedFor: number | null };
  /** Perceived median place (question 1) minus the measured place today: positive means staff think it worse. */
  perceivedMinusMeasured: number | null;
  /** Barrett's cultural entropy: the share of all votes cast for potentially limiting values. */
  entropy: { today: number | null; wishedFor: number | null };
  biggestGaps: { id: string; sv: string; en: string; today: number; wishedFor: number; gap: number }[];
}

/**
 * Ranks values by votes. The tie rule, the same everywhere: equal votes share the best place (1, 2, 2, 4), and
 * within a tie values keep the order of the list, so the output is stable.
 */
export function rankValues(values: Value[], votes: Map<string, number>): RankedValue[] {
  const withVotes = values.map((value, order) => ({ value, order, votes: votes.get(value.id) ?? 0 }));
  withVotes.sort((a, b) => b.votes - a.votes || a.order - b.order);
  let rank = 0;
  return withVotes.map((entry, index) => {
    if (index === 0 || entry.votes !== withVotes[index - 1]?.votes) rank = index + 1;
    const { id, sv, en, customer, limiting } = entry.value;
    return { id, sv, en, votes: entry.votes, rank, customer, limiting };
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function customerPlace(ranked: RankedValue[]): number | null {
  const places = ranked.filter((v) => v.customer && v.votes > 0).map((v) => v.rank);
  return places.length ? Math.min(...places) : null;
}

function entropy(ranked: RankedValue[]): number | null {
  const total = ranked.reduce((sum, v) => sum + v.votes, 0);
  if (total === 0) return null;
  return round3(ranked.filter((v) => v.limiting).reduce((sum, v) => sum + v.votes, 0) / total);
}

export function valueFigures(
  values: Value[],
  today: Map<string, number>,
  wished: Map<string, number>,
  respondents: number,
  perceivedMedian: number | undefined,
): ValueFigures {
  const rankedToday = rankValues(values, today);
  const rankedWished = rankValues(values, wished);
  const placeToday = customerPlace(rankedToday);
  const gaps = values
    .map((v) => ({
      id: v.id,
      sv: v.sv,
      en: v.en,
      today: today.get(v.id) ?? 0,
      wishedFor: wished.get(v.id) ?? 0,
    }))
    .map((v) => ({ ...v, gap: v.wishedFor - v.today }))
    .filter((v) => v.gap !== 0)
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.id.localeCompare(b.id))
    .slice(0, 10);
  return {
    respondents,
    today: rankedToday,
    wishedFor: rankedWished,
    customerPlace: { today: placeToday, wishedFor: customerPlace(rankedWished) },
    perceivedMinusMeasured:
      perceivedMedian !== undefined && placeToday !== null ? perceivedMedian - placeToday : null,
    entropy: { today: entropy(rankedToday), wishedFor: entropy(rankedWished) },
    biggestGaps: gaps,
  };
}
