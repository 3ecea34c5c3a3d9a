import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import type { LocalStack } from '../../infra/local/stack.js';
import { forEachAnswer } from '../../shared/answers/each-answer.js';
import type { AnswerStore } from '../../shared/answers/ports.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { MAIL_RATE_PER_SECOND: '1000' } });
});
afterAll(() => stack.close());

/** An answer store that fails one write in `every`, as DynamoDB does under throttling after the SDK's retries. */
function flaky(answers: AnswerStore, every: number): AnswerStore {
  let writes = 0;
  return {
    ...answers,
    put: async (answer) => {
      if (++writes % every === 0)
        throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
      return answers.put(answer);
    },
  };
}

describe('answers under load, with faults, while ticks run', () => {
  it('stores exactly the answers it acknowledged', async () => {
    const org = await organisationWithOpenRound(stack, 40);
    await runTick(stack.deps);
    const links = (await sentMail(stack)).map((m) => linkIn(m.body.text, /\/r\/[\w.-]+/));
    const app = createApp(
      { ...stack.deps, answers: flaky(stack.deps.answers, 7) },
      { clientAddress: () => '203.0.113.9' },
    );
    const acknowledged = new Map<string, number>();
    let failures = 0;

    const submit = async (link: string, rank: number) => {
      const response = await app.request(link, {
        method: 'POST',
        body: JSON.stringify({ rank }),
        headers: { 'content-type': 'application/json' },
      });
      if (response.status === 200) acknowledged.set(link, rank);
      else failures++;
      expect([200, 500]).toContain(response.status);
    };
    const ticks = Promise.all([runTick(stack.deps), runTick(stack.deps), runTick(stack.deps)]);
    // Each respondent answers three times concurrently with the others; the last acknowledged answer must win.
    for (let pass = 1; pass <= 3; pass++)
      await Promise.all(links.map((link, i) => submit(link, ((i * 7 + pass * 13) % 100) + 1)));
    await ticks;

    const stored: number[] = [];
    await forEachAnswer(stack.deps.answers, org.roundId, (a) => stored.push(a.rank as number));
    expect(failures).toBeGreaterThan(0);
    expect(stored.length).toBe(acknowledged.size);
    expect(stored.sort((x, y) => x - y)).toEqual([...acknowledged.values()].sort((x, y) => x - y));
  });
});
