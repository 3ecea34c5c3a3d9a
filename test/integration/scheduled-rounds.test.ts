import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-02-20T10:00:00Z'));
let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
});
afterAll(() => stack.close());

describe('scheduled rounds', () => {
  it('opens the due round once, even with two ticks at once, and moves the schedule on', async () => {
    const call = apiClient(stack);
    const org = await enrolVerified(stack, { language: 'en' });
    await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents: [{ email: 'x1@example.org' }, { email: 'x2@example.org' }] },
    });
    const before = await call('GET', `/v1/organisations/${org.orgId}`, { key: org.adminKey });

    await runTick(stack.deps);
    const early = await call('GET', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    clock.set('2027-03-01T08:00:01Z');
    await Promise.all([runTick(stack.deps), runTick(stack.deps)]);
    await runTick(stack.deps);
    const rounds = await call('GET', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    const after = await call('GET', `/v1/organisations/${org.orgId}`, { key: org.adminKey });
    const invitations = (await sentMail(stack)).filter((m) => m.destination.to[0]?.startsWith('x'));

    expect(before.json.organisation.nextRoundAt).toBe('2027-03-01T08:00:00.000Z');
    expect(early.json.rounds).toEqual([]);
    expect(rounds.json.rounds).toHaveLength(1);
    expect(rounds.json.rounds[0]).toMatchObject({
      id: 'rnd_20270301T080000Z',
      trigger: 'scheduled',
      status: 'open',
      closesAt: '2027-03-15T08:00:00.000Z',
    });
    expect(after.json.organisation.nextRoundAt).toBe('2027-09-01T07:00:00.000Z');
    expect(invitations.map((m) => m.destination.to[0]).sort()).toEqual(['x1@example.org', 'x2@example.org']);
  });

  it('opens no scheduled round for an organisation that is not verified', async () => {
    const call = apiClient(stack);
    const created = await call('POST', '/v1/organisations', {
      json: { name: 'Unverified', contactEmail: 'u@example.org', language: 'en' },
    });
    clock.set('2027-09-01T08:00:00Z');
    await runTick(stack.deps);
    const rounds = await call('GET', `/v1/organisations/${created.json.organisation.id}/rounds`, {
      key: created.json.adminKey,
    });
    expect(rounds.json.rounds).toEqual([]);
  });
});
