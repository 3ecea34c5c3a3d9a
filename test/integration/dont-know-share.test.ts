import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

/** A closed round where each person answers as given; returns its report as JSON and CSV. */
async function closedRound(ranks: (number | 'dont-know')[]) {
  const org = await organisationWithOpenRound(stack, ranks.length, {
    reportRecipients: ['boss@example.org'],
  });
  await runTick(stack.deps);
  const links = (await sentMail(stack))
    .filter((mail) => org.respondents.some((r) => r.email === mail.destination.to[0]))
    .map((mail) => linkIn(mail.body.text, /\/r\/[\w.-]+/));
  for (const [i, link] of links.entries()) await org.call('POST', link, { json: { rank: ranks[i] } });
  const path = `/v1/organisations/${org.orgId}/rounds/${org.roundId}`;
  await org.call('POST', `${path}/close`, { key: org.adminKey });
  await runTick(stack.deps);
  const report = (await org.call('GET', `${path}/report`, { key: org.adminKey })).json.report;
  const csv = (await org.call('GET', `${path}/report?format=csv`, { key: org.adminKey })).text;
  return { report, csv };
}

describe('the share of "don\'t know" in a round', () => {
  it('is 1 when everyone answers "don\'t know", with no place figure released', async () => {
    const { report, csv } = await closedRound([
      'dont-know',
      'dont-know',
      'dont-know',
      'dont-know',
      'dont-know',
    ]);

    expect(report.dontKnowShare).toBe(1);
    expect(report.rank).toBeNull();
    expect(report.withheld.rank).toBe('too-few-places');
    expect(csv).toContain('round,,,dontKnowShare,1');
  });

  it('is released when k people placed or said "don\'t know", while the one place stays hidden', async () => {
    const { report, csv } = await closedRound(['dont-know', 'dont-know', 'dont-know', 'dont-know', 73]);

    expect(report.dontKnowShare).toBe(0.8);
    expect(report.rank).toBeNull();
    expect(
      report.segments.department.every((segment: { median?: number }) => segment.median === undefined),
    ).toBe(true);
    expect(csv).not.toContain('histogram');
  });

  it("equals the released place figures' own share when k gave a place", async () => {
    const { report } = await closedRound([10, 20, 30, 40, 50, 'dont-know']);

    expect(report.rank.dontKnowShare).toBe(0.1667);
    expect(report.dontKnowShare).toBe(report.rank.dontKnowShare);
  });
});
