import snowball from 'snowball-stemmers';
import { eng, swe } from 'stopword';
import type { FreeTextField } from '../answers/answer.js';
import type { CustomerTerm } from '../organisations/customer-term.js';
import { compoundOf } from '../organisations/customer-term.js';

/** Words that say nothing about a theme here, beyond the maintained lists: the survey's own vocabulary. */
const SURVEY_WORDS = [
  'ranking',
  'rankingen',
  'organisation',
  'organisationen',
  'organisationens',
  'plats',
  'platsen',
];
const STOP_WORDS = new Set([...swe, ...eng, ...SURVEY_WORDS]);
const swedish = snowball.newStemmer('swedish');
const english = snowball.newStemmer('english');
/** Past this many terms the rarest are dropped (lossy counting): memory stays bounded, counts never overstate. */
const MAX_TERMS = 50_000;

export interface Theme {
  word: string;
  /** Distinct people who used it in a released question (never fewer than k). */
  mentions: number;
}

interface Term {
  /** People by the set of questions (a bit mask over the fields) they used the term in. */
  byFields: Map<number, number>;
  total: number;
  /** How the term was written, by how often: the theme shows the commonest form. */
  forms: Map<string, number>;
}

/**
 * Themes across the free-text answers: Swedish and English stop words (the `stopword` lists) and Snowball stems
 * ("medborgarna" and "medborgarnas" are one theme), two-word phrases beside single words, the customer term and
 * its forms left out. Each person counts once per term, and only for questions whose comments are released:
 * terms are tallied by the set of questions a person used them in, so the count can be taken at close over
 * the released questions alone.
 */
export class ThemeCounter {
  private readonly terms = new Map<string, Term>();
  private readonly excluded: Set<string>;
  private pruneBelow = 1;

  constructor(
    private readonly fields: readonly FreeTextField[],
    term?: CustomerTerm,
  ) {
    this.excluded = new Set(term ? termForms(term).map(stemOf) : []);
  }

  /** One person's texts, by question. */
  add(texts: Partial<Record<FreeTextField, string>>): void {
    const seen = new Map<string, { mask: number; form: string }>();
    this.fields.forEach((field, index) => {
      const text = texts[field];
      if (!text) return;
      for (const [key, form] of this.termsOf(text)) {
        const entry = seen.get(key) ?? { mask: 0, form };
        entry.mask |= 1 << index;
        seen.set(key, entry);
      }
    });
    for (const [key, { mask, form }] of seen) {
      const term = this.terms.get(key) ?? { byFields: new Map(), total: 0, forms: new Map() };
      term.byFields.set(mask, (term.byFields.get(mask) ?? 0) + 1);
      term.total++;
      if (term.forms.size < 5 || term.forms.has(form)) term.forms.set(form, (term.forms.get(form) ?? 0) + 1);
      this.terms.set(key, term);
    }
    if (this.terms.size > MAX_TERMS) this.prune();
  }

  /**
   * The themes at least `minPeople` people share in the released questions, most shared first. A two-word
   * phrase replaces its single words where it holds most of their people (it says more than either word).
   */
  top(limit: number, minPeople: number, released: readonly FreeTextField[]): Theme[] {
    const mask = this.fields.reduce(
      (m, field, index) => (released.includes(field) ? m | (1 << index) : m),
      0,
    );
    if (mask === 0) return [];
    const counted = new Map<string, { form: string; people: number }>();
    for (const [key, term] of this.terms) {
      let people = 0;
      for (const [fields, count] of term.byFields) if (fields & mask) people += count;
      if (people >= minPeople) counted.set(key, { form: commonest(term.forms), people });
    }
    const covered = new Set<string>();
    for (const [key, { people }] of counted) {
      if (!key.includes(' ')) continue;
      for (const word of key.split(' '))
        if (people * 3 >= (counted.get(word)?.people ?? Number.POSITIVE_INFINITY) * 2) covered.add(word);
    }
    return [...counted]
      .filter(([key]) => !covered.has(key))
      .sort(
        (a, b) =>
          b[1].people - a[1].people ||
          b[0].split(' ').length - a[0].split(' ').length ||
          a[1].form.localeCompare(b[1].form, 'sv'),
      )
      .slice(0, limit)
      .map(([, { form, people }]) => ({ word: form, mentions: people }));
  }

  private *termsOf(text: string): Generator<[string, string]> {
    const words = text
      .normalize('NFC')
      .toLocaleLowerCase('sv')
      .split(/[^\p{L}\p{N}]+/u);
    let previous: { stem: string; word: string } | undefined;
    for (const word of words) {
      const stem = word ? stemOf(word) : '';
      const keep =
        word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word) && !this.excluded.has(stem);
      if (!keep) {
        // A stop word or a break ends a phrase: "brist på tid" makes no phrase "brist tid".
        previous = undefined;
        continue;
      }
      yield [stem, word];
      if (previous && previous.stem !== stem) yield [`${previous.stem} ${stem}`, `${previous.word} ${word}`];
      previous = { stem, word };
    }
  }

  private prune(): void {
    while (this.terms.size > MAX_TERMS * 0.8) {
      for (const [key, term] of this.terms) if (term.total <= this.pruneBelow) this.terms.delete(key);
      this.pruneBelow++;
    }
  }
}

/** A word's stem: Swedish Snowball, and English Snowball for words Swedish leaves as they are. */
function stemOf(word: string): string {
  const sv = swedish.stem(word);
  return sv !== word ? sv : english.stem(word);
}

function commonest(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'))[0]?.[0] ?? '';
}

/** The customer term in every form the organisation uses, lower-cased, in both languages. */
function termForms(term: CustomerTerm): string[] {
  const { singular, definite, genitive, plural } = term.sv;
  const en = [term.en.singular, term.en.plural, `${term.en.singular}'s`];
  return [singular, definite, genitive, plural, `${plural}na`, `${plural}nas`, compoundOf(term), ...en]
    .flatMap((form) => form.toLocaleLowerCase('sv').split(/[^\p{L}]+/u))
    .filter((form) => form.length >= 3);
}
