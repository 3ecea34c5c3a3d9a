import { describe, expect, it } from 'vitest';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { linkIn, sentMail, stackForFile } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-10-18T08:00:00Z'));
const file = stackForFile({ overrides: { clock } });

/**
 * The admin knows one colleague alone fills in the "wished for" list. Six people pick values for today, so the
 * values section is released; the wished-for list rests on one person and must release nothing of its own
 * (its ranks, shares, entropy and measured place would be that person's ten picks).
 */
describe('values attack', () => {
  it('learns nothing from a pick list fewer than k people filled in, in JSON, CSV or the mail', async () => {
    const org = await enrolVerified(file.stack, { cadence: 'manual', values: { enabled: true } });
    const emails = Array.from({ length: 7 }, (_, i) =>
      `v${i}.${org.orgId.slice(4, 9)}@example.org`.toLowerCase(),
    );
    await file.call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents: emails.map((email) => ({ email })) },
    });
    const round = (await file.call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey }))
      .json.round;
    await runTick(file.stack.deps);
    const links = (await sentMail(file.stack))
      .filter((m) => emails.includes(m.destination.to[0] as string))
      .map((m) => linkIn(m.body.text, /\/r\/[\w.-]+/));
    const [lone, ...others] = links;
    await file.call('POST', lone as string, {
      json: { rank: 40, valuesWishedFor: ['humour', 'curiosity', 'courage'] },
    });
    for (const link of others)
      await file.call('POST', link, { json: { rank: 30, valuesToday: ['quality', 'efficiency'] } });
    await file.call('POST', `/v1/organisations/${org.orgId}/rounds/${round.id}/close`, { key: org.adminKey });
    await runTick(file.stack.deps);

    const path = `/v1/organisations/${org.orgId}/rounds/${round.id}/report`;
    const report = (await file.call('GET', path, { key: org.adminKey })).json.report;
    const csv = (await file.call('GET', `${path}?format=csv`, { key: org.adminKey })).text;

    expect(report.values.today.length).toBe(100);
    expect(report.values.wishedFor).toEqual([]);
    expect(report.values.entropy.wishedFor).toBeNull();
    expect(report.values.customerPlace.wishedFor).toBeNull();
    expect(report.values.biggestGaps).toEqual([]);
    expect(csv).not.toMatch(/^value,wishedFor,/m);
    expect(csv).toContain('value,today,humour,votes,0');
  });
});
