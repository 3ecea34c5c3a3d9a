import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { DEFAULT_VALUE_LIST } from '../../shared/values/default-value-list.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-05-03T08:00:00Z'));
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let links: string[];

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, 8, {
    values: { enabled: true },
    anonymityThreshold: 3,
    commentThreshold: 3,
  });
  await runTick(stack.deps);
  links = (await sentMail(stack)).map((m) => linkIn(m.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/));
});
afterAll(() => stack.close());

describe('values selection', () => {
  it('publishes the default list', async () => {
    const response = await org.call('GET', '/v1/value-lists/default');
    expect(response.json).toMatchObject({ id: 'default', version: 1 });
    expect(response.json.values).toHaveLength(100);
  });

  it('shows both pick lists as checkbox groups in fieldsets', async () => {
    const page = await org.call('GET', links[0] as string);
    expect(page.text).toContain('data-max-picks="10"');
    expect(page.text.match(/type="checkbox" id="valuesToday-/g)).toHaveLength(100);
    expect(page.text.match(/type="checkbox" id="valuesWishedFor-/g)).toHaveLength(100);
  });

  it('takes picks as repeated form fields and as JSON arrays', async () => {
    const form = new URLSearchParams([
      ['rank', '45'],
      ['valuesToday', 'control'],
      ['valuesToday', 'bureaucracy'],
      ['valuesToday', 'service'],
      ['valuesWishedFor', 'customer-focus'],
    ]);
    const byForm = await org.call('POST', links[0] as string, {
      body: form.toString(),
      type: 'application/x-www-form-urlencoded',
    });
    const byJson = await org.call('POST', links[1] as string, {
      json: {
        rank: 50,
        valuesToday: ['control', 'cost-chasing', 'quality'],
        valuesWishedFor: ['customer-focus', 'service'],
      },
    });
    expect(byForm.status).toBe(200);
    expect(byJson.json).toEqual({ stored: true });
  });

  it('refuses more than 10 picks and ids that are not on the list', async () => {
    const tooMany = await org.call('POST', links[2] as string, {
      json: { valuesToday: DEFAULT_VALUE_LIST.values.slice(0, 11).map((v) => v.id) },
    });
    const unknown = await org.call('POST', links[2] as string, {
      json: { valuesWishedFor: ['world-domination'] },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details[0].path).toBe('valuesToday');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0].path).toBe('valuesWishedFor');
  });

  it('keeps a running round on the list it opened with when the organisation switches lists', async () => {
    const custom = DEFAULT_VALUE_LIST.values.slice(0, 25).map((v) => ({ ...v, id: `own-${v.id}` }));
    const uploaded = await org.call('POST', `/v1/organisations/${org.orgId}/value-lists`, {
      key: org.adminKey,
      json: { values: custom },
    });
    const patched = await org.call('PATCH', `/v1/organisations/${org.orgId}`, {
      key: org.adminKey,
      json: { values: { enabled: true, listId: uploaded.json.id } },
    });
    const newId = await org.call('POST', links[2] as string, { json: { valuesToday: ['own-service'] } });
    const oldId = await org.call('POST', links[2] as string, {
      json: { rank: 30, valuesToday: ['service', 'customer-focus'], valuesWishedFor: ['customer-focus'] },
    });
    const unknownList = await org.call('PATCH', `/v1/organisations/${org.orgId}`, {
      key: org.adminKey,
      json: { values: { enabled: true, listId: 'vl_nope' } },
    });

    expect(uploaded.status).toBe(201);
    expect(patched.status).toBe(200);
    expect(newId.status).toBe(400);
    expect(oldId.status).toBe(200);
    expect(unknownList.status).toBe(400);
  });

  it('reports the measured place beside the perceived one, with entropy, in JSON and CSV', async () => {
    clock.advanceDays(15);
    await runTick(stack.deps);
    const report = (
      await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, {
        key: org.adminKey,
      })
    ).json.report;
    const csv = await org.call(
      'GET',
      `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report?format=csv`,
      { key: org.adminKey },
    );
    const mail = (await sentMail(stack)).find((m) => m.subject.startsWith('Rapport'));

    // Each person's picks share one vote. Today: service 1/3 + 1/2, control 1/3 + 1/3, customer-focus 1/2,
    // bureaucracy, cost-chasing and quality 1/3 each; limiting (control, bureaucracy, cost-chasing): 4/3 of 3.
    expect(report.values.respondents).toBe(3);
    expect(report.values.basis).toEqual({ today: 3, wishedFor: 3 });
    expect(report.values.today.slice(0, 3).map((v: { id: string; rank: number }) => [v.id, v.rank])).toEqual([
      ['service', 1],
      ['control', 2],
      ['customer-focus', 3],
    ]);
    // Three people who picked are too few for a measured place: null, with the reason in words.
    expect(report.values.customerPlace).toMatchObject({
      today: null,
      wishedFor: null,
      interval: { today: null, wishedFor: null },
      chance: { today: 50.5, wishedFor: 50.5 },
    });
    expect(report.values.customerPlace.reason.today).toContain('minst 20');
    expect(report.rank.median).toBe(45);
    expect(report.values.perceivedMinusMeasured).toBeNull();
    expect(report.values.entropy.today).toBe(0.4444);
    expect(csv.text).toContain('values,today,,customerPlace,\r\n');
    expect(mail?.body.text).toContain('Uppmätt plats för kunden i dag (värderingsval): –');
    expect(mail?.body.html).toContain('Topp 10 värderingar');
  });
});
