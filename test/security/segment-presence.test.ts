import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { manualClock } from '../support/clock.js';
import { startTestStack } from '../support/stack.js';
import { type Person, populatedRound } from './support/attacker.js';

const clock = manualClock(Date.parse('2027-12-01T08:00:00Z'));
let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
});
afterAll(() => stack.close());

/** Ensam holds one person, who answers or not; Stor holds eight who all answer. */
const population = (ensamAnswers: boolean): Person[] => [
  { department: 'Ensam', ...(ensamAnswers ? { rank: 40 } : {}) },
  ...[20, 22, 24, 26, 28, 30, 32, 34].map((rank) => ({ department: 'Stor', rank })),
];

describe('attack: a segment listed only when someone in it answered', () => {
  it("does not show whether the one person of a department answered: not by the segments, nor an action's reason", async () => {
    const reports = [];
    for (const ensamAnswers of [true, false]) {
      const first = await populatedRound(stack, population(ensamAnswers));
      await first.answerAll();
      await first.close();
      const action = await first.recordAction({
        text: 'Ensam provar kundråd',
        segment: { department: 'Ensam' },
      });
      clock.advanceDays(1);
      const second = await first.nextRound(population(ensamAnswers));
      await second.answerAll();
      await second.close();
      const report = await second.report();
      reports.push({
        departments: report.segments.department.map((s: { value: string }) => s.value),
        reason: report.actions.find((a: { id: string }) => a.id === action)?.withheld,
        withheld: Object.keys(report.withheld).filter((key) => key.includes('Ensam')),
      });
    }
    // Who sits in Ensam the admin knows (they imported them): the report may not differ on whether they answered.
    expect(reports[0]).toEqual(reports[1]);
  });
});
