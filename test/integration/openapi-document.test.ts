import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../functions/api/route-table/table.js';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-04-01T08:00:00Z'));
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let closedRoundId: string;
let served: { text: string; json: Record<string, unknown> };

/** A third-party validator of the OpenAPI 3.x schema itself (from the npm registry, so `npm install` brings it). */
const validate = (document: unknown) =>
  new Validator().validate(document as Parameters<Validator['validate']>[0]);

/** The declared schema of this operation's response with this status; undefined when none is declared. */
function declaredSchema(method: string, template: string, status: number) {
  const route = API_ROUTES.find((r) => r.method === method && r.path === template);
  return route?.responses[status]?.schema;
}

const fill = (template: string, roundId: string) =>
  template.replace('{orgId}', org.orgId).replace('{roundId}', roundId).replace('{listId}', 'default');

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, 6, { anonymityThreshold: 3, commentThreshold: 3 });
  await runTick(stack.deps);
  const mails = (await sentMail(stack)).filter((m) => m.destination.to[0]?.startsWith('p'));
  for (const [index, mail] of mails.slice(0, 4).entries())
    await org.call('POST', linkIn(mail.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/), {
      json: { rank: 10 + index, rankReason: 'Budgeten styr' },
    });
  await org.call('POST', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/actions`, {
    key: org.adminKey,
    json: { text: 'Kundmöte varje vecka', status: 'planned' },
  });
  await org.call('POST', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/close`, { key: org.adminKey });
  clock.advanceDays(1);
  await runTick(stack.deps);
  closedRoundId = org.roundId;
  served = await org.call('GET', '/v1/openapi.json');
});
afterAll(() => stack.close());

describe('the served OpenAPI document and the responses it describes', () => {
  it('passes a third-party OpenAPI 3.1 validator (@seriousme/openapi-schema-validator)', async () => {
    const result = await validate(served.json);

    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is refused by that validator when broken, so the check above can fail', async () => {
    const broken = { ...served.json, paths: { '/x': { get: { responses: 'none' } } } };

    const result = await validate(broken);

    expect(result.valid).toBe(false);
  });

  it('answers every JSON read of a closed round in the shape its declaration states', async () => {
    const reads = API_ROUTES.filter(
      (route) => route.method === 'get' && route.responses[200]?.schema && route.path.startsWith('/v1/'),
    );
    const problems: string[] = [];

    for (const route of reads) {
      const response = await org.call('GET', fill(route.path, closedRoundId), { key: org.adminKey });
      const parsed = declaredSchema('get', route.path, response.status)?.safeParse(response.json);
      if (response.status !== 200 || !parsed?.success)
        problems.push(`${route.path} ${response.status}: ${parsed?.error?.message ?? response.text}`);
    }

    expect(reads.length).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  it('answers writes in the shape their declarations state', async () => {
    const base = `/v1/organisations/${org.orgId}`;
    const writes: [string, string, string, unknown][] = [
      ['post', '/v1/organisations/{orgId}/keys', `${base}/keys`, { role: 'analyst' }],
      ['patch', '/v1/organisations/{orgId}', base, { reminderDays: [4] }],
      [
        'put',
        '/v1/organisations/{orgId}/respondents',
        `${base}/respondents`,
        { respondents: [{ email: 'x@example.org' }] },
      ],
      ['post', '/v1/organisations/{orgId}/rounds', `${base}/rounds`, undefined],
      ['post', '/v1/organisations/{orgId}/verification', `${base}/verification`, undefined],
    ];
    const problems: string[] = [];

    for (const [method, template, path, json] of writes) {
      const response = await org.call(method.toUpperCase(), path, { key: org.adminKey, json });
      const parsed = declaredSchema(method, template, response.status)?.safeParse(response.json);
      if (!parsed?.success) problems.push(`${method} ${template} ${response.status}: ${response.text}`);
    }

    expect(problems).toEqual([]);
  });
});
