import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { handleSesNotification } from '../../shared/mail/handle-ses-notification.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let linkFor: Map<string, string>;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, 9);
  await runTick(stack.deps);
  linkFor = new Map(
    (await sentMail(stack)).map((m) => [
      m.destination.to[0] as string,
      linkIn(m.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/),
    ]),
  );
});
afterAll(() => stack.close());

const [unsubscriber, bouncer, complainer, leaver] = ['p0', 'p1', 'p2', 'p3'] as const;
const emailOf = (prefix: string) =>
  [...linkFor.keys()].find((email) => email.startsWith(`${prefix}.`)) as string;

describe('unsubscribing, bounces, complaints and erasure', () => {
  it('shows an unsubscribe page on GET and changes nothing until the button is pressed', async () => {
    const link = `${linkFor.get(emailOf(unsubscriber))}/unsubscribe`;
    const page = await org.call('GET', link);
    const list = await org.call('GET', `/v1/organisations/${org.orgId}/respondents?limit=500`, {
      key: org.adminKey,
    });

    expect(page.text).toContain('<form method="post">');
    expect(
      list.json.respondents.find((r: { email: string }) => r.email === emailOf(unsubscriber)).status,
    ).toBe('active');
  });

  it('unsubscribes with the RFC 8058 one-click POST', async () => {
    const link = `${linkFor.get(emailOf(unsubscriber))}/unsubscribe`;
    const response = await org.call('POST', link, {
      body: 'List-Unsubscribe=One-Click',
      type: 'application/x-www-form-urlencoded',
    });
    const list = await org.call('GET', `/v1/organisations/${org.orgId}/respondents?limit=500`, {
      key: org.adminKey,
    });

    expect(response.status).toBe(200);
    expect(
      list.json.respondents.find((r: { email: string }) => r.email === emailOf(unsubscriber)).status,
    ).toBe('unsubscribed');
  });

  it('suppresses hard bounces and complaints from SES notifications, but not soft bounces', async () => {
    const bounce = {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: emailOf(bouncer) }] },
    };
    const complaint = {
      notificationType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: `Name <${emailOf(complainer)}>` }] },
    };
    const soft = {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: emailOf('p4') }] },
    };

    const counts = [
      await handleSesNotification(stack.deps, JSON.stringify(bounce)),
      await handleSesNotification(stack.deps, JSON.stringify(complaint)),
      await handleSesNotification(stack.deps, JSON.stringify(soft)),
      await handleSesNotification(stack.deps, 'not json'),
    ];

    expect(counts).toEqual([1, 1, 0, 0]);
  });

  it('erases a respondent while the round is open: their link dies, the round still counts them invited', async () => {
    const link = linkFor.get(emailOf(leaver)) as string;
    await org.call('POST', link, { json: { rank: 15 } });

    const erased = await org.call(
      'DELETE',
      `/v1/organisations/${org.orgId}/respondents/${encodeURIComponent(emailOf(leaver))}`,
      { key: org.adminKey },
    );
    const afterwards = await org.call('GET', link);
    const view = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}`, {
      key: org.adminKey,
    });

    expect(erased.status).toBe(204);
    expect(afterwards.status).toBe(404);
    expect(view.json.round.invited).toBe(9);
  });

  it('reminds no one who unsubscribed, bounced, complained or was erased, and counts the suppressed', async () => {
    await clearMail(stack);
    clock.advanceDays(5);
    await runTick(stack.deps);
    const reminded = (await sentMail(stack))
      .filter((m) => m.subject.startsWith('Påminnelse'))
      .map((m) => m.destination.to[0]);
    const view = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}`, {
      key: org.adminKey,
    });

    expect(reminded.sort()).toEqual(['p4', 'p5', 'p6', 'p7', 'p8'].map(emailOf).sort());
    expect(view.json.round.suppressed).toBe(0);
  });

  it('keeps the anonymous answer of an erased respondent in the figures', async () => {
    clock.advanceDays(10);
    await runTick(stack.deps);
    const report = await stack.deps.reports.get(org.orgId, org.roundId);
    expect(report?.answered).toBe(1);
    expect(report?.invited).toBe(9);
  });

  it('skips suppressed addresses in the next round and counts them', async () => {
    const next = await org.call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    await clearMail(stack);
    await runTick(stack.deps);
    const invited = (await sentMail(stack)).map((m) => m.destination.to[0]);
    const view = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${next.json.round.id}`, {
      key: org.adminKey,
    });

    expect(invited).toHaveLength(5);
    expect(invited).not.toContain(emailOf(unsubscriber));
    expect(invited).not.toContain(emailOf(bouncer));
    expect(view.json.round).toMatchObject({ invited: 5, suppressed: 3 });
  });

  it('rate limits a client that guesses links', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const guess = `/r/${org.orgId}.${org.roundId}.${'A'.repeat(42)}${String.fromCharCode(65 + i)}`;
      statuses.push((await org.call('GET', guess)).status);
    }
    const realLink = await org.call('GET', linkFor.get(emailOf('p5')) as string);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect(realLink.status).toBe(429);
  });
});
