import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_LIST } from '../../shared/values/default-value-list.js';
import { MIN_VALUE_BASIS } from '../../shared/values/measured-place.js';
import { rankValues, valueFigures } from '../../shared/values/value-figures.js';
import { CustomValueListSchema } from '../../shared/values/value-list.js';
import { ValueTally } from '../../shared/values/value-tally.js';

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

const tallyOf = (today: string[][], wished: string[][] = [], list = values) => {
  const tally = new ValueTally(list);
  for (let i = 0; i < Math.max(today.length, wished.length); i++) tally.add(today[i], wished[i]);
  return tally;
};

describe('value figures', () => {
  it('ranks by weighted votes, equal weights sharing the best place, ties kept in list order', () => {
    const ranked = rankValues(
      values.slice(0, 5),
      tallyOf([
        ['customer-value', 'service'],
        ['customer-value', 'service'],
        ['customer-focus'],
        ['customer-focus'],
      ]).today,
    );
    expect(ranked.map((v) => [v.id, v.rank])).toEqual([
      ['customer-focus', 1],
      ['service', 2],
      ['customer-value', 2],
      ['customer-satisfaction', 4],
      ['customer-understanding', 4],
    ]);
  });

  it('weighs a person who picks 3 as much as one who picks 10', () => {
    const ten = values.slice(10, 20).map((v) => v.id);
    const three = values.slice(20, 23).map((v) => v.id);
    const figures = valueFigures(tallyOf([ten, three]), undefined);
    const share = (id: string) => figures.today.find((v) => v.id === id)?.share;

    expect(share(ten[0] as string)).toBe(0.05);
    expect(share(three[0] as string)).toBe(0.1667);
    expect(figures.today.reduce((sum, v) => sum + v.share, 0)).toBeCloseTo(1, 3);
  });

  it('agrees with an independent computation on generated picks', () => {
    const ids = values.map((v) => v.id);
    const picks = fc.array(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 10 }), {
      minLength: 20,
      maxLength: 60,
    });
    fc.assert(
      fc.property(picks, picks, fc.integer({ min: 1, max: 100 }), (today, wished, perceived) => {
        const figures = valueFigures(tallyOf(today, wished), perceived);

        // Independent: weights as fractions, places as 1 + the values with strictly more weight, mid-ranks.
        const weight = new Map<string, number>();
        for (const list of today)
          for (const id of list) weight.set(id, (weight.get(id) ?? 0) + 1 / list.length);
        const w = (id: string) => weight.get(id) ?? 0;
        const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
        const competition = (id: string) => 1 + ids.filter((o) => w(o) > w(id) && !near(w(o), w(id))).length;
        const midRank = (id: string) => {
          const above = ids.filter((o) => w(o) > w(id) && !near(w(o), w(id))).length;
          const tied = ids.filter((o) => near(w(o), w(id))).length;
          return above + (tied + 1) / 2;
        };
        const customer = values.filter((v) => v.customer);
        const anyCustomer = customer.some((v) => w(v.id) > 0);
        const expected = customer.reduce((sum, v) => sum + midRank(v.id), 0) / customer.length;
        const limiting = values.filter((v) => v.limiting).reduce((sum, v) => sum + w(v.id), 0);

        for (const ranked of figures.today) expect(ranked.rank).toBe(competition(ranked.id));
        if (anyCustomer) {
          expect(Math.abs((figures.customerPlace.today as number) - expected)).toBeLessThanOrEqual(
            0.05 + 1e-9,
          );
          expect(Math.abs((figures.perceivedMinusMeasured as number) - (perceived - expected))).toBeLessThan(
            0.11,
          );
        } else expect(figures.customerPlace.today).toBeNull();
        expect(figures.entropy.today).toBeCloseTo(limiting / today.length, 4);
        expect(figures.basis.today).toBe(today.length);
        expect(figures.customerPlace.chance.today).toBe(50.5);
      }),
      { numRuns: 60 },
    );
  });

  it('says in words why there is no measured place below the minimum basis or with no customer value picked', () => {
    const few = valueFigures(tallyOf(Array.from({ length: MIN_VALUE_BASIS - 1 }, () => ['quality'])), 10);
    const none = valueFigures(tallyOf(Array.from({ length: MIN_VALUE_BASIS }, () => ['quality'])), 10);

    expect(few.customerPlace.today).toBeNull();
    expect(few.customerPlace.reason.today).toMatch(/at least 20/);
    expect(few.perceivedMinusMeasured).toBeNull();
    expect(none.customerPlace.today).toBeNull();
    expect(none.customerPlace.reason.today).toMatch(/No one picked a value about the customer/);
  });
});
