import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerApp } from '../../functions/api/answer-app.js';
import { createApp } from '../../functions/api/app.js';
import { ROUTE_TABLE as OPERATIONS } from '../../functions/api/route-table/table.js';
import { localChoices } from '../../infra/local/choices.js';
import { loadConfig } from '../../shared/config.js';
import { createDeps } from '../../shared/deps.js';

/** Every DynamoDB call any adapter makes goes through a document client: mocked here, and counted. */
const dynamo = mockClient(DynamoDBDocumentClient);
let app: ReturnType<typeof createApp>;
let answerApp: ReturnType<typeof createAnswerApp>;
const KEY = `kp.org_${'a'.repeat(22)}.key_${'b'.repeat(22)}.${'c'.repeat(43)}`;

beforeAll(async () => {
  const config = await loadConfig({
    TABLE_NAME: 'kundpuls',
    MAIL_FROM: 'Kundpuls <pulse@example.org>',
    PUBLIC_URL: 'https://pulse.example.org',
    TOKEN_PEPPER: 'p'.repeat(32),
    LOG_LEVEL: 'silent',
  });
  const deps = createDeps(config, localChoices());
  app = createApp(deps, { clientAddress: () => '10.0.0.1' });
  answerApp = createAnswerApp(deps, { clientAddress: () => '10.0.0.1' });
});
afterAll(() => dynamo.restore());

const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));
const validLooking: Record<string, string> = {
  orgId: `org_${'a'.repeat(22)}`,
  roundId: `rnd_${'r'.repeat(22)}`,
  keyId: `key_${'k'.repeat(22)}`,
  listId: `vl_${'l'.repeat(22)}`,
  email: 'anna@example.org',
  token: `org_${'a'.repeat(22)}.rnd_${'r'.repeat(22)}.${'t'.repeat(43)}`,
};

describe('path ids longer than any valid id', () => {
  const parameterised = OPERATIONS.filter((op) => op.path.includes('{'));

  it('answers 404 on every route, for a 1 KB value in each path parameter, without one DynamoDB call', async () => {
    dynamo.reset();
    dynamo.resolves({});
    const statuses: string[] = [];
    for (const op of parameterised)
      for (const long of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
        const path = fill(op.path, (name) =>
          name === long ? 'x'.repeat(1024) : (validLooking[name] as string),
        );
        const target = path.startsWith('/r/') ? answerApp : app;
        const response = await target.request(path, {
          method: op.method.toUpperCase(),
          headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          ...(op.method === 'get' || op.method === 'delete' ? {} : { body: '{}' }),
        });
        statuses.push(`${op.method} ${op.path} {${long}}: ${response.status}`);
        expect(response.status, `${op.method} ${op.path} with a long ${long}`).toBe(404);
      }

    expect(statuses.length).toBeGreaterThanOrEqual(parameterised.length);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('counts calls for real: the same routes with ids of valid length do reach DynamoDB', async () => {
    dynamo.reset();
    dynamo.resolves({});
    const apiRoutes = parameterised.filter((o) => o.path.startsWith('/v1/'));
    for (const op of apiRoutes)
      await app.request(
        fill(op.path, (name) => validLooking[name] as string),
        {
          method: op.method.toUpperCase(),
          headers: { authorization: `Bearer ${KEY}` },
        },
      );

    // At least the key's look-up on each of them.
    expect(dynamo.calls().length).toBeGreaterThanOrEqual(apiRoutes.length);
  });

  it('takes an e-mail of 254 characters as a respondent id, and refuses 255 before reading', async () => {
    dynamo.reset();
    dynamo.resolves({});
    const address = (length: number) => `${'a'.repeat(length - '@example.org'.length)}@example.org`;
    const erase = (email: string) =>
      app.request(`/v1/organisations/${validLooking.orgId}/respondents/${encodeURIComponent(email)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${KEY}` },
      });

    const tooLong = await erase(address(255));
    const callsAfterTooLong = dynamo.calls().length;
    const longest = await erase(address(254));

    expect(tooLong.status).toBe(404);
    expect(callsAfterTooLong).toBe(0);
    expect(longest.status).not.toBe(404);
    expect(dynamo.calls().length).toBeGreaterThan(0);
  });
});
