import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { apiClient, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
let orgA: { id: string; admin: string; analyst: string };
let orgB: { id: string; admin: string };

async function enrol(email: string) {
  const created = await call('POST', '/v1/organisations', {
    json: { name: email, contactEmail: email, language: 'en' },
  });
  return { id: created.json.organisation.id as string, admin: created.json.adminKey as string };
}

beforeAll(async () => {
  stack = await startTestStack();
  call = apiClient(stack);
  const a = await enrol('a@example.org');
  const analyst = await call('POST', `/v1/organisations/${a.id}/keys`, {
    key: a.admin,
    json: { role: 'analyst' },
  });
  orgA = { ...a, analyst: analyst.json.key };
  orgB = await enrol('b@example.org');
  await call('PUT', `/v1/organisations/${orgB.id}/respondents`, {
    key: orgB.admin,
    json: { respondents: [{ email: 'b1@example.org' }] },
  });
});
afterAll(() => stack.close());

/** Every organisation-scoped route of the foundation, with a body that would be valid for its owner. */
const routesOf = (orgId: string) =>
  [
    ['GET', `/v1/organisations/${orgId}`],
    ['PATCH', `/v1/organisations/${orgId}`, { name: 'Taken over' }],
    ['POST', `/v1/organisations/${orgId}/verification`],
    ['POST', `/v1/organisations/${orgId}/keys`, { role: 'admin' }],
    ['GET', `/v1/organisations/${orgId}/keys`],
    ['DELETE', `/v1/organisations/${orgId}/keys/key_whatever`],
    ['PUT', `/v1/organisations/${orgId}/respondents`, { respondents: [{ email: 'intruder@example.org' }] }],
    ['GET', `/v1/organisations/${orgId}/respondents`],
    ['DELETE', `/v1/organisations/${orgId}/respondents/b1%40example.org`],
  ] as const;

describe('keys and access', () => {
  it('gives analyst keys read access only', async () => {
    const read = await call('GET', `/v1/organisations/${orgA.id}`, { key: orgA.analyst });
    const write = await call('PATCH', `/v1/organisations/${orgA.id}`, {
      key: orgA.analyst,
      json: { name: 'x' },
    });
    const keys = await call('POST', `/v1/organisations/${orgA.id}/keys`, {
      key: orgA.analyst,
      json: { role: 'admin' },
    });

    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
    expect(keys.status).toBe(403);
  });

  it('lists keys without their secrets and revokes them', async () => {
    const extra = await call('POST', `/v1/organisations/${orgA.id}/keys`, {
      key: orgA.admin,
      json: { role: 'admin' },
    });
    const listed = await call('GET', `/v1/organisations/${orgA.id}/keys`, { key: orgA.admin });
    const revoked = await call('DELETE', `/v1/organisations/${orgA.id}/keys/${extra.json.id}`, {
      key: orgA.admin,
    });
    const usedAfter = await call('GET', `/v1/organisations/${orgA.id}`, { key: extra.json.key });
    const unknown = await call('DELETE', `/v1/organisations/${orgA.id}/keys/key_nope`, { key: orgA.admin });

    expect(listed.json.keys.map((k: { id: string }) => k.id)).toContain(extra.json.id);
    expect(listed.text).not.toContain(extra.json.key.split('.')[3]);
    expect(revoked.status).toBe(204);
    expect(usedAfter.status).toBe(401);
    expect(unknown.status).toBe(404);
  });

  it('refuses a key revoking itself', async () => {
    const self = orgA.admin.split('.')[2];
    const response = await call('DELETE', `/v1/organisations/${orgA.id}/keys/${self}`, { key: orgA.admin });
    expect(response.status).toBe(403);
  });

  it("sweeps every route of organisation B with A's keys, bad keys and none: refused, nothing read or changed", async () => {
    const tamperedKey = `${orgB.admin.slice(0, -4)}AAAA`;
    const attempts: [string, number[]][] = [
      [orgA.admin, [403]],
      [orgA.analyst, [403]],
      ['kp.garbage', [401]],
      [tamperedKey, [401]],
      ['', [401]],
    ];
    let tried = 0;
    for (const [key, allowed] of attempts) {
      for (const [method, path, json] of routesOf(orgB.id)) {
        const response = await call(method, path, { key: key || undefined, ...(json ? { json } : {}) });
        expect(allowed, `${method} ${path} with ${key.slice(0, 12)}`).toContain(response.status);
        expect(response.json.error.code).toMatch(/^(unauthorised|forbidden)$/);
        expect(response.text).not.toContain('b1@example.org');
        tried++;
      }
    }
    const org = await call('GET', `/v1/organisations/${orgB.id}`, { key: orgB.admin });
    const people = await call('GET', `/v1/organisations/${orgB.id}/respondents`, { key: orgB.admin });
    expect(tried).toBe(45);
    expect(org.json.organisation.name).toBe('b@example.org');
    expect(people.json.respondents.map((r: { email: string }) => r.email)).toEqual(['b1@example.org']);
  });

  it('does not reveal whether an organisation exists to a foreign key', async () => {
    const existing = await call('GET', `/v1/organisations/${orgB.id}`, { key: orgA.admin });
    const missing = await call('GET', '/v1/organisations/org_doesnotexist', { key: orgA.admin });
    expect(existing.status).toBe(missing.status);
    expect(existing.json).toEqual(missing.json);
  });
});
