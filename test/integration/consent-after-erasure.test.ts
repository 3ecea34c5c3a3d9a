import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { handleSesNotification } from '../../shared/mail/handle-ses-notification.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { scanTable } from '../support/scan-table.js';
import { apiClient, clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-05-03T08:00:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
});
afterAll(() => stack.close());

const people = ['stays', 'leaves', 'bounces', 'other'].map((name) => ({ email: `${name}@consent.example` }));
const [stays, leaves, bounces] = people.map((p) => p.email) as [string, string, string];

/** Opens a round, runs the tick, closes the round; returns who got an invitation. */
async function roundInvites(org: { orgId: string; adminKey: string }) {
  await clearMail(stack);
  const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
  if (opened.status !== 201) throw new Error(`open failed: ${opened.text}`);
  await runTick(stack.deps);
  const invited = (await sentMail(stack)).filter((m) => m.destination.to[0]?.endsWith('@consent.example'));
  await call('POST', `/v1/organisations/${org.orgId}/rounds/${opened.json.round.id}/close`, {
    key: org.adminKey,
  });
  await runTick(stack.deps);
  return invited;
}

const importPeople = (org: { orgId: string; adminKey: string }) =>
  call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents: people },
  });
const erase = (org: { orgId: string; adminKey: string }, email: string) =>
  call('DELETE', `/v1/organisations/${org.orgId}/respondents/${encodeURIComponent(email)}`, {
    key: org.adminKey,
  });
const statusOf = async (org: { orgId: string; adminKey: string }, email: string) =>
  (
    await call('GET', `/v1/organisations/${org.orgId}/respondents?limit=500`, { key: org.adminKey })
  ).json.respondents.find((r: { email: string }) => r.email === email)?.status;

describe('consent survives erasure', () => {
  it('keeps an unsubscribe and a bounce through erasure and a new import: the next round mails neither', async () => {
    const org = await enrolVerified(stack, { cadence: 'manual' });
    await importPeople(org);
    const first = await roundInvites(org);
    const leaverLink = linkIn(
      first.find((m) => m.destination.to[0] === leaves)?.body.text ?? '',
      /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/,
    );
    await call('POST', `${leaverLink}/unsubscribe`, {
      body: 'List-Unsubscribe=One-Click',
      type: 'application/x-www-form-urlencoded',
    });
    await handleSesNotification(
      stack.deps,
      JSON.stringify({
        notificationType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: bounces }] },
      }),
    );

    const erased = await Promise.all([erase(org, leaves), erase(org, bounces)]);
    const reimported = await importPeople(org);
    const second = await roundInvites(org);

    expect(first.map((m) => m.destination.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
    expect(erased.map((r) => r.status)).toEqual([204, 204]);
    expect(reimported.json).toMatchObject({ created: 2 });
    expect(await statusOf(org, leaves)).toBe('unsubscribed');
    expect(second.map((m) => m.destination.to[0]).sort()).toEqual([stays, 'other@consent.example'].sort());
  });

  it('scopes an unsubscribe to its organisation: another organisation still mails the address', async () => {
    const first = await enrolVerified(stack, { cadence: 'manual' });
    const second = await enrolVerified(stack, { cadence: 'manual' });
    await importPeople(first);
    const invites = await roundInvites(first);
    const link = linkIn(
      invites.find((m) => m.destination.to[0] === stays)?.body.text ?? '',
      /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/,
    );
    await call('POST', `${link}/unsubscribe`, {
      body: 'List-Unsubscribe=One-Click',
      type: 'application/x-www-form-urlencoded',
    });

    await importPeople(second);
    const elsewhere = await roundInvites(second);

    expect(elsewhere.map((m) => m.destination.to[0])).toContain(stays);
  });

  it('keeps an unsubscribe recorded only in the respondent status (before the keyed record existed)', async () => {
    const org = await enrolVerified(stack, { cadence: 'manual' });
    await importPeople(org);
    const key = [...(await stack.deps.respondents.list(org.orgId, undefined, 10)).items].find(
      (r) => r.email === stays,
    )?.respondentKey as string;
    await stack.deps.respondents.setStatus(org.orgId, key, 'unsubscribed', clock.now().toISOString());

    await erase(org, stays);
    await importPeople(org);

    expect(await statusOf(org, stays)).toBe('unsubscribed');
    expect((await roundInvites(org)).map((m) => m.destination.to[0])).not.toContain(stays);
  });

  it('keeps no address in what outlives erasure, only the keyed hash', async () => {
    const org = await enrolVerified(stack, { cadence: 'manual' });
    await importPeople(org);
    const invites = await roundInvites(org);
    const link = linkIn(
      invites.find((m) => m.destination.to[0] === leaves)?.body.text ?? '',
      /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/,
    );
    await call('POST', `${link}/unsubscribe`, {
      body: 'List-Unsubscribe=One-Click',
      type: 'application/x-www-form-urlencoded',
    });

    await erase(org, leaves);
    // Other organisations of this file hold the same address, unerased: only theirs may name it.
    const items = (await scanTable(stack)).filter(
      (item) => !String(item.pk).startsWith('ORG#') || item.pk === `ORG#${org.orgId}`,
    );

    expect(items.some((item) => item.sk === `UNSUBSCRIBED#${item.respondentKey}`)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(leaves);
  });
});
