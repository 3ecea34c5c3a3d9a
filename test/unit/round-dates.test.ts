import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayIn } from '../../shared/rounds/round-dates.js';

afterEach(() => vi.restoreAllMocks());

describe("a round's day in its language", () => {
  it('writes the day as each language does', () => {
    expect(dayIn('sv', '2027-03-31T10:00:00.000Z')).toBe('31 mars');
    expect(dayIn('en', '2027-03-31T10:00:00.000Z')).toBe('31 March');
  });

  it('makes no formatter per mail: its ICU memory lies outside the heap the collector watches', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');

    for (let i = 0; i < 1_000; i++) dayIn(i % 2 === 0 ? 'sv' : 'en', '2027-03-31T10:00:00.000Z');

    expect(made.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
