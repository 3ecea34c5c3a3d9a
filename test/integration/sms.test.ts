import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { createRecordingSmsSender } from '../../shared/adapters/local/recording-sms-sender.js';
import { smsParts } from '../../shared/sms/sms-sender.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { codesByEmployee, linkPattern } from '../support/code-setup.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, linkIn, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
const sms = createRecordingSmsSender();
let stack: LocalStack;
let org: Awaited<ReturnType<typeof enrolVerified>>;
let roundId: string;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock, sms } });
  const call = apiClient(stack);
  org = await enrolVerified(stack);
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: {
      respondents: [
        { employeeId: 'T-1', mobile: '+46701110001', department: 'Transport' },
        { employeeId: 'T-2', mobile: '+46701110002', department: 'Transport' },
        { employeeId: 'T-3', department: 'Transport' },
        { email: 'office@example.org', mobile: '+46701110009', department: 'Stab' },
      ],
    },
  });
  roundId = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json.round
    .id;
  await runTick(stack.deps);
});
afterAll(() => stack.close());

describe('invitations by SMS', () => {
  it('texts a personal link to those with a mobile and no e-mail, in two parts at most', async () => {
    expect(sms.sent.map((message) => message.to).sort()).toEqual(['+46701110001', '+46701110002']);
    for (const message of sms.sent) {
      expect(message.text).toMatch(linkPattern);
      expect(message.purpose).toBe('invite-sms');
      expect(smsParts(message.text)).toBeLessThanOrEqual(2);
    }
  });

  it('prints a code only for the one with neither e-mail nor mobile', async () => {
    const codes = await codesByEmployee(stack, org.orgId, roundId, org.adminKey);
    expect([...codes.keys()]).toEqual(['T-3']);
  });

  it('opens the form from the texted link, and reminds by SMS only who has not answered', async () => {
    const first = sms.sent.find((message) => message.to === '+46701110001')?.text ?? '';
    const answered = await fetch(`${stack.apiUrl}${linkIn(first, linkPattern)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'rank=8',
    });
    expect(answered.status).toBe(200);
    sms.sent.length = 0;

    clock.advanceDays(5);
    await runTick(stack.deps);

    expect(sms.sent.map((message) => [message.to, message.purpose])).toEqual([
      ['+46701110002', 'reminder1-sms'],
    ]);
    expect(sms.sent[0]?.text).toMatch(/^Påminnelse: /);
  });

  it('counts SMS invitations as invited', async () => {
    const view = await apiClient(stack)('GET', `/v1/organisations/${org.orgId}/rounds/${roundId}`, {
      key: org.adminKey,
    });
    expect(view.json.round).toMatchObject({ invited: 4, answered: 1 });
  });
});

describe('counting SMS parts', () => {
  it('counts 160 GSM characters as one part, 161 as two, and a non-GSM character as UCS-2', () => {
    expect(smsParts('å'.repeat(160))).toBe(1);
    expect(smsParts('a'.repeat(161))).toBe(2);
    expect(smsParts(`${'a'.repeat(69)}€`)).toBe(1);
    expect(smsParts(`${'a'.repeat(70)}→`)).toBe(2);
  });
});
