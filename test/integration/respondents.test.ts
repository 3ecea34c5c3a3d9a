import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { apiClient, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
let org: { id: string; key: string };
const path = () => `/v1/organisations/${org.id}/respondents`;

beforeAll(async () => {
  stack = await startTestStack();
  call = apiClient(stack);
  const created = await call('POST', '/v1/organisations', {
    json: { name: 'Skolan', contactEmail: 'rektor@example.org', language: 'sv', customerTerm: 'elev' },
  });
  org = { id: created.json.organisation.id, key: created.json.adminKey };
});
afterAll(() => stack.close());

async function listAll(limit = 100) {
  const emails: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('GET', `${path()}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
      key: org.key,
    });
    emails.push(...page.json.respondents.map((r: { email: string }) => r.email));
    cursor = page.json.nextCursor;
  } while (cursor);
  return emails;
}

describe('respondents', () => {
  it('imports JSON idempotently by normalised e-mail', async () => {
    const body = {
      respondents: [
        { email: 'Anna@Example.org', department: 'Matte' },
        { email: 'bo@example.org', role: 'Lärare' },
      ],
    };

    const first = await call('PUT', path(), { key: org.key, json: body });
    const again = await call('PUT', path(), { key: org.key, json: body });
    const changed = await call('PUT', path(), {
      key: org.key,
      json: { respondents: [{ email: ' anna@example.org', department: 'Svenska' }] },
    });

    expect(first.json).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(again.json).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(changed.json).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('imports CSV with a header row, empty cells meaning no attribute', async () => {
    const csv =
      'Email,Department,Role,Site\ncsv1@example.org,IT,,Kiruna\n"csv2@example.org","Ekonomi, lön",Chef,\n';
    const response = await call('PUT', path(), { key: org.key, body: csv, type: 'text/csv' });
    const listed = await call('GET', `${path()}?limit=500`, { key: org.key });

    expect(response.json).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const csv2 = listed.json.respondents.find((r: { email: string }) => r.email === 'csv2@example.org');
    expect(csv2).toMatchObject({ department: 'Ekonomi, lön', role: 'Chef', status: 'active' });
    expect(csv2.site).toBeUndefined();
  });

  it('refuses a malformed CSV and writes nothing', async () => {
    const response = await call('PUT', path(), {
      key: org.key,
      body: 'email,department\n"broken@example.org,IT\n',
      type: 'text/csv',
    });
    expect(response.status).toBe(400);
    expect(await listAll()).not.toContain('broken@example.org');
  });

  it('refuses a batch with one bad row, naming the row, and writes none of it', async () => {
    const response = await call('PUT', path(), {
      key: org.key,
      json: { respondents: [{ email: 'good@example.org' }, { email: 'bad' }] },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('respondents.1.email');
    expect(await listAll()).not.toContain('good@example.org');
  });

  it('collapses identical duplicates in one batch and refuses conflicting ones', async () => {
    const same = await call('PUT', path(), {
      key: org.key,
      json: {
        respondents: [
          { email: 'dup@example.org', site: 'A' },
          { email: 'DUP@example.org', site: 'A' },
        ],
      },
    });
    const conflicting = await call('PUT', path(), {
      key: org.key,
      json: {
        respondents: [
          { email: 'dup2@example.org', site: 'A' },
          { email: 'dup2@example.org', site: 'B' },
        ],
      },
    });

    expect(same.json).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(conflicting.status).toBe(400);
    expect(conflicting.json.error.details[0].path).toBe('respondents.1.email');
  });

  it('refuses more than 1,000 respondents in one request', async () => {
    const respondents = Array.from({ length: 1001 }, (_, i) => ({ email: `p${i}@example.org` }));
    const response = await call('PUT', path(), { key: org.key, json: { respondents } });
    expect(response.status).toBe(400);
  });

  it('imports 1,000 in one call and pages through them all', async () => {
    const respondents = Array.from({ length: 1000 }, (_, i) => ({
      email: `many${i}@example.org`,
      department: `D${i % 3}`,
    }));
    const response = await call('PUT', path(), { key: org.key, json: { respondents } });
    const emails = await listAll(170);

    expect(response.json.created).toBe(1000);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.filter((e) => e.startsWith('many'))).toHaveLength(1000);
  });

  it('refuses a cursor it did not give out', async () => {
    const response = await call('GET', `${path()}?cursor=${Buffer.from('RESP#x').toString('base64url')}`, {
      key: org.key,
    });
    expect(response.status).toBe(400);
  });

  it('erases a respondent: gone from the list, and erasing again is harmless', async () => {
    await call('PUT', path(), {
      key: org.key,
      json: { respondents: [{ email: 'leaver@example.org', department: 'HR' }] },
    });

    const erased = await call('DELETE', `${path()}/Leaver%40example.org`, { key: org.key });
    const again = await call('DELETE', `${path()}/leaver%40example.org`, { key: org.key });

    expect(erased.status).toBe(204);
    expect(again.status).toBe(204);
    expect(await listAll()).not.toContain('leaver@example.org');
  });
});
