import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { openScheduledRound } from '../../shared/rounds/open-round.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { countByRecipient } from '../support/round-setup.js';
import { apiClient, clearMail, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-04-05T08:00:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
});
afterAll(() => stack.close());

async function organisationWithStaff(count: number, settings: Record<string, unknown> = {}) {
  const org = await enrolVerified(stack, { cadence: 'manual', ...settings });
  const respondents = Array.from({ length: count }, (_, i) => ({
    email: `s${i}.${org.orgId.slice(4, 12)}@example.org`.toLowerCase(),
  }));
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents },
  });
  await clearMail(stack);
  return { ...org, respondents };
}

/** Requests a few milliseconds apart: the window a read-then-claim race needs. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const openRounds = (orgId: string) => stack.deps.rounds.list(orgId);

describe('one open round per organisation', () => {
  it('opens exactly one round when five requests arrive 2 ms apart, and invites everyone once', async () => {
    const org = await organisationWithStaff(6);

    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        pause(i * 2).then(() => call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })),
      ),
    );
    await runTick(stack.deps);
    const mails = (await sentMail(stack)).filter((m) =>
      m.destination.to[0]?.includes(org.orgId.slice(4, 12).toLowerCase()),
    );

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409))
      expect(refused.json.error).toEqual({ code: 'conflict', message: expect.any(String), details: [] });
    expect(await openRounds(org.orgId)).toHaveLength(1);
    expect([...countByRecipient(mails).values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('holds for four organisations at once, five concurrent requests each', async () => {
    const orgs = await Promise.all(
      Array.from({ length: 4 }, () => enrolVerified(stack, { cadence: 'manual' })),
    );

    const opened = await Promise.all(
      orgs.map(async (org) => {
        const statuses = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            pause(i).then(() =>
              call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey }).then(
                (r) => r.status,
              ),
            ),
          ),
        );
        return { statuses, rounds: (await openRounds(org.orgId)).length };
      }),
    );

    for (const { statuses, rounds } of opened) {
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(rounds).toBe(1);
    }
  });

  it('lets a scheduled opening and a manual one race without two rounds', async () => {
    const org = await organisationWithStaff(3, { cadence: 'quarterly' });
    const stored = await stack.deps.organisations.get(org.orgId);
    if (!stored?.nextRoundAt) throw new Error('no scheduled round');
    clock.set(stored.nextRoundAt);

    const [scheduled, manual] = await Promise.all([
      openScheduledRound(stack.deps, stored),
      call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey }),
    ]);

    expect((await openRounds(org.orgId)).length).toBe(1);
    expect(Number(scheduled !== undefined) + Number(manual.status === 201)).toBe(1);
  });

  it('reclaims a slot a crash left pointing at a round that was never written, once it is stale', async () => {
    const org = await organisationWithStaff(2);
    await stack.deps.organisations.claimOpenRound(org.orgId, 'rnd_crashed', clock.now().toISOString());

    const tooSoon = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    clock.advanceDays(1 / 24);
    const later = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });

    expect(tooSoon.status).toBe(409);
    expect(later.status).toBe(201);
    expect(await openRounds(org.orgId)).toHaveLength(1);
  });

  it('frees the slot when the round closes, so the next one can open', async () => {
    const org = await organisationWithStaff(2);
    const first = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });

    const closed = await call('POST', `/v1/organisations/${org.orgId}/rounds/${first.json.round.id}/close`, {
      key: org.adminKey,
    });
    const second = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });

    expect(closed.status).toBe(200);
    expect(second.status).toBe(201);
  });
});
