import { roundHalfUp } from '../reports/rounding.js';
import { MEASURED_PLACE_METHOD, measuredPlace } from './measured-place.js';
import type { Value } from './value-list.js';
import type { PickTally, ValueTally } from './value-tally.js';

export interface RankedValue {
  id: string;
  sv: string;
  en: string;
  /** How many people picked it. */
  votes: number;
  /** Its share of all weighted votes (each person's picks share one vote); shares sum to 1. */
  share: number;
  /** Competition ranking by weighted votes ("1224"): equal weights share the best place among them. */
  rank: number;
  customer: boolean;
  limiting: boolean;
}

type Pair<T> = { today: T; wishedFor: T };

export interface ValueFigures {
  respondents: number;
  /** People who picked at least one value, per list: what the figures of that list rest on. */
  basis: Pair<number>;
  today: RankedValue[];
  wishedFor: RankedValue[];
  /**
   * The customer's measured place (the customer values' mean place, ties at mid-ranks), its 95 % bootstrap
   * interval, the place random picks would give, and the reason where there is too little to say.
   */
  customerPlace: Pair<number | null> & {
    interval: Pair<[number, number] | null>;
    chance: Pair<number>;
    reason: Pair<string | null>;
    method: number;
  };
  /** Perceived median place (question 1) minus the measured place today: positive means staff think it worse. */
  perceivedMinusMeasured: number | null;
  /** Barrett's cultural entropy: the share of all (weighted) votes cast for potentially limiting values. */
  entropy: Pair<number | null>;
  biggestGaps: { id: string; sv: string; en: string; today: number; wishedFor: number; gap: number }[];
}

/**
 * Ranks values by weighted votes. The tie rule, the same everywhere: equal weights share the best place
 * (1, 2, 2, 4), and within a tie values keep the order of the list, so the output is stable.
 */
export function rankValues(values: Value[], tally: Pick<PickTally, 'counts' | 'weighted'>): RankedValue[] {
  const total = tally.weighted.reduce((sum, w) => sum + w, 0);
  const withVotes = values.map((value, order) => ({
    value,
    order,
    votes: tally.counts[order] ?? 0,
    weight: tally.weighted[order] ?? 0,
  }));
  withVotes.sort((a, b) => b.weight - a.weight || a.order - b.order);
  let rank = 0;
  return withVotes.map((entry, index) => {
    if (index === 0 || entry.weight !== withVotes[index - 1]?.weight) rank = index + 1;
    const { id, sv, en, customer, limiting } = entry.value;
    const share = total === 0 ? 0 : roundHalfUp(entry.weight / total, 4);
    return { id, sv, en, votes: entry.votes, share, rank, customer, limiting };
  });
}

function entropy(values: Value[], tally: PickTally): number | null {
  const total = tally.weighted.reduce((sum, w) => sum + w, 0);
  if (total === 0) return null;
  const limiting = values.reduce((sum, v, i) => sum + (v.limiting ? (tally.weighted[i] as number) : 0), 0);
  return roundHalfUp(limiting / total, 4);
}

/**
 * A round's value figures from its tally; `language` words the reasons. A list picked by fewer than
 * `threshold` people (k) releases nothing of its own: one person's ten picks would read straight off its ranks.
 */
export function valueFigures(
  tally: ValueTally,
  perceivedMedian: number | undefined,
  language: 'sv' | 'en' = 'en',
  threshold = 1,
): ValueFigures {
  const values = tally.values;
  const customer = values.flatMap((v, i) => (v.customer ? [i] : []));
  const released = { today: tally.today.basis >= threshold, wishedFor: tally.wishedFor.basis >= threshold };
  const withheld = (list: PickTally) => ({
    place: null,
    interval: null,
    chance: (list.counts.length + 1) / 2,
    reason:
      language === 'sv'
        ? `Färre än ${threshold} valde värderingar i den här listan: den visas inte.`
        : `Fewer than ${threshold} picked values in this list: it is not shown.`,
  });
  const today = released.today ? measuredPlace(tally.today, customer, language) : withheld(tally.today);
  const wishedFor = released.wishedFor
    ? measuredPlace(tally.wishedFor, customer, language)
    : withheld(tally.wishedFor);
  const gaps = (released.today && released.wishedFor ? values : [])
    .map((v, i) => ({
      id: v.id,
      sv: v.sv,
      en: v.en,
      today: tally.today.counts[i] ?? 0,
      wishedFor: tally.wishedFor.counts[i] ?? 0,
    }))
    .map((v) => ({ ...v, gap: v.wishedFor - v.today }))
    .filter((v) => v.gap !== 0)
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.id.localeCompare(b.id))
    .slice(0, 10);
  return {
    respondents: tally.respondents,
    basis: { today: tally.today.basis, wishedFor: tally.wishedFor.basis },
    today: released.today ? rankValues(values, tally.today) : [],
    wishedFor: released.wishedFor ? rankValues(values, tally.wishedFor) : [],
    customerPlace: {
      today: today.place,
      wishedFor: wishedFor.place,
      interval: { today: today.interval, wishedFor: wishedFor.interval },
      chance: { today: today.chance, wishedFor: wishedFor.chance },
      reason: { today: today.reason, wishedFor: wishedFor.reason },
      method: MEASURED_PLACE_METHOD,
    },
    perceivedMinusMeasured:
      perceivedMedian !== undefined && today.place !== null
        ? roundHalfUp(perceivedMedian - today.place, 1)
        : null,
    entropy: {
      today: released.today ? entropy(values, tally.today) : null,
      wishedFor: released.wishedFor ? entropy(values, tally.wishedFor) : null,
    },
    biggestGaps: gaps,
  };
}
