import { describe, expect, it } from 'vitest';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import { DEFAULT_VALUE_LIST } from '../../shared/values/default-value-list.js';
import { valueName, valueOrder } from '../../shared/values/value-order.js';

const values = DEFAULT_VALUE_LIST.values;
const byId = (id: string) => values.find((v) => v.id === id) as (typeof values)[number];

describe('the order of the values on the form', () => {
  it('is the same for one seed and puts every value anywhere: over 2,000 people no flag sits first', () => {
    const positions = (flag: 'customer' | 'limiting') => {
      let sum = 0;
      let count = 0;
      for (let person = 0; person < 2000; person++)
        valueOrder(values, `seed-${person}`).forEach((value, index) => {
          if (value[flag]) {
            sum += index;
            count++;
          }
        });
      return sum / count;
    };

    expect(valueOrder(values, 'abc').map((v) => v.id)).toEqual(valueOrder(values, 'abc').map((v) => v.id));
    expect(valueOrder(values, 'abc').map((v) => v.id)).not.toEqual(values.map((v) => v.id));
    // Listed in the file, customer values average position 3 and limiting ones 90; shuffled, both about 49.5.
    expect(Math.abs(positions('customer') - 49.5)).toBeLessThan(2);
    expect(Math.abs(positions('limiting') - 49.5)).toBeLessThan(2);
  });

  it("names customer values with the organisation's word, a custom term with its own compound", () => {
    const medborgare = resolveCustomerTerm('medborgare');
    const custom = resolveCustomerTerm({
      sv: { singular: 'resenär', definite: 'resenären', plural: 'resenärer', compound: 'resenärs' },
      en: { singular: 'traveller', plural: 'travellers' },
    });

    expect(valueName(byId('customer-focus'), medborgare, 'sv')).toBe('Medborgarfokus');
    expect(valueName(byId('customer-understanding'), medborgare, 'sv')).toBe(
      'Förståelse för medborgarens behov',
    );
    expect(valueName(byId('customer-focus'), medborgare, 'en')).toBe('Citizen focus');
    expect(valueName(byId('customer-satisfaction'), custom, 'sv')).toBe('Resenärsnöjdhet');
    expect(valueName(byId('customer-value'), resolveCustomerTerm('patient'), 'sv')).toBe(
      'Att skapa värde för patienten',
    );
    expect(valueName(byId('quality'), medborgare, 'sv')).toBe('Kvalitet');
  });
});
