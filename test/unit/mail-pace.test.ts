import { describe, expect, it } from 'vitest';
import { createMemoryMailQuotaStore } from '../../shared/adapters/memory/tick-state.js';
import { MAIL_CREDIT_MS, startTickRun } from '../../shared/tick/tick-deps.js';

/** A run on a clock that only sleeping moves, so every slot's time is exact. */
function pacedRun(mailRatePerSecond: number) {
  let now = 1_000_000;
  const run = startTickRun({
    clock: { now: () => new Date(now) },
    sleep: async (ms) => {
      now += ms;
    },
    mailRatePerSecond,
    tickBudgetMs: 600_000,
    mailQuota: createMemoryMailQuotaStore(),
  });
  const sendTimes: number[] = [];
  return {
    async send(count: number) {
      for (let i = 0; i < count; i++) {
        await run.nextMailSlot();
        sendTimes.push(now);
      }
    },
    idle(ms: number) {
      now += ms;
    },
    sendTimes,
  };
}

describe('the mail pace of a tick run', () => {
  it('sends the first mail at once and then one per interval, even after a slow start', async () => {
    const paced = pacedRun(50);
    paced.idle(5_000); // work before the first mail earns no credit
    await paced.send(101);

    const elapsed = (paced.sendTimes.at(-1) as number) - (paced.sendTimes[0] as number);
    expect(elapsed).toBe(2_000);
    expect(new Set(paced.sendTimes.slice(1).map((t, i) => t - (paced.sendTimes[i] as number)))).toEqual(
      new Set([20]),
    );
  });

  it('uses slots missed during a pause, at most MAIL_CREDIT_MS worth, then paces again', async () => {
    const paced = pacedRun(50);
    await paced.send(1);
    paced.idle(1_000); // a pause: 50 slots go by unused
    const resumedAt = (paced.sendTimes[0] as number) + 1_000;
    await paced.send(30);

    const atOnce = paced.sendTimes.filter((t) => t === resumedAt).length;
    expect(atOnce).toBe(MAIL_CREDIT_MS / 20 + 1);
    // Over any second after the pause, no more than the rate plus the credit.
    const inFirstSecond = paced.sendTimes.filter((t) => t >= resumedAt && t < resumedAt + 1_000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(50 * (1 + MAIL_CREDIT_MS / 1_000));
    const last = paced.sendTimes.at(-1) as number;
    expect(last - (paced.sendTimes.at(-2) as number)).toBe(20);
  });
});
