import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { keys } from '../../shared/db/table.js';
import { apiClient, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
beforeAll(async () => {
  stack = await startTestStack();
  call = apiClient(stack);
});
afterAll(() => stack.close());

const body = (contactEmail: string) => ({ name: 'Retry AB', contactEmail, language: 'en' });
const enrol = (key: string, json: unknown) =>
  call('POST', '/v1/organisations', { json, headers: { 'idempotency-key': key } });
const mailsTo = async (address: string) =>
  (await sentMail(stack)).filter((mail) => mail.destination.to.includes(address)).length;

describe('enrolment with an Idempotency-Key', () => {
  it('answers a retry with the same organisation and a working admin key, and creates nothing more', async () => {
    const key = randomUUID();

    const first = await enrol(key, body('retry@example.org'));
    const retry = await enrol(key, body('retry@example.org'));
    const asAdmin = await call('GET', `/v1/organisations/${retry.json.organisation.id}`, {
      key: retry.json.adminKey,
    });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(asAdmin.status).toBe(200);
    expect(await mailsTo('retry@example.org')).toBe(1);
  });

  it('refuses the same key with another body with 422 in the error shape', async () => {
    const key = randomUUID();
    await enrol(key, body('mismatch@example.org'));

    const other = await enrol(key, { ...body('mismatch@example.org'), name: 'Another AB' });

    expect(other.status).toBe(422);
    expect(other.json.error).toMatchObject({ code: 'idempotency_key_reused', details: [] });
    expect(other.json.error.message).toMatch(/another request/);
  });

  it('creates one organisation when two requests with one key arrive together', async () => {
    const key = randomUUID();

    const [a, b] = await Promise.all([
      enrol(key, body('race@example.org')),
      enrol(key, body('race@example.org')),
    ]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.organisation.id).toBe(b.json.organisation.id);
    expect(a.json.adminKey).toBe(b.json.adminKey);
    expect(await mailsTo('race@example.org')).toBe(1);
  });

  it('refuses a key that is too long or too short with 400, creating nothing', async () => {
    const long = await enrol('k'.repeat(256), body('long@example.org'));
    const short = await enrol('abc', body('long@example.org'));

    for (const response of [long, short]) {
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBe('validation_failed');
      expect(response.json.error.details[0].path).toBe('Idempotency-Key');
    }
    expect(await mailsTo('long@example.org')).toBe(0);
  });

  it('stores the key hashed, with a 24-hour TTL and the response sealed, never the admin key in clear', async () => {
    const key = randomUUID();
    const created = await enrol(key, body('stored@example.org'));
    const db = createDocumentClient({
      tableName: stack.config.tableName,
      region: 'eu-north-1',
      endpoint: stack.dynamoEndpoint,
    });

    const { Item } = await db.send(
      new GetCommand({
        TableName: stack.config.tableName,
        Key: keys.idempotencyKey(stack.deps.secrets.hash(`idempotency\0${key}`)),
      }),
    );

    expect(Item?.state).toBe('done');
    const hoursToLive = ((Item?.ttl as number) * 1000 - Date.now()) / 3_600_000;
    expect(hoursToLive).toBeGreaterThan(23.9);
    expect(hoursToLive).toBeLessThanOrEqual(24.01);
    const stored = JSON.stringify(Item);
    expect(stored).not.toContain(created.json.adminKey);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain('stored@example.org');
  });
});
