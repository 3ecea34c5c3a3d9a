import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-02-01T08:00:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
let org: Awaited<ReturnType<typeof enrolVerified>>;
const emails = Array.from({ length: 12 }, (_, i) => `g${i}@example.org`);

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
  org = await enrolVerified(stack, { cadence: 'manual', anonymityThreshold: 3, commentThreshold: 3 });
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents: emails.map((email) => ({ email })) },
  });
});
afterAll(() => stack.close());

/** Opens a round, lets everyone answer with the given places, closes it and stores its figures. */
async function round(places: number[]): Promise<string> {
  await clearMail(stack);
  const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
  await runTick(stack.deps);
  const links = (await sentMail(stack))
    .filter((m) => emails.includes(m.destination.to[0] as string))
    .map((m) => linkIn(m.body.text, /\/r\/[\w.-]+/));
  for (const [i, link] of links.entries())
    await call('POST', link, { json: { rank: places[i] ?? 'dont-know' } });
  await call('POST', `/v1/organisations/${org.orgId}/rounds/${opened.json.round.id}/close`, {
    key: org.adminKey,
  });
  await runTick(stack.deps);
  clock.advanceDays(182);
  return opened.json.round.id as string;
}

describe('change, trend and goal', () => {
  it('validates the goal setting and takes a good one', async () => {
    const patch = (goal: unknown) =>
      call('PATCH', `/v1/organisations/${org.orgId}`, { key: org.adminKey, json: { goal } });
    const statuses = [];
    for (const bad of [
      { place: 0 },
      { place: 10, by: '2035-02-30' },
      { place: 10, by: '31/12/2035' },
      { place: 1.5 },
    ])
      statuses.push((await patch(bad)).status);
    const good = await patch({ place: 10, by: '2035-12-31' });

    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(good.status).toBe(200);
    expect(good.json.organisation.goal).toEqual({ place: 10, by: '2035-12-31' });
  });

  it('tells a clear change from noise between rounds, and gives the trend and the goal from three rounds', async () => {
    const first = Array.from({ length: 12 }, (_, i) => 50 + i);
    await round(first);
    const second = await round(first.map((p) => p - 40));
    await round(first.map((p) => p - 41));
    const path = `/v1/organisations/${org.orgId}`;
    const secondReport = (await call('GET', `${path}/rounds/${second}/report`, { key: org.adminKey })).json
      .report;
    const trend = (await call('GET', `${path}/report`, { key: org.adminKey })).json.report;
    const csv = (await call('GET', `${path}/report?format=csv`, { key: org.adminKey })).text;

    expect(secondReport.change.median).toBe(-40);
    expect(secondReport.change.significance.median).toMatchObject({
      significant: true,
      test: 'mann-whitney-hodges-lehmann',
    });
    expect(secondReport.change.significance.top10Share).toMatchObject({
      significant: false,
      test: 'newcombe-wilson',
    });
    expect(trend.series).toHaveLength(3);
    expect(trend.slopePerYear).toBeLessThan(0);
    expect(trend.goal).toMatchObject({
      place: 10,
      by: '2035-12-31',
      projection: { status: 'no-clear-trend', year: null, band: null },
    });
    expect(csv.split('\r\n')[0]).toContain('goalStatus');
    expect(csv.split('\r\n')[1]).toContain('no-clear-trend');
    const reportMail = (await sentMail(stack)).find((m) => !emails.includes(m.destination.to[0] as string));
    expect(reportMail?.body.text).toContain('ingen tydlig trend');
  });
});
