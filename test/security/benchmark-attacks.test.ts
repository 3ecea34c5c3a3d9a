import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import type { Organisation } from '../../shared/organisations/organisation.js';
import { computeBenchmark, countsInBenchmark } from '../../shared/reports/benchmark.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { startTestStack } from '../support/stack.js';
import { populatedRound } from './support/attacker.js';

const clock = manualClock(Date.parse('2027-01-04T08:00:00Z'));
let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
});
afterAll(() => stack.close());

const twenty = (median: number) =>
  Array.from({ length: 20 }, (_, i) => ({ rank: Math.max(1, Math.min(100, median - 10 + i)) }));

describe('attack: reading one organisation through the benchmark (issue item 5)', () => {
  it('four fake organisations and one real one learn nothing about the real one', async () => {
    // The attacker enrols four organisations half a year ahead, each with twenty answers it controls.
    const medians = [10, 20, 80, 90, 47]; // the last one is the real organisation
    const orgs = [];
    for (const _ of medians) orgs.push(await enrolVerified(stack, { cadence: 'manual' }));
    clock.advanceDays(200);
    const rounds = [];
    for (const [i, median] of medians.entries())
      rounds.push(await populatedRound(stack, twenty(median), {}, orgs[i]));
    for (const round of rounds) await round.answerAll();
    for (const round of rounds) await round.close();

    // …and reads the benchmark from one of them: with the real median m among 10, 20, 80, 90 the old
    // median of medians (the middle of five) was m itself.
    const benchmark = (await rounds[0]?.trend())?.benchmark;
    const learned = benchmark?.medianOfMedians;

    expect(learned).toBeUndefined();
    expect(benchmark).toBeNull();
  }, 180_000);

  it('counts an organisation only when verified, with 20 answers, and enrolled 180 days before the close', () => {
    const org = { verified: true, createdAt: '2027-01-01T00:00:00Z' } as Organisation;
    const closesAt = '2027-07-01T00:00:00Z'; // 181 days later
    expect(countsInBenchmark(org, { answered: 20, closesAt })).toBe(true);
    expect(countsInBenchmark(org, { answered: 19, closesAt })).toBe(false);
    expect(countsInBenchmark({ ...org, verified: false }, { answered: 20, closesAt })).toBe(false);
    expect(countsInBenchmark(org, { answered: 20, closesAt: '2027-06-01T00:00:00Z' })).toBe(false);
  });

  it('with ten aged organisations of which nine are the attacker’s, gives the real median only to 5 places', () => {
    // The attacker owns nine, four far below and five far above; the real one sits between.
    const attacker = [5, 5, 5, 5, 95, 95, 95, 95, 95];
    const candidates = [46, 47, 48];
    const seen = candidates.map((real) => {
      const medians = new Map<string, number>([
        ['reader', 50],
        ['real', real],
        ...attacker.map((m, i) => [`fake${i}`, m] as [string, number]),
      ]);
      return computeBenchmark(medians, 'reader');
    });
    // The three real medians read the same: the benchmark tells them apart no better than 5 places.
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[1]).toEqual(seen[2]);
  });
});
