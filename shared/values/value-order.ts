import { type CustomerTerm, compoundOf } from '../organisations/customer-term-forms.js';
import { seededRandom } from './seeded-random.js';
import type { Value } from './value-list.js';

/**
 * The order one person sees the values in: a Fisher–Yates shuffle driven by a seed derived from their link
 * (a hash of round and respondent key), so every person gets their own order, a reload the same one, and
 * nothing is stored. Customer and limiting values are mixed in like any other: no primacy for the customer,
 * no hint which values the product counts as limiting.
 */
export function valueOrder<T>(values: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const order = [...values];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase('sv') + word.slice(1);

/**
 * A customer value named with the organisation's word: "Kundfokus" becomes "Medborgarfokus", "kundens behov"
 * "medborgarens behov", "Customer focus" "Citizen focus". Other values, and lists that do not use the kund-
 * words, are left as they are.
 */
export function valueName(value: Value, term: CustomerTerm, language: 'sv' | 'en'): string {
  if (!value.customer) return language === 'sv' ? value.sv : value.en;
  if (language === 'en')
    return value.en
      .replace(/\bcustomers\b/g, term.en.plural)
      .replace(/\bcustomer\b/g, term.en.singular)
      .replace(/\bCustomers\b/g, capitalised(term.en.plural))
      .replace(/\bCustomer\b/g, capitalised(term.en.singular));
  const compound = compoundOf(term);
  return value.sv
    .replace(/\bkundens\b/g, term.sv.genitive)
    .replace(/\bkunden\b/g, term.sv.definite)
    .replace(/\bkunder\b/g, term.sv.plural)
    .replace(/\bKund(?=\p{L})/gu, capitalised(compound))
    .replace(/\bkund(?=\p{L})/gu, compound);
}
