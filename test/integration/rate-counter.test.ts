import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite } from '../../infra/local/embedded.js';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { createRateCounter } from '../../shared/adapters/dynamodb/rate-counter.js';
import { createFailureLimit, createLimit, type RateCounter } from '../../shared/rate-limiter.js';
import { createSecrets } from '../../shared/security/secrets.js';
import { manualClock } from '../support/clock.js';

const clock = manualClock(Date.parse('2027-02-01T10:59:30Z'));
const secrets = createSecrets('p'.repeat(32));
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let counter: RateCounter;

beforeAll(async () => {
  dynamo = await startDynalite(0);
  const endpoint = `http://127.0.0.1:${dynamo.port}`;
  await ensureTable(endpoint, 'rates');
  counter = createRateCounter(
    createDocumentClient({ tableName: 'rates', region: 'eu-north-1', endpoint }),
    'rates',
    clock,
  );
});
afterAll(() => dynamo.close());

describe('the table rate counter', () => {
  it('allows exactly the limit when twenty hits race, and says when the window ends', async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => counter.hit('race', 5, 60)));

    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed).map((v) => v.retryAfter)).toEqual(Array(15).fill(30));
  });

  it('starts a fresh count in the next fixed window', async () => {
    for (let i = 0; i < 3; i++) await counter.hit('window', 3, 60);
    const refused = await counter.hit('window', 3, 60);
    clock.set('2027-02-01T11:00:00Z');
    const next = await counter.hit('window', 3, 60);

    expect(refused.allowed).toBe(false);
    expect(next).toEqual({ allowed: true, retryAfter: 0 });
  });

  it('refuses a limit of several windows when any one is used up, with the longest wait', async () => {
    const limit = createLimit(counter, secrets, 'two', [
      { limit: 2, windowSeconds: 3600 },
      { limit: 3, windowSeconds: 86_400 },
    ]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await limit.hit('someone@example.org'));
    clock.set('2027-02-01T12:00:00Z');
    const nextHour = await limit.hit('someone@example.org');

    expect(statuses.map((v) => v.allowed)).toEqual([true, true, false]);
    expect(nextHour.allowed).toBe(false);
    expect(nextHour.retryAfter).toBe(12 * 3600);
  });

  it('keeps a failure limit’s verdict in the process: a blocked client costs no further table call', async () => {
    const calls: string[] = [];
    const counting: RateCounter = {
      hit: (key, limit, windowSeconds) => {
        calls.push(key);
        return counter.hit(key, limit, windowSeconds);
      },
    };
    const guesses = createFailureLimit(
      createLimit(counting, secrets, 'guess', [{ limit: 2, windowSeconds: 600 }]),
      clock,
    );

    const verdicts = [
      await guesses.fail('10.0.0.1'),
      await guesses.fail('10.0.0.1'),
      await guesses.fail('10.0.0.1'),
    ];
    const blocked = guesses.blockedFor('10.0.0.1');

    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
    expect(blocked).toBeGreaterThan(0);
    expect(guesses.blockedFor('10.0.0.2')).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it('writes one conditional ADD with a TTL, keyed by a hash: no address reaches the table', async () => {
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
    );
    const mock = mockClient(db);
    mock.on(UpdateCommand).resolves({});
    const limit = createLimit(createRateCounter(db, 't', clock), secrets, 'verify-address', [
      { limit: 3, windowSeconds: 3600 },
    ]);

    await limit.hit('victim@example.org');
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;

    expect(input?.ConditionExpression).toBe('attribute_not_exists(hits) OR hits < :limit');
    expect(input?.UpdateExpression).toContain('ADD hits :one');
    expect(String(input?.Key?.pk)).toMatch(/^RATE#verify-address#[0-9a-f]{32}#3600#\d+$/);
    expect(JSON.stringify(input)).not.toContain('victim');
    expect(input?.ExpressionAttributeValues?.[':expires']).toBeGreaterThan(clock.now().getTime() / 1000);
  });
});
