import type { RoundReport } from './round-report.js';

/**
 * A change of the median place in words, by its direction and whether it is beyond chance: "16 places higher,
 * more than chance explains" or "no clear change". A smaller place is higher (place 1 is the top). For the mail;
 * undefined where the report has no change of places to tell.
 */
export function changeWords(
  change: Pick<NonNullable<RoundReport['change']>, 'median' | 'significance' | 'notComparable'> | undefined,
  language: 'sv' | 'en',
): string | undefined {
  if (!change) return undefined;
  if (change.notComparable)
    return language === 'sv' ? 'ej jämförbar: värderingslistorna har olika längd' : change.notComparable;
  if (change.median === undefined) return undefined;
  const significant = change.significance?.median.significant;
  if (significant === false || change.median === 0)
    return language === 'sv' ? 'ingen tydlig förändring' : 'no clear change';
  const places = Math.abs(change.median);
  const up = change.median < 0;
  const amount =
    language === 'sv'
      ? `${places} ${places === 1 ? 'plats' : 'platser'} ${up ? 'högre' : 'lägre'}`
      : `${places} ${places === 1 ? 'place' : 'places'} ${up ? 'higher' : 'lower'}`;
  if (significant === undefined) return amount;
  return language === 'sv' ? `${amount}, mer än slumpen förklarar` : `${amount}, more than chance explains`;
}

/**
 * Whether a change of the top-10 share is beyond chance, in words (Newcombe's interval): "more than chance
 * explains" or "no clear change"; undefined without a change or without its test.
 */
export function shareChangeWords(
  change: { top10Share?: number; significance?: { top10Share: { significant: boolean } } } | undefined,
  language: 'sv' | 'en',
): string | undefined {
  if (change?.top10Share === undefined) return undefined;
  const significant = change.significance?.top10Share.significant;
  if (significant === false || change.top10Share === 0)
    return language === 'sv' ? 'ingen tydlig förändring' : 'no clear change';
  if (significant === undefined) return undefined;
  return language === 'sv' ? 'mer än slumpen förklarar' : 'more than chance explains';
}
