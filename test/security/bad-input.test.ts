import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let link: string;

beforeAll(async () => {
  stack = await startTestStack();
  org = await organisationWithOpenRound(stack, 5, {
    reportRecipients: ['chef@example.org', 'hr@example.org'],
  });
  await runTick(stack.deps);
  link = linkIn((await sentMail(stack))[0]?.body.text ?? '', /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);
});
afterAll(() => stack.close());

const answered = async () =>
  (await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}`, { key: org.adminKey })).json
    .round.answered;

describe('malformed bodies to the answer link', () => {
  const cases: [string, string, string, number[]][] = [
    ['multipart without a boundary', 'multipart/form-data', 'rank=3', [415]],
    ['multipart with an empty boundary', 'multipart/form-data; boundary=', 'rank=3', [415]],
    ['multipart with a broken body', 'multipart/form-data; boundary=x', '--x\r\nbroken', [400]],
    ['JSON that does not parse', 'application/json', '{"rank":', [400]],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1', '{"rank":3}', [415]],
    ['a form in UTF-16', 'application/x-www-form-urlencoded; charset=utf-16', 'rank=3', [415]],
    ['plain text', 'text/plain', 'rank=3', [415]],
  ];

  it.each(cases)(
    'answers %s with a 4xx in the error shape and stores nothing',
    async (_, type, body, expected) => {
      const before = await answered();

      const response = await org.call('POST', link, { body, type });

      expect(expected).toContain(response.status);
      expect(response.json.error).toEqual({
        code: expect.any(String),
        message: expect.any(String),
        details: expect.any(Array),
      });
      expect(await answered()).toBe(before);
    },
  );

  it('answers a form with broken percent-encoding with the form again (400), not a 5xx', async () => {
    const response = await org.call('POST', link, {
      body: 'rank=%E0%A4%A&rankReason=%',
      type: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(400);
  });

  it('still takes a UTF-8 form that says so', async () => {
    const response = await org.call('POST', link, {
      body: 'rank=12',
      type: 'application/x-www-form-urlencoded; charset=UTF-8',
    });
    expect(response.status).toBe(200);
  });
});

describe('what an analyst reads', () => {
  it('shows an analyst the organisation without addresses, and the admin with them', async () => {
    const analyst = (
      await org.call('POST', `/v1/organisations/${org.orgId}/keys`, {
        key: org.adminKey,
        json: { role: 'analyst' },
      })
    ).json.key;

    const asAnalyst = await org.call('GET', `/v1/organisations/${org.orgId}`, { key: analyst });
    const asAdmin = await org.call('GET', `/v1/organisations/${org.orgId}`, { key: org.adminKey });

    expect(asAnalyst.status).toBe(200);
    expect(asAnalyst.json.organisation).not.toHaveProperty('contactEmail');
    expect(asAnalyst.json.organisation).not.toHaveProperty('reportRecipients');
    expect(asAnalyst.json.organisation.anonymityThreshold).toBe(5);
    expect(asAdmin.json.organisation.contactEmail).toBe(org.contactEmail);
    expect(asAdmin.json.organisation.reportRecipients).toEqual(['chef@example.org', 'hr@example.org']);
  });

  it('finds no e-mail address in anything an analyst may GET', async () => {
    const analyst = (
      await org.call('POST', `/v1/organisations/${org.orgId}/keys`, {
        key: org.adminKey,
        json: { role: 'analyst' },
      })
    ).json.key;
    const doc = (await org.call('GET', '/v1/openapi.json')).json as {
      paths: Record<string, Record<string, { description: string }>>;
    };
    const readable = Object.entries(doc.paths)
      .filter(
        ([path, methods]) =>
          path.startsWith('/v1/organisations/{orgId}') && methods.get?.description.includes('analyst'),
      )
      .map(([path]) =>
        path.replace('{orgId}', org.orgId).replace('{roundId}', org.roundId).replace('{listId}', 'default'),
      );

    const bodies = await Promise.all(readable.map((path) => org.call('GET', path, { key: analyst })));

    expect(readable.length).toBeGreaterThanOrEqual(5);
    for (const [index, body] of bodies.entries()) {
      expect(body.status, readable[index]).toBe(200);
      expect(body.text, readable[index]).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  });
});

describe('bodies past any limit, on the routes the route table builds', () => {
  it('answers a 7 MB body, a deeply nested one and a JSON body of the wrong shape with a 4xx JSON error, changing nothing', async () => {
    const base = `/v1/organisations/${org.orgId}`;
    const actions = `${base}/rounds/${org.roundId}/actions`;
    const read = async () =>
      Promise.all(
        [base, `${base}/respondents?limit=500`, actions].map(
          async (path) => (await org.call('GET', path, { key: org.adminKey })).text,
        ),
      );
    const before = await read();
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const bodies: [string, string, string][] = [
      [
        'PUT',
        `${base}/respondents`,
        JSON.stringify({ respondents: [{ email: `${'a'.repeat(7_000_000)}@x.org` }] }),
      ],
      ['POST', actions, JSON.stringify({ text: 'x'.repeat(7_000_000) })],
      ['POST', actions, deep],
      ['PATCH', base, deep],
      ['POST', actions, JSON.stringify({ text: 'Vi provar', segment: { department: { $ne: 1 } } })],
      ['POST', actions, JSON.stringify({ text: 'Vi provar', segment: ['Vård'] })],
      ['POST', actions, JSON.stringify({ text: 'Vi provar', status: 'done', segment: { team: 'Vård' } })],
    ];
    for (const [method, path, body] of bodies) {
      const response = await org.call(method, path, { key: org.adminKey, body, type: 'application/json' });
      expect(response.status, `${method} ${path} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path} ${body.slice(0, 40)}`).toBeLessThan(500);
      expect(response.json?.error?.code).toEqual(expect.any(String));
    }
    expect(await read()).toEqual(before);
  });
});
