import { describe, expect, it } from 'vitest';
import { answerCodeOf, CODE_BITS, formatCode, normaliseCode } from '../../shared/codes/answer-code.js';
import { answeredByCodeFigure } from '../../shared/codes/answered-by-code.js';
import { createSecrets } from '../../shared/security/secrets.js';

const secrets = createSecrets('p'.repeat(32));

describe('answer codes', () => {
  it('derives the same code for the same round and person, another for another round or person', () => {
    const code = answerCodeOf(secrets, 'rnd_a', 'key1');

    expect(answerCodeOf(secrets, 'rnd_a', 'key1')).toBe(code);
    expect(answerCodeOf(secrets, 'rnd_b', 'key1')).not.toBe(code);
    expect(answerCodeOf(secrets, 'rnd_a', 'key2')).not.toBe(code);
    expect(answerCodeOf(createSecrets('q'.repeat(32)), 'rnd_a', 'key1')).not.toBe(code);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(CODE_BITS).toBe(50);
  });

  it('spreads codes evenly over the alphabet (no character stuck, so all 50 bits count)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const char of answerCodeOf(secrets, 'rnd_a', `key${i}`))
        counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(count).toBeGreaterThan(20_000 / 32 / 2);
  });

  it('reads what people type: case, spaces, dashes, and I, L, O for 1, 1, 0', () => {
    expect(normaliseCode(' 7kq2m-x9d4p ')).toBe('7KQ2MX9D4P');
    expect(normaliseCode('OIL23 45678')).toBe('0112345678');
    expect(normaliseCode('7KQ2M-X9D4')).toBeUndefined();
    expect(normaliseCode('7KQ2M-X9D4U')).toBeUndefined();
    expect(normaliseCode('<script>')).toBeUndefined();
    expect(formatCode('7KQ2MX9D4P')).toBe('7KQ2M-X9D4P');
  });
});

describe('answers by code in the report', () => {
  it('releases the count only when both it and the link answers are at least k, or no one was given a link', () => {
    expect(
      answeredByCodeFigure({ invitedByCode: 8, answeredByCode: 4 }, { invited: 12, answered: 8 }, 3),
    ).toEqual({
      answeredByCode: 4,
    });
    expect(
      answeredByCodeFigure({ invitedByCode: 8, answeredByCode: 5 }, { invited: 8, answered: 5 }, 5),
    ).toEqual({
      answeredByCode: 5,
    });
    expect(
      answeredByCodeFigure({ invitedByCode: 8, answeredByCode: 2 }, { invited: 14, answered: 8 }, 3),
    ).toEqual({
      withheld: { answeredByCode: 'below-threshold' },
    });
    // 6 by code of 8 would tell that exactly 2 answered by link.
    expect(
      answeredByCodeFigure({ invitedByCode: 8, answeredByCode: 6 }, { invited: 10, answered: 8 }, 3),
    ).toEqual({
      withheld: { answeredByCode: 'below-threshold' },
    });
    expect(
      answeredByCodeFigure({ invitedByCode: 8, answeredByCode: 0 }, { invited: 16, answered: 8 }, 3),
    ).toEqual({
      withheld: { answeredByCode: 'below-threshold' },
    });
    // 5 by code of 5, while one person was given a link: that person did not answer.
    expect(
      answeredByCodeFigure({ invitedByCode: 8, answeredByCode: 5 }, { invited: 9, answered: 5 }, 5),
    ).toEqual({
      withheld: { answeredByCode: 'below-threshold' },
    });
    expect(
      answeredByCodeFigure({ invitedByCode: 0, answeredByCode: 0 }, { invited: 8, answered: 8 }, 3),
    ).toEqual({});
  });
});
