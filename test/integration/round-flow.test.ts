import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

const START = '2027-01-11T08:00:00Z';
const clock = manualClock(Date.parse(START));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
const linkOf = (text: string) => linkIn(text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);
let organisations = 0;

beforeEach(async () => {
  clock.set(START);
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
});
afterEach(() => stack.close());

/**
 * Each test has its own stack, organisation, twelve staff and start time, so it stands alone: in any order,
 * alone or with the others (a stack per test, so no test's tick works on another's round).
 */
async function organisationWithStaff() {
  const tag = ++organisations;
  const people = Array.from({ length: 12 }, (_, i) => ({
    email: `staff${i}-org${tag}@example.org`,
    department: ['Vård', 'Omsorg', 'Stab'][i % 3] as string,
  }));
  const org = await enrolVerified(stack, {
    customerTerm: 'brukare',
    anonymityThreshold: 3,
    commentThreshold: 3,
  });
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents: people },
  });
  await clearMail(stack);
  const mailTo = async (addresses: string[]) =>
    (await sentMail(stack)).filter((mail) => addresses.includes(mail.destination.to[0] as string));
  return { org, people, mailTo };
}

/** …with a round open and its invitations sent (not reminders), in the order sent. */
async function invitedRound() {
  const setup = await organisationWithStaff();
  const opened = await call('POST', `/v1/organisations/${setup.org.orgId}/rounds`, {
    key: setup.org.adminKey,
  });
  await runTick(stack.deps);
  const invitations = await setup.mailTo(setup.people.map((p) => p.email));
  await clearMail(stack);
  const roundId = opened.json.round.id as string;
  return {
    ...setup,
    roundId,
    invitations,
    invitationLink: (index: number) => linkOf(invitations[index]?.body.text ?? ''),
  };
}

describe('a whole round through the API and the tick', () => {
  it('refuses to open a round for an unverified organisation', async () => {
    const created = await call('POST', '/v1/organisations', {
      json: { name: 'Ny', contactEmail: 'ny@example.org', language: 'sv' },
    });
    const response = await call('POST', `/v1/organisations/${created.json.organisation.id}/rounds`, {
      key: created.json.adminKey,
    });
    expect(response.status).toBe(409);
  });

  it('opens a round on request, and only one at a time', async () => {
    const { org } = await organisationWithStaff();
    const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    const second = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });

    expect(opened.status).toBe(201);
    expect(opened.json.round.status).toBe('open');
    expect(Date.parse(opened.json.round.closesAt) - Date.parse(opened.json.round.opensAt)).toBe(
      14 * 86_400_000,
    );
    expect(second.status).toBe(409);
  });

  it('invites everyone once, in Swedish with the customer term and an unsubscribe link', async () => {
    const { org, people, mailTo } = await organisationWithStaff();
    const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    const roundId = opened.json.round.id;
    await runTick(stack.deps);
    const mails = await mailTo(people.map((p) => p.email));

    expect(mails.map((m) => m.destination.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
    expect(mails[0]?.subject).toContain('Var hamnar brukaren');
    expect(mails[0]?.body.text).toMatch(/\/r\/org_\w+\.rnd_\w+\.[\w-]{43}\/unsubscribe/);
    expect(mails[0]?.body.html).not.toMatch(/<img/i);
    const view = await call('GET', `/v1/organisations/${org.orgId}/rounds/${roundId}`, { key: org.adminKey });
    expect(view.json.round).toMatchObject({ invited: 12, answered: 0, responseRate: 0, status: 'open' });
  });

  it('freezes the customer term: a later edit does not change the running round', async () => {
    const { org, invitationLink } = await invitedRound();
    await call('PATCH', `/v1/organisations/${org.orgId}`, {
      key: org.adminKey,
      json: { customerTerm: 'kund' },
    });
    const page = await call('GET', invitationLink(0));
    expect(page.text).toContain('Var tror du att brukaren hamnar');
    expect(page.text).not.toContain('kunden');
  });

  it('shows the form, stores an answer, thanks, and replaces it when answered again', async () => {
    const { org, roundId, invitationLink } = await invitedRound();
    const link = invitationLink(0);
    const form = await call('GET', link);
    const first = await call('POST', link, {
      body: 'rank=40&rankReason=Vi+pratar+om+budget',
      type: 'application/x-www-form-urlencoded',
    });
    const again = await call('POST', link, { json: { rank: 12, raiseIdeas: 'Fråga brukarna' } });
    const view = await call('GET', `/v1/organisations/${org.orgId}/rounds/${roundId}`, { key: org.adminKey });

    expect(form.status).toBe(200);
    expect(form.headers.get('referrer-policy')).toBe('no-referrer');
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(form.text).toContain('<fieldset>');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Tack för ditt svar');
    expect(again.json).toEqual({ stored: true });
    expect(view.json.round).toMatchObject({ answered: 1, invited: 12 });
  });

  it('refuses an invalid answer with an error summary and keeps what was typed', async () => {
    const { invitationLink } = await invitedRound();
    const link = invitationLink(1);
    const response = await call('POST', link, {
      body: `rank=101&raiseIdeas=${'x'.repeat(2001)}&rankReason=kvar`,
      type: 'application/x-www-form-urlencoded',
    });
    const json = await call('POST', link, { json: { rank: 'abc' } });

    expect(response.status).toBe(400);
    expect(response.text).toContain('data-error-summary');
    expect(response.text).toContain('href="#rank"');
    expect(response.text).toContain('href="#raiseIdeas"');
    expect(response.text).toContain('>kvar</textarea>');
    expect(json.status).toBe(400);
    expect(json.json.error.details[0].path).toBe('rank');
  });

  it('answers tampered, unknown and cross-round links with a friendly 404', async () => {
    const { invitationLink } = await invitedRound();
    const link = invitationLink(2);
    const tampered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    const otherRound = link.replace(/rnd_\w+/, 'rnd_someotherround');
    for (const bad of [tampered, otherRound, '/r/nonsense']) {
      const response = await call('GET', bad);
      expect(response.status).toBe(404);
      expect(response.text).toContain('Länken är okänd');
    }
  });

  it('sends the admin a progress mail and reminds only those who have not answered', async () => {
    const { org, people, mailTo, invitations, invitationLink } = await invitedRound();
    await call('POST', invitationLink(0), { json: { rank: 12 } });
    clock.advanceDays(5);
    await runTick(stack.deps);
    await runTick(stack.deps);
    const mails = await mailTo([org.contactEmail, ...people.map((p) => p.email)]);

    const progress = mails.filter((m) => m.destination.to[0] === org.contactEmail);
    const reminders = mails.filter((m) => m.subject.startsWith('Påminnelse'));
    expect(progress).toHaveLength(1);
    expect(progress[0]?.body.text).toContain('1 av 12');
    // Issue 12: no group row may point at who has not answered (1 / 4 did); every group here is under k of each.
    expect(progress[0]?.body.text).not.toMatch(/department: \S+: \d+ \//);
    expect(progress[0]?.body.text).toContain('inte har svarat, så att ingen siffra pekar ut någon');
    expect(reminders).toHaveLength(11);
    expect(reminders.map((m) => m.destination.to[0])).not.toContain(invitations[0]?.destination.to[0]);
  });

  it('closes the round at the end of its window: links then say so, and the figures are stored', async () => {
    const { org, roundId, invitationLink } = await invitedRound();
    await call('POST', invitationLink(0), { json: { rank: 12 } });
    const link = invitationLink(1);
    await call('POST', link, { json: { rank: 30 } });
    await call('POST', invitationLink(2), { json: { rank: 'dont-know' } });
    clock.advanceDays(15);
    await runTick(stack.deps);

    const page = await call('GET', link);
    const late = await call('POST', link, { json: { rank: 1 } });
    const view = await call('GET', `/v1/organisations/${org.orgId}/rounds/${roundId}`, { key: org.adminKey });
    const report = await stack.deps.reports.get(org.orgId, roundId);

    expect(page.status).toBe(410);
    expect(page.text).toContain('Pulsen är stängd');
    expect(late.status).toBe(409);
    expect(view.json.round.status).toBe('closed');
    // Issue 12: three answers of which one "don't know" leave two places, under k = 3: no place figure.
    expect(report).toMatchObject({
      invited: 12,
      answered: 3,
      responseRate: 0.25,
      suppressed: true,
      rank: null,
    });
    expect(report?.withheld.rank).toBe('too-few-places');
  });

  it('lets the organisation open the next round once the last has closed', async () => {
    const { org, roundId } = await invitedRound();
    await call('POST', `/v1/organisations/${org.orgId}/rounds/${roundId}/close`, { key: org.adminKey });
    const next = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    const closed = await call('POST', `/v1/organisations/${org.orgId}/rounds/${next.json.round.id}/close`, {
      key: org.adminKey,
    });
    const again = await call('POST', `/v1/organisations/${org.orgId}/rounds/${next.json.round.id}/close`, {
      key: org.adminKey,
    });

    expect(next.status).toBe(201);
    expect(closed.json.round.status).toBe('closed');
    expect(again.status).toBe(409);
  });
});
