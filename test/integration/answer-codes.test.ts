import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerApp } from '../../functions/api/answer-app.js';
import type { LocalStack } from '../../infra/local/stack.js';
import { createRespondentDeps } from '../../shared/respondent-deps.js';
import { createSecrets } from '../../shared/security/secrets.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { answerByCode, answerByLink, codesByEmployee } from '../support/code-setup.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, clearMail, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-02-01T08:00:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
const departments = ['Vård', 'Kök'];
const ranks = ['12', '30', '7', '55', '21', '40', '18', '3'];

/** Eight staff in two departments; with `codes`, every other one has an employee id and no e-mail. */
function staff(tag: string, codes: boolean) {
  return Array.from({ length: 8 }, (_, i) =>
    codes && i % 2 === 1
      ? { employeeId: `${tag}-E${i}`, department: departments[i % 2] as string }
      : { email: `${tag}${i}@example.org`, department: departments[i % 2] as string },
  );
}

async function roundWith(tag: string, codes: boolean) {
  const org = await enrolVerified(stack, { anonymityThreshold: 3, commentThreshold: 3 });
  const people = staff(tag, codes);
  const imported = await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents: people },
  });
  if (imported.status !== 200) throw new Error(imported.text);
  const roundId = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json
    .round.id as string;
  await runTick(stack.deps);
  return { ...org, roundId, people };
}

let mixed: Awaited<ReturnType<typeof roundWith>>;
let codes: Map<string, string>;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
  await clearMail(stack);
  mixed = await roundWith('mix', true);
  codes = await codesByEmployee(stack, mixed.orgId, mixed.roundId, mixed.adminKey);
});
afterAll(() => stack.close());

describe('staff without e-mail', () => {
  it('mails only those with an e-mail, and gives the others a code each on the sheet', async () => {
    const mailed = (await sentMail(stack))
      .map((m) => m.destination.to[0])
      .filter((to) => to?.startsWith('mix'));
    const sheet = await call('GET', `/v1/organisations/${mixed.orgId}/rounds/${mixed.roundId}/codes`, {
      key: mixed.adminKey,
    });

    expect(mailed.sort()).toEqual([
      'mix0@example.org',
      'mix2@example.org',
      'mix4@example.org',
      'mix6@example.org',
    ]);
    expect([...codes.keys()].sort()).toEqual(['mix-E1', 'mix-E3', 'mix-E5', 'mix-E7']);
    for (const code of codes.values()) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Set(codes.values()).size).toBe(4);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toMatch(/^text\/html/);
    expect(sheet.text.match(/class="slip"/g)).toHaveLength(4);
    expect(sheet.text.match(/<svg /g)).toHaveLength(4);
    for (const code of codes.values()) expect(sheet.text).toContain(code);
    const view = await call('GET', `/v1/organisations/${mixed.orgId}/rounds/${mixed.roundId}`, {
      key: mixed.adminKey,
    });
    expect(view.json.round.invited).toBe(8);
  });

  it('gives the same codes when the sheet is printed again, and none to an analyst', async () => {
    const again = await codesByEmployee(stack, mixed.orgId, mixed.roundId, mixed.adminKey);
    const analyst = (
      await call('POST', `/v1/organisations/${mixed.orgId}/keys`, {
        key: mixed.adminKey,
        json: { role: 'analyst' },
      })
    ).json.key;
    const refused = await call('GET', `/v1/organisations/${mixed.orgId}/rounds/${mixed.roundId}/codes`, {
      key: analyst,
    });

    expect(again).toEqual(codes);
    expect(refused.status).toBe(403);
  });

  it('opens the form of a code typed in lower case with spaces, carrying the code in a hidden field, not the URL', async () => {
    const code = codes.get('mix-E1') as string;
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const response = await fetch(`${stack.apiUrl}/k`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: typed }).toString(),
    });
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(page).toContain('name="rank"');
    expect(page).toMatch(/<input type="hidden" name="step" value="answer"/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers 404 with the kiosk page for a code that is not one', async () => {
    const response = await answerByCode(stack, 'ZZZZZ-ZZZZZ', {});
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('aria-invalid="true"');
  });

  it('stores an answer by code and thanks with the way back for the next person', async () => {
    const first = await answerByCode(stack, codes.get('mix-E1') as string, { rank: '99' });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('href="/k"');
    const report = await call('GET', `/v1/organisations/${mixed.orgId}/rounds/${mixed.roundId}/report`, {
      key: mixed.adminKey,
    });
    expect(report.json.report.answered).toBe(1);
  });

  it('reports the same figures when half the staff answer by code as when all answer by link', async () => {
    const links = await roundWith('all', false);
    // mix-E1 answered 99 above: answering again here must replace it, or the figures would differ.
    for (const [i, rank] of ranks.entries()) {
      const person = mixed.people[i] as { email?: string; employeeId?: string };
      const byCode = person.employeeId
        ? await answerByCode(stack, codes.get(person.employeeId) as string, { rank })
        : await answerByLink(stack, person.email as string, { rank });
      const byLink = await answerByLink(stack, `all${i}@example.org`, { rank });
      expect([byCode.status, byLink.status]).toEqual([200, 200]);
    }
    for (const org of [mixed, links])
      await call('POST', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/close`, { key: org.adminKey });
    await runTick(stack.deps);
    const reportOf = async (org: typeof mixed) =>
      (
        await call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, {
          key: org.adminKey,
        })
      ).json.report;
    const [withCodes, withLinks] = [await reportOf(mixed), await reportOf(links)];
    const figures = ({
      roundId: _r,
      opensAt: _o,
      closesAt: _c,
      computedAt: _t,
      answeredByCode: _a,
      ...rest
    }: Record<string, unknown>) => rest;

    const csvOf = async (org: typeof mixed) =>
      (
        await call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report?format=csv`, {
          key: org.adminKey,
        })
      ).text;
    const [csvWithCodes, csvWithLinks] = [await csvOf(mixed), await csvOf(links)];

    expect(withCodes.answered).toBe(8);
    expect(withCodes.answeredByCode).toBe(4);
    expect(withLinks.answeredByCode).toBeUndefined();
    expect(figures(withCodes)).toEqual(figures(withLinks));
    // The CSV too: the same rows, and the one row that says how many came by code.
    expect(csvWithCodes).toContain('\r\nround,,,answeredByCode,4\r\n');
    expect(csvWithCodes.replace('round,,,answeredByCode,4\r\n', '')).toBe(csvWithLinks);
  });

  it('lets codes die at close: the kiosk says the round has closed, the sheet is refused', async () => {
    const response = await answerByCode(stack, codes.get('mix-E3') as string, { rank: '1' });
    const sheet = await call('GET', `/v1/organisations/${mixed.orgId}/rounds/${mixed.roundId}/codes`, {
      key: mixed.adminKey,
    });

    expect(response.status).toBe(410);
    expect(sheet.status).toBe(409);
  });
});

describe('guessing codes', () => {
  it('holds the limit across containers: failures counted by one are refused by another', async () => {
    clock.advanceDays(1);
    const container = (address = '203.0.113.9') =>
      createAnswerApp(createRespondentDeps(stack.config, createSecrets(stack.config.tokenPepper), clock), {
        clientAddress: () => address,
      });
    const [one, two] = [container(), container()];
    const guess = (app: ReturnType<typeof container>, i: number) =>
      app.request('/k', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `code=${String(i).padStart(10, '0')}`,
      });

    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await guess(i % 2 ? one : two, i)).status);
    const refused = await guess(two, 99);
    const elsewhere = await container('198.51.100.4').request('/k', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=0000000001',
    });

    expect(statuses.every((status) => status === 404)).toBe(true);
    expect(refused.status).toBe(429);
    expect(elsewhere.status).toBe(404);
  });
});
