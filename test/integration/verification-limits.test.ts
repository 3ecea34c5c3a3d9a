import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { localChoices } from '../../infra/local/choices.js';
import type { LocalStack } from '../../infra/local/stack.js';
import { createDeps } from '../../shared/deps.js';
import { manualClock } from '../support/clock.js';
import { apiClient, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-06-07T08:10:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
});
afterAll(() => stack.close());

const LURE = 'Ring 0771-123 456 för att behålla ditt konto';
const enrol = (contactEmail: string, name = 'Limits') =>
  call('POST', '/v1/organisations', { json: { name, contactEmail, language: 'sv' } });
const resend = (org: { json: { organisation: { id: string }; adminKey: string } }) =>
  call('POST', `/v1/organisations/${org.json.organisation.id}/verification`, { key: org.json.adminKey });
const mailsTo = async (address: string) =>
  (await sentMail(stack)).filter((m) => m.destination.to.includes(address));

describe('verification mail on demand', () => {
  it('quotes nothing the enrolling caller chose, in the mail or on the page behind its link', async () => {
    await enrol('lure@example.org', LURE);

    const [mail] = await mailsTo('lure@example.org');
    const page = await call('GET', linkIn(mail?.body.text ?? '', /\/verify\/[\w-]+/));

    expect(mail?.subject).toBe('Bekräfta er organisation i Kundpuls');
    for (const text of [mail?.subject, mail?.body.text, mail?.body.html, page.text]) {
      expect(text).not.toContain('0771');
      expect(text).not.toContain('Ring');
    }
  });

  it('limits resends per address: the enrolment mail and two resends an hour, then 429 with Retry-After', async () => {
    const org = await enrol('resend@example.org');

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await resend(org));

    expect(statuses.map((r) => r.status)).toEqual([202, 202, 429]);
    expect(statuses[2]?.json.error).toEqual({
      code: 'rate_limited',
      message: expect.any(String),
      details: [],
    });
    const retryAfter = Number(statuses[2]?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await mailsTo('resend@example.org')).toHaveLength(3);
  });

  it('limits resends per organisation, whatever address it names', async () => {
    const org = await enrol('first@example.org');
    const statuses: number[] = [];
    for (const address of ['second', 'third', 'fourth'].map((n) => `${n}@example.org`)) {
      await call('PATCH', `/v1/organisations/${org.json.organisation.id}`, {
        key: org.json.adminKey,
        json: { contactEmail: address },
      });
      statuses.push((await resend(org)).status);
    }

    expect(statuses).toEqual([202, 202, 202]);
    await call('PATCH', `/v1/organisations/${org.json.organisation.id}`, {
      key: org.json.adminKey,
      json: { contactEmail: 'fifth@example.org' },
    });
    expect((await resend(org)).status).toBe(429);
    expect(await mailsTo('fifth@example.org')).toHaveLength(0);
  });

  it('limits enrolments that name one address: the fourth in an hour is refused and creates nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await enrol('victim@example.org', `Org ${i}`)).status);

    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await mailsTo('victim@example.org')).toHaveLength(3);
  });

  it('counts in the table, so a second container sees the first one’s count', async () => {
    const org = await enrol('shared@example.org');
    const otherContainer = createApp(createDeps(stack.config, { ...localChoices(), clock }), {
      clientAddress: () => 'other',
    });
    const viaOther = () =>
      otherContainer.request(`/v1/organisations/${org.json.organisation.id}/verification`, {
        method: 'POST',
        headers: { authorization: `Bearer ${org.json.adminKey}` },
      });

    const first = await resend(org);
    const second = await viaOther();
    const third = await viaOther();

    expect([first.status, second.status, third.status]).toEqual([202, 202, 429]);
  });

  it('allows the address again in the next hour, up to ten a day', async () => {
    const org = await enrol('patient@example.org');
    const statuses: number[] = [];
    for (let hour = 0; hour < 5; hour++) {
      clock.advanceDays(1 / 24);
      for (let i = 0; i < 3; i++) statuses.push((await resend(org)).status);
    }

    // 1 enrolment + 9 resends make ten mails in the day; the tenth resend meets the daily limit.
    expect(statuses.filter((s) => s === 202)).toHaveLength(9);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  });
});
