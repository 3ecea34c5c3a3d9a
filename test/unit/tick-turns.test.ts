import { describe, expect, it } from 'vitest';
import { runTick } from '../../shared/tick/run-tick.js';
import { LANES } from '../../shared/tick/serve-rounds.js';
import { orgOfAddress, seedOrganisationWithRound } from '../support/many-organisations.js';
import { createMemoryDeps } from '../support/memory-deps.js';

/** `count` organisations of `respondents` each, their rounds opened now; counts the tick's turns (round reads). */
async function organisationsOpening(count: number, respondents: number) {
  const deps = createMemoryDeps();
  for (let i = 0; i < count; i++)
    await seedOrganisationWithRound(deps, {
      orgId: `org_t${String(i).padStart(3, '0')}`,
      respondents,
      opensAt: deps.clock.now(),
    });
  const turns = { count: 0 };
  const get = deps.rounds.get;
  deps.rounds.get = (orgId, roundId) => {
    turns.count++;
    return get(orgId, roundId);
  };
  return { deps, turns };
}

describe('a tick serving many rounds in turns', () => {
  it('reaches every round in a first short rotation, then sends several mails a turn', async () => {
    // At 1 mail a second over 40 rounds: the first rotation (30 s) is one mail a turn, later ones (300 s) eight.
    const { deps, turns } = await organisationsOpening(40, 10);

    await runTick({ ...deps, mailRatePerSecond: 1, tickBudgetMs: 3_600_000 });
    const order = deps.mailer.sent
      .filter((mail) => mail.purpose === 'invite')
      .map((mail) => orgOfAddress(mail.to));

    expect(order).toHaveLength(400);
    // Up to LANES rounds take their turns at once, so the first rotation's edge blurs by at most that many mails.
    expect(new Set(order.slice(0, 40 + LANES)).size).toBe(40);
    // One turn creates the invitations and sends the first, then 8 and 1: three a round, not one a mail (ten).
    expect(turns.count).toBeLessThanOrEqual(40 * 3);
  });

  it('sends a lone round its whole pass in one turn after the first', async () => {
    const { deps, turns } = await organisationsOpening(1, 300);

    await runTick({ ...deps, mailRatePerSecond: 14, tickBudgetMs: 3_600_000 });

    expect(deps.mailer.sent.filter((mail) => mail.purpose === 'invite')).toHaveLength(300);
    expect(turns.count).toBeLessThanOrEqual(2);
  });
});
