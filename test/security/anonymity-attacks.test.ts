import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-10-04T08:00:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
});
afterAll(() => stack.close());

/** 12 people: 6 in Stora, 5 in Mellan, 1 alone in Lilla; k = 5. */
async function roundWithAnswers() {
  const org = await enrolVerified(stack, { cadence: 'manual', commentThreshold: 5 });
  const departments = [...Array(6).fill('Stora'), ...Array(5).fill('Mellan'), 'Lilla'] as string[];
  const respondents = departments.map((department, i) => ({
    email: `a${i}.${org.orgId.slice(4, 9)}@example.org`.toLowerCase(),
    department,
  }));
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents },
  });
  const round = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json
    .round;
  await runTick(stack.deps);
  const mails = (await sentMail(stack)).filter((m) =>
    respondents.some((r) => r.email === m.destination.to[0]),
  );
  for (const mail of mails) {
    const department = respondents.find((r) => r.email === mail.destination.to[0])?.department;
    await call('POST', linkIn(mail.body.text, /\/r\/[\w.-]+/), {
      json: { rank: department === 'Lilla' ? 99 : 20 },
    });
  }
  return { org, round, respondents };
}

describe('anonymity attacks', () => {
  it('hides a group under k and the next smallest, so the lone answer cannot be had by subtraction', async () => {
    const { org, round } = await roundWithAnswers();
    // Segment figures come only after the close (issue 12: nothing but counts while a round is open).
    await call('POST', `/v1/organisations/${org.orgId}/rounds/${round.id}/close`, { key: org.adminKey });
    await runTick(stack.deps);
    const report = (
      await call('GET', `/v1/organisations/${org.orgId}/rounds/${round.id}/report`, { key: org.adminKey })
    ).json.report;
    const byValue = Object.fromEntries(
      report.segments.department.map((s: { value: string }) => [s.value, s]),
    );

    expect(byValue.Lilla).toEqual({ value: 'Lilla', suppressed: true });
    expect(byValue.Mellan).toEqual({ value: 'Mellan', suppressed: true });
    expect(byValue.Stora.suppressed).toBe(false);
    // Total minus the shown group covers 6 answers (Mellan and Lilla), never the lone one.
    expect(report.answered - byValue.Stora.answered).toBeGreaterThanOrEqual(5);
  });

  it('reveals nothing new when a respondent is erased between two reads of a live report', async () => {
    const { org, round, respondents } = await roundWithAnswers();
    const read = async () =>
      (await call('GET', `/v1/organisations/${org.orgId}/rounds/${round.id}/report`, { key: org.adminKey }))
        .json.report;
    const before = await read();
    const lone = respondents.find((r) => r.department === 'Lilla')?.email as string;

    await call('DELETE', `/v1/organisations/${org.orgId}/respondents/${encodeURIComponent(lone)}`, {
      key: org.adminKey,
    });
    const after = await read();

    const { computedAt: _a, ...figuresBefore } = before;
    const { computedAt: _b, ...figuresAfter } = after;
    expect(figuresAfter).toEqual(figuresBefore);
  });

  it('keeps a round under k to counts alone, in the JSON, its comments and the report mail', async () => {
    const org = await enrolVerified(stack, { cadence: 'manual' });
    await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents: [0, 1, 2, 3].map((i) => ({ email: `few${i}@example.org` })) },
    });
    const round = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json
      .round;
    await runTick(stack.deps);
    for (const mail of (await sentMail(stack)).filter((m) => m.destination.to[0]?.startsWith('few')))
      await call('POST', linkIn(mail.body.text, /\/r\/[\w.-]+/), {
        json: { rank: 3, rankReason: 'Bara vi fyra vet' },
      });
    await call('POST', `/v1/organisations/${org.orgId}/rounds/${round.id}/close`, { key: org.adminKey });
    await runTick(stack.deps);

    const report = (
      await call('GET', `/v1/organisations/${org.orgId}/rounds/${round.id}/report`, { key: org.adminKey })
    ).json.report;
    const comments = (
      await call('GET', `/v1/organisations/${org.orgId}/rounds/${round.id}/comments`, { key: org.adminKey })
    ).json.comments;
    const mail = (await sentMail(stack)).find(
      (m) => m.subject.startsWith('Rapport') && m.destination.to[0] === org.contactEmail,
    );
    expect(report).toMatchObject({ answered: 4, suppressed: true, comments: {}, themes: [] });
    expect(comments).toEqual({});
    expect(report.rank).toBeNull();
    expect(report.withheld.rank).toBe('below-threshold');
    expect(mail?.body.text).toContain('För få svar');
    expect(mail?.body.text).not.toContain('Bara vi fyra');
    expect(mail?.attachments).toHaveLength(0);
  });
});
