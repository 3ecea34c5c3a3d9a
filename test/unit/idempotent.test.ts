import { describe, expect, it } from 'vitest';
import { STATUS_OF } from '../../functions/api/error-status.js';
import type { DomainError } from '../../shared/errors.js';
import {
  type IdempotencyRecord,
  type IdempotencyStore,
  idempotent,
} from '../../shared/idempotency/idempotent.js';
import { createSecrets } from '../../shared/security/secrets.js';
import { manualClock } from '../support/clock.js';

/** A Map-backed store with the same claim rule as the DynamoDB one. */
function memoryStore(): IdempotencyStore & { items: Map<string, IdempotencyRecord> } {
  const items = new Map<string, IdempotencyRecord>();
  return {
    items,
    async claim(record, now) {
      const held = items.get(record.keyHash);
      const free = !held || held.expiresAt < now || (held.state === 'pending' && held.leaseUntil < now);
      if (free) items.set(record.keyHash, record);
      return free;
    },
    async get(keyHash) {
      return items.get(keyHash);
    },
    async complete(keyHash, claimId, result) {
      const held = items.get(keyHash);
      if (held?.claimId === claimId) items.set(keyHash, { ...held, state: 'done', ...result });
    },
    async release(keyHash, claimId) {
      if (items.get(keyHash)?.claimId === claimId) items.delete(keyHash);
    },
  };
}

function setup() {
  const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
  let waits = 0;
  const deps = {
    idempotency: memoryStore(),
    secrets: createSecrets('p'.repeat(43)),
    clock,
    sleep: async () => {
      waits++;
    },
  };
  return { deps, clock, waits: () => waits };
}
const KEY = '6f1c2a9e-0b7d-4c1e-9a55-3e2f7d1b8c40';

describe('idempotent', () => {
  it('answers 409 when the first request is still running past the wait, and runs nothing', async () => {
    const { deps, waits } = setup();
    let runs = 0;
    const work = async () => ({ status: 201, body: { n: ++runs } });
    // The first request claimed the key and has not finished: its claim stays pending.
    await deps.idempotency.claim(
      {
        keyHash: deps.secrets.hash(`idempotency\0${KEY}`),
        requestHash: deps.secrets.hash('request\0body'),
        claimId: 'claim_first',
        state: 'pending',
        leaseUntil: '2027-01-10T09:01:00.000Z',
        expiresAt: '2027-01-11T09:00:00.000Z',
      },
      '2027-01-10T09:00:00.000Z',
    );

    const refused = await idempotent(deps, KEY, 'body', work).catch((error: DomainError) => error);
    // The domain says what kind of refusal; the API's one table answers it with 409.
    expect(refused).toMatchObject({ code: 'idempotency_in_progress' });
    expect(STATUS_OF[(refused as DomainError).code]).toBe(409);
    expect(runs).toBe(0);
    expect(waits()).toBeGreaterThan(0);
  });

  it('takes over a claim abandoned past its lease, and runs the work once', async () => {
    const { deps, clock } = setup();
    await deps.idempotency.claim(
      {
        keyHash: deps.secrets.hash(`idempotency\0${KEY}`),
        requestHash: deps.secrets.hash('request\0body'),
        claimId: 'claim_dead',
        state: 'pending',
        leaseUntil: '2027-01-10T09:01:00.000Z',
        expiresAt: '2027-01-11T09:00:00.000Z',
      },
      '2027-01-10T09:00:00.000Z',
    );
    clock.set('2027-01-10T09:02:00.000Z');

    const first = await idempotent(deps, KEY, 'body', async () => ({ status: 201, body: { id: 'org_1' } }));
    const again = await idempotent(deps, KEY, 'body', async () => ({ status: 201, body: { id: 'org_2' } }));

    expect(first).toEqual({ status: 201, body: { id: 'org_1' }, replayed: false });
    expect(again).toEqual({ status: 201, body: { id: 'org_1' }, replayed: true });
  });

  it('releases the claim when the work fails, so a retry runs it', async () => {
    const { deps } = setup();
    const failing = async (): Promise<{ status: number; body: string }> => {
      throw new Error('mail service down');
    };

    await expect(idempotent(deps, KEY, 'body', failing)).rejects.toThrow('mail service down');
    const retry = await idempotent(deps, KEY, 'body', async () => ({ status: 201, body: 'made' }));

    expect(retry).toEqual({ status: 201, body: 'made', replayed: false });
  });

  it('cannot open a stored response without the client key', async () => {
    const { deps } = setup();
    await idempotent(deps, KEY, 'body', async () => ({ status: 201, body: { adminKey: 'kp.secret' } }));

    const [stored] = [...deps.idempotency.items.values()];

    expect(stored?.sealedBody).toBeDefined();
    expect(stored?.sealedBody).not.toContain('kp.secret');
    expect(deps.secrets.open(stored?.sealedBody ?? '', 'another-key-0000000')).toBeUndefined();
    expect(deps.secrets.open(stored?.sealedBody ?? '', KEY)).toBe('{"adminKey":"kp.secret"}');
  });
});
