import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { buildOpenApi } from '../../functions/api/route-table/openapi-document.js';
import { honoPath } from '../../functions/api/route-table/operation.js';
import { API_ROUTES, ROUTE_TABLE } from '../../functions/api/route-table/table.js';
import { localChoices } from '../../infra/local/choices.js';
import { loadConfig } from '../../shared/config.js';
import { createDeps } from '../../shared/deps.js';

type Doc = ReturnType<typeof buildOpenApi>;
type DocOperation = {
  description: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
};
const document: Doc = buildOpenApi(ROUTE_TABLE, 'https://pulse.example.org');
const operation = (method: string, path: string) =>
  (document.paths[path] as Record<string, DocOperation>)[method] as DocOperation;

describe('the route table', () => {
  it('declares each method and path once', () => {
    const keys = ROUTE_TABLE.map((route) => `${route.method} ${route.path}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds every route the API app serves, and the app serves every route it holds', async () => {
    const config = await loadConfig({
      TABLE_NAME: 'kundpuls',
      MAIL_FROM: 'pulse@example.org',
      PUBLIC_URL: 'https://pulse.example.org',
      TOKEN_PEPPER: 'p'.repeat(32),
      LOG_LEVEL: 'silent',
    });
    const app = createApp(createDeps(config, localChoices()), { clientAddress: () => '10.0.0.1' });
    const outside = ['get /health', 'get /assets/kundpuls.css', 'get /assets/kundpuls.js'];

    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path}`);
    const declared = ROUTE_TABLE.map((route) => `${route.method} ${honoPath(route.path)}`);

    expect(served.filter((route) => !outside.includes(route)).sort()).toEqual([...declared].sort());
  });

  it('gives every request example that its own schema accepts', () => {
    const withBodies = ROUTE_TABLE.filter((route) => route.body);

    for (const route of withBodies) {
      const { schema, example, fromCsv, csvExample } = route.body ?? {};
      expect(schema?.safeParse(example).success, `${route.method} ${route.path}`).toBe(true);
      if (fromCsv) expect(schema?.safeParse(fromCsv(csvExample ?? '')).success).toBe(true);
    }
    expect(withBodies.length).toBeGreaterThanOrEqual(9);
  });

  it('gives every JSON response a schema and an example that the schema accepts', () => {
    let checked = 0;
    for (const route of API_ROUTES)
      for (const [status, response] of Object.entries(route.responses)) {
        if (status === '204' || (response.types && !response.schema)) continue;
        expect(response.schema, `${route.method} ${route.path} ${status}`).toBeDefined();
        const parsed = response.schema?.safeParse(response.example);
        expect(parsed?.success, `${route.method} ${route.path} ${status}: ${parsed?.error}`).toBe(true);
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('refuses an example that breaks its response schema, so the check above can fail', () => {
    const rounds = API_ROUTES.find((route) => route.method === 'get' && route.path.endsWith('/rounds'));
    const schema = rounds?.responses[200]?.schema;

    expect(schema?.safeParse({ rounds: [{ id: 'rnd_x', status: 'paused' }] }).success).toBe(false);
  });
});

describe('the OpenAPI document built from it', () => {
  it('states each operation’s roles as security requirements', () => {
    expect(operation('get', '/v1/organisations/{orgId}/report').security).toEqual([
      { bearer: ['admin'] },
      { bearer: ['analyst'] },
    ]);
    expect(operation('delete', '/v1/organisations/{orgId}/keys/{keyId}').security).toEqual([
      { bearer: ['admin'] },
    ]);
    expect(operation('post', '/v1/organisations').security).toEqual([{ operatorKey: [] }, {}]);
    expect(operation('get', '/r/{token}').security).toBeUndefined();
    expect(operation('get', '/r/{token}').description).toBe('Access: respondent link.');
  });

  it('carries response schemas with their examples, and the error shape for refusals', () => {
    const read = operation('get', '/v1/organisations/{orgId}/rounds/{roundId}');

    expect(read.responses['200']?.content?.['application/json']).toMatchObject({
      schema: { type: 'object', properties: { round: { type: 'object' } } },
      example: { round: { invited: 40 } },
    });
    expect(read.responses['403']?.content?.['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/Error' },
    });
  });
});
