import { roundHalfUp } from '../reports/rounding.js';
import type { PickTally } from './value-tally.js';

/** The method's version, stored with every measured place: figures from different methods are never mixed. */
export const MEASURED_PLACE_METHOD = 2;
/**
 * No measured place from fewer people who picked values in a list. With 20 people × up to 10 picks over a
 * 100-value list each value has about 2 expected votes; below that the place is mostly noise (the simulations
 * in test/unit/measured-place.test.ts show the interval spanning most of the list).
 */
export const MIN_VALUE_BASIS = 20;

export interface MeasuredPlace {
  place: number | null;
  interval: [number, number] | null;
  /** The place random picks over the same list would give: (list size + 1) / 2 for this estimator. */
  chance: number;
  /** Why `place` is null, in words. */
  reason: string | null;
}

/**
 * The customer's measured place: the mean, over the customer values, of each one's place on the list by
 * (weighted) votes, equal votes sharing the average of their places (mid-ranks). Unlike the best place of
 * several customer values, it is not pulled to the top by how many customer values the list has, nor by ties
 * at small sizes: with random picks every value is exchangeable, so its expectation is exactly the middle.
 */
export function customerPlaceOf(votes: ArrayLike<number>, customer: readonly number[]): number {
  const order = Array.from({ length: votes.length }, (_, i) => i).sort(
    (a, b) => (votes[b] as number) - (votes[a] as number),
  );
  const place = new Float64Array(votes.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && votes[order[end + 1] as number] === votes[order[start] as number]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) place[order[k] as number] = midRank;
    start = end + 1;
  }
  return customer.reduce((sum, i) => sum + (place[i] as number), 0) / customer.length;
}

/** The point estimate, its 95 % percentile interval from the tally's bootstrap replicates, and chance level. */
export function measuredPlace(
  tally: PickTally,
  customer: readonly number[],
  language: 'sv' | 'en',
): MeasuredPlace {
  const size = tally.counts.length;
  const chance = (size + 1) / 2;
  const none = (reason: string): MeasuredPlace => ({ place: null, interval: null, chance, reason });
  if (tally.basis < MIN_VALUE_BASIS)
    return none(
      language === 'sv'
        ? `För få valde värderingar (${tally.basis}): en uppmätt plats kräver minst ${MIN_VALUE_BASIS}.`
        : `Too few picked values (${tally.basis}): a measured place needs at least ${MIN_VALUE_BASIS}.`,
    );
  if (customer.every((i) => tally.counts[i] === 0))
    return none(
      language === 'sv'
        ? 'Ingen valde en värdering om kunden: den hamnar under alla värderingar som valdes.'
        : 'No one picked a value about the customer: it ranks below every value that was picked.',
    );
  const estimates: number[] = [];
  for (let b = 0; b < tally.replicateCount; b++)
    estimates.push(customerPlaceOf(tally.replicate(b), customer));
  estimates.sort((a, b) => a - b);
  const at = (p: number) =>
    estimates[Math.min(estimates.length - 1, Math.floor(p * estimates.length))] as number;
  return {
    place: roundHalfUp(customerPlaceOf(tally.weighted, customer), 1),
    interval: [roundHalfUp(at(0.025), 1), roundHalfUp(at(0.975), 1)],
    chance,
    reason: null,
  };
}
