import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_LIST } from '../../shared/values/default-value-list.js';
import { rankValues, valueFigures } from '../../shared/values/value-figures.js';
import { CustomValueListSchema } from '../../shared/values/value-list.js';

const values = DEFAULT_VALUE_LIST.values;

describe('the default value list', () => {
  it('holds 100 values with unique ids, customer and limiting values among them', () => {
    expect(values).toHaveLength(100);
    expect(new Set(values.map((v) => v.id)).size).toBe(100);
    expect(values.filter((v) => v.customer).length).toBeGreaterThanOrEqual(5);
    expect(values.filter((v) => v.limiting).length).toBeGreaterThanOrEqual(10);
    expect(values.some((v) => v.customer && v.limiting)).toBe(false);
  });

  it('refuses custom lists with duplicate ids or no customer value', () => {
    const list = values.slice(0, 30).map((v) => ({ ...v }));
    expect(CustomValueListSchema.safeParse({ values: list }).success).toBe(true);
    expect(CustomValueListSchema.safeParse({ values: [...list, list[0]] }).success).toBe(false);
    expect(
      CustomValueListSchema.safeParse({ values: list.map((v) => ({ ...v, customer: false })) }).success,
    ).toBe(false);
  });
});

describe('value figures', () => {
  it('ranks by votes, equal votes sharing the best place, ties kept in list order', () => {
    const ranked = rankValues(
      values.slice(0, 5),
      new Map([
        ['customer-value', 4],
        ['service', 4],
        ['customer-focus', 2],
      ]),
    );
    expect(ranked.map((v) => [v.id, v.rank])).toEqual([
      ['service', 1],
      ['customer-value', 1],
      ['customer-focus', 3],
      ['customer-satisfaction', 4],
      ['customer-understanding', 4],
    ]);
  });

  it('agrees with an independent computation on generated picks', () => {
    const ids = values.map((v) => v.id);
    const picks = fc.array(fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 10 }), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(picks, picks, fc.integer({ min: 1, max: 100 }), (today, wished, perceived) => {
        const count = (lists: string[][]) => {
          const m = new Map<string, number>();
          for (const list of lists) for (const id of list) m.set(id, (m.get(id) ?? 0) + 1);
          return m;
        };
        const todayVotes = count(today);
        const figures = valueFigures(values, todayVotes, count(wished), today.length, perceived);

        // Independent: a value's place is 1 + the number of values with strictly more votes.
        const placeOf = (votes: Map<string, number>, id: string) =>
          1 + ids.filter((other) => (votes.get(other) ?? 0) > (votes.get(id) ?? 0)).length;
        const customerVoted = values.filter((v) => v.customer && (todayVotes.get(v.id) ?? 0) > 0);
        const expectedPlace = customerVoted.length
          ? Math.min(...customerVoted.map((v) => placeOf(todayVotes, v.id)))
          : null;
        const allVotes = today.flat().length;
        const limitingVotes = today.flat().filter((id) => values.find((v) => v.id === id)?.limiting).length;

        for (const ranked of figures.today) expect(ranked.rank).toBe(placeOf(todayVotes, ranked.id));
        expect(figures.customerPlace.today).toBe(expectedPlace);
        expect(figures.perceivedMinusMeasured).toBe(
          expectedPlace === null ? null : perceived - expectedPlace,
        );
        expect(figures.entropy.today).toBe(
          allVotes ? Math.round((limitingVotes / allVotes) * 1000) / 1000 : null,
        );
      }),
      { numRuns: 150 },
    );
  });
});
