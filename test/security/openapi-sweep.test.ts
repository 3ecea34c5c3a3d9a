import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { ROUTE_TABLE as OPERATIONS } from '../../functions/api/route-table/table.js';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { apiClient, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
let a: Awaited<ReturnType<typeof organisationWithOpenRound>> & { analyst: string; revoked: string };
let b: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let operations: { method: string; path: string; body: boolean }[];

beforeAll(async () => {
  stack = await startTestStack();
  call = apiClient(stack);
  const orgA = await organisationWithOpenRound(stack, 6);
  const analyst = (
    await call('POST', `/v1/organisations/${orgA.orgId}/keys`, {
      key: orgA.adminKey,
      json: { role: 'analyst' },
    })
  ).json;
  const spare = (
    await call('POST', `/v1/organisations/${orgA.orgId}/keys`, {
      key: orgA.adminKey,
      json: { role: 'admin' },
    })
  ).json;
  await call('DELETE', `/v1/organisations/${orgA.orgId}/keys/${spare.id}`, { key: orgA.adminKey });
  a = { ...orgA, analyst: analyst.key, revoked: spare.key };
  b = await organisationWithOpenRound(stack, 6);
  await runTick(stack.deps);
  const doc = (await call('GET', '/v1/openapi.json')).json as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      body: Boolean(op.requestBody),
    })),
  );
});
afterAll(() => stack.close());

/** Fills an OpenAPI path with organisation B's real ids, so a refusal cannot be blamed on a missing thing. */
const pathFor = (template: string) =>
  template
    .replace('{orgId}', b.orgId)
    .replace('{roundId}', b.roundId)
    .replace('{keyId}', b.adminKey.split('.')[2] as string)
    .replace('{emailOrEmployeeId}', encodeURIComponent(b.respondents[0]?.email as string))
    .replace('{listId}', 'default');

async function snapshotOfB() {
  const read = (path: string) => call('GET', path, { key: b.adminKey }).then((r) => r.text);
  return Promise.all([
    read(`/v1/organisations/${b.orgId}`),
    read(`/v1/organisations/${b.orgId}/keys`),
    read(`/v1/organisations/${b.orgId}/respondents?limit=500`),
    read(`/v1/organisations/${b.orgId}/rounds`),
  ]);
}

describe('every route of the OpenAPI document, attacked', () => {
  it('documents every route the app serves, with examples its own schemas accept', () => {
    const served = createApp(stack.deps, { clientAddress: () => 'x' })
      .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/') && r.path !== '/v1/openapi.json')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = new Set(OPERATIONS.map((op) => `${op.method} ${op.path}`));

    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    for (const op of OPERATIONS.filter((o) => o.body?.example !== undefined))
      expect(op.body?.schema.safeParse(op.body.example).success, `${op.method} ${op.path}`).toBe(true);
  });

  it("refuses organisation B's routes to A's keys, a revoked key, a malformed key and no key, changing nothing", async () => {
    const before = await snapshotOfB();
    const callers: [string, string | undefined, number[]][] = [
      ["A's admin key", a.adminKey, [403]],
      ["A's analyst key", a.analyst, [403]],
      ['a revoked key', a.revoked, [401]],
      ['a malformed key', 'kp.not.a.key', [401]],
      ['no key', undefined, [401]],
    ];
    const scoped = operations.filter((op) => op.path.startsWith('/v1/organisations/{orgId}'));
    let sent = 0;
    for (const [who, key, expected] of callers) {
      for (const op of scoped) {
        const response = await call(op.method, pathFor(op.path), {
          key,
          ...(op.body
            ? { json: { role: 'admin', name: 'x', respondents: [{ email: 'x@example.org' }], values: [] } }
            : {}),
        });
        expect(expected, `${op.method} ${op.path} with ${who}`).toContain(response.status);
        expect(response.json?.error?.code).toMatch(/^(unauthorised|forbidden)$/);
        sent++;
      }
    }
    expect(scoped.length).toBeGreaterThanOrEqual(15);
    expect(sent).toBe(scoped.length * 5);
    expect(await snapshotOfB()).toEqual(before);
  });

  it('refuses an analyst key every admin-only route of its own organisation with 403, changing nothing', async () => {
    const own = (template: string) =>
      template
        .replace('{orgId}', a.orgId)
        .replace('{roundId}', a.roundId)
        .replace('{keyId}', a.adminKey.split('.')[2] as string)
        .replace('{emailOrEmployeeId}', encodeURIComponent(a.respondents[0]?.email as string))
        .replace('{actionId}', 'act_x')
        .replace('{listId}', 'default');
    const read = (path: string) => call('GET', path, { key: a.adminKey }).then((r) => r.text);
    const snapshotOfA = () =>
      Promise.all(
        ['', '/keys', '/respondents?limit=500', '/rounds', `/rounds/${a.roundId}/actions`].map((tail) =>
          read(`/v1/organisations/${a.orgId}${tail}`),
        ),
      );
    const before = await snapshotOfA();
    const adminOnly = OPERATIONS.filter(
      (op) => op.path.startsWith('/v1/organisations/{orgId}') && !op.roles.includes('analyst'),
    );
    for (const op of adminOnly) {
      const response = await call(op.method.toUpperCase(), own(op.path), {
        key: a.analyst,
        ...(op.body ? { json: op.body.example } : {}),
      });
      expect(response.status, `${op.method} ${op.path} with the analyst key`).toBe(403);
      expect(response.json?.error?.code).toBe('forbidden');
    }
    expect(adminOnly.length).toBeGreaterThanOrEqual(10);
    expect(await snapshotOfA()).toEqual(before);
  });

  it('answers generated bad input on every route with a 4xx in the error shape, never a 5xx, and changes nothing', async () => {
    let before = await snapshotOfB();
    let accepted = 0;
    const junk = fc.oneof(
      fc
        .anything({ maxDepth: 3 })
        .map((value) => ({ body: JSON.stringify(value) ?? 'null', type: 'application/json' })),
      fc.string({ maxLength: 300 }).map((text) => ({ body: text, type: 'application/json' })),
      fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => ({
        body: JSON.stringify({ name: text, email: text, rank: text, respondents: [{ email: text }] }),
        type: 'application/json',
      })),
      fc.string({ maxLength: 200 }).map((text) => ({ body: `email,department\n"${text}`, type: 'text/csv' })),
      fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'multipart/form-data',
          'application/json; charset=iso-8859-1',
          'application/x-www-form-urlencoded; charset=utf-16',
        )
        .map((type) => ({ body: '<x/>', type })),
      fc.constantFrom(
        { body: '{"name":', type: 'application/json' },
        { body: 'rank=%E0%A4%A&x=%', type: 'application/x-www-form-urlencoded' },
        { body: '--x\r\nContent-Disposition: form-data\r\n\r\n', type: 'multipart/form-data; boundary=x' },
      ),
      fc.constant({
        body: JSON.stringify({ respondents: [{ email: `${'a'.repeat(70_000)}@x.org` }] }),
        type: 'application/json',
      }),
    );
    let tried = 0;
    const mutating = operations.filter((op) => op.body);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...mutating), junk, async (op, input) => {
        tried++;
        const response = await call(op.method, pathFor(op.path), {
          key: b.adminKey,
          body: input.body,
          type: input.type,
        });
        expect(response.status, `${op.method} ${op.path} ${input.body.slice(0, 80)}`).toBeLessThan(500);
        // Respondent pages answer errors as friendly HTML; the API always in its JSON error shape.
        // A generated input can be valid (`{}` is a valid PATCH): then the state moves on legitimately.
        if (response.status < 400) {
          accepted++;
          before = await snapshotOfB();
          return;
        }
        expect(await snapshotOfB()).toEqual(before);
        if (op.path.startsWith('/v1'))
          expect(response.json?.error).toEqual({
            code: expect.any(String),
            message: expect.any(String),
            details: expect.any(Array),
          });
      }),
      { numRuns: 300 },
    );
    console.info(
      `fuzz: ${tried} generated inputs against ${mutating.length} routes with bodies, ${accepted} accepted as valid`,
    );
    expect(accepted).toBeLessThan(tried / 4);
    // 300 requests, each followed by four reads: on a loaded two-core machine that takes longer than 30 s.
  }, 120_000);

  it('never answers a public route with a 5xx, whatever the input', async () => {
    const publicOps = operations.filter((op) => !op.path.startsWith('/v1/organisations/{orgId}'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...publicOps),
        fc.string({ maxLength: 200 }),
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/csv',
          'multipart/form-data',
          'application/json; charset=latin1',
        ),
        async (op, text, type) => {
          const path = op.path
            .replace('{token}', encodeURIComponent(text) || 'x')
            .replace('{listId}', 'default');
          const response = await call(op.method, path, op.method === 'GET' ? {} : { body: text, type });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers a path id longer than any valid one with 404 in the error shape on every route, changing nothing', async () => {
    const before = await snapshotOfB();
    const ids = [
      '{orgId}',
      '{roundId}',
      '{keyId}',
      '{emailOrEmployeeId}',
      '{actionId}',
      '{listId}',
      '{token}',
    ];
    let tried = 0;
    for (const op of operations.filter((o) => o.path.includes('{')))
      for (const id of ids.filter((name) => op.path.includes(name))) {
        const path = pathFor(op.path.replace(id, 'x'.repeat(1024))).replace('{token}', 'y');
        const response = await call(op.method, path, {
          key: b.adminKey,
          ...(op.body ? { json: {} } : {}),
        });
        tried++;
        expect(response.status, `${op.method} ${op.path} with a 1 KB ${id}`).toBe(404);
        if (op.path.startsWith('/v1')) expect(response.json?.error?.code).toBe('not_found');
      }
    expect(tried).toBeGreaterThanOrEqual(12);
    expect(await snapshotOfB()).toEqual(before);
  });
});
