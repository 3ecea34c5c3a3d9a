import { describe, expect, it } from 'vitest';
import { FREE_TEXT_FIELDS } from '../../shared/answers/answer.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import { ThemeCounter } from '../../shared/reports/themes.js';

const all = FREE_TEXT_FIELDS;

describe('themes', () => {
  it('leaves out stop words and the customer term in every form, and joins inflections by their stem', () => {
    const counter = new ThemeCounter(all, resolveCustomerTerm('medborgare'));
    const texts = [
      'Varje gång medborgarna ringer hamnar de i kö hos växeln',
      'Första kontakten: medborgarnas ärenden fastnar i växeln',
      'Medborgaren får vänta, växeln är överbelastad',
      'Växeln svarar inte medborgare',
      'Kö i växeln varje dag',
    ];
    for (const text of texts) counter.add({ rankReason: text });
    const words = counter.top(10, 3, all).map((t) => t.word);

    expect(words).toEqual(['växeln']);
    expect(counter.top(10, 3, all)[0]?.mentions).toBe(5);
  });

  it('counts distinct people, not texts: one person writing a word four times is one', () => {
    const counter = new ThemeCounter(all);
    counter.add({ rankReason: 'budget budget', raiseIdeas: 'budget', consequencesNow: 'budget' });
    for (let i = 0; i < 3; i++) counter.add({ rankReason: 'budget' });

    expect(counter.top(10, 1, all)).toEqual([{ word: 'budget', mentions: 4 }]);
    expect(counter.top(10, 5, all)).toEqual([]);
  });

  it("prefers a two-word phrase where it holds most of its words' people", () => {
    const counter = new ThemeCounter(all);
    for (let i = 0; i < 6; i++) counter.add({ raiseIdeas: `Tydliga mål för arbetet, ${i}` });
    counter.add({ raiseIdeas: 'mål' });
    for (let i = 0; i < 5; i++) counter.add({ raiseIdeas: 'mer tid' });
    const themes = counter.top(10, 5, all);

    expect(themes).toContainEqual({ word: 'tydliga mål', mentions: 6 });
    expect(themes.map((t) => t.word)).not.toContain('tydliga');
    expect(themes.map((t) => t.word)).not.toContain('mål');
    expect(themes).toContainEqual({ word: 'tid', mentions: 5 });
  });

  it('counts only questions that are released', () => {
    const counter = new ThemeCounter(all);
    for (let i = 0; i < 5; i++) counter.add({ rankReason: 'kaffe', raiseIdeas: 'samarbete' });

    expect(counter.top(10, 5, ['rankReason']).map((t) => t.word)).toEqual(['kaffe']);
    expect(counter.top(10, 5, [])).toEqual([]);
  });

  it('reads decomposed and composed letters as one word', () => {
    const counter = new ThemeCounter(all);
    for (let i = 0; i < 3; i++) counter.add({ rankReason: 'byråkrati' });
    for (let i = 0; i < 3; i++) counter.add({ rankReason: 'byra\u030akrati' });

    expect(counter.top(10, 5, all)).toEqual([{ word: 'byråkrati', mentions: 6 }]);
  });
});
