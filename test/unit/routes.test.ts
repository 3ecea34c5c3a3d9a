import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { createMemoryDeps, type MemoryDeps } from '../support/memory-deps.js';
import { invitedRound } from './use-cases/setup.js';

/** The one Hono app on the memory adapters: requests in, responses out, no server and no table. */
const appOn = (deps: MemoryDeps) => createApp(deps, { clientAddress: () => '203.0.113.7' });
const json = (body: unknown, key?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  body: JSON.stringify(body),
});

describe('createApp(memoryDeps).request', () => {
  it('enrols an organisation and reads it back with the admin key it returned', async () => {
    // Prepare
    const app = appOn(createMemoryDeps());

    // Act
    const enrolled = await app.request(
      '/v1/organisations',
      json({ name: 'Skolan', contactEmail: 'a@example.org', language: 'sv' }),
    );
    const { organisation, adminKey } = await enrolled.json();
    const read = await app.request(`/v1/organisations/${organisation.id}`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });

    // Assess
    expect(enrolled.status).toBe(201);
    expect(read.status).toBe(200);
    expect((await read.json()).organisation).toMatchObject({ id: organisation.id, verified: false });
  });

  it('refuses a request without a key with 401 in the error shape', async () => {
    // Prepare
    const app = appOn(createMemoryDeps());

    // Act
    const response = await app.request('/v1/organisations/org_unknown');

    // Assess
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: 'unauthorised' });
  });

  it('refuses malformed JSON with a 400 and stores nothing', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const app = appOn(deps);

    // Act
    const response = await app.request('/v1/organisations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(deps.mailer.sent).toEqual([]);
  });

  it('shows the answer form for an invitation link and stores a JSON answer', async () => {
    // Prepare
    const { deps, links } = await invitedRound(3);
    const app = appOn(deps);

    // Act
    const form = await app.request(`/r/${links[0]}`);
    const answered = await app.request(`/r/${links[0]}`, json({ rank: 7 }));

    // Assess
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(await form.text()).toContain('<fieldset>');
    expect(await answered.json()).toEqual({ stored: true });
  });
});
