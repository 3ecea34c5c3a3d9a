import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/actions/action.js';
import { createActionStore } from '../../shared/adapters/dynamodb/action-store.js';
import { createCounterStore } from '../../shared/adapters/dynamodb/counter-store.js';
import { createIdempotencyStore } from '../../shared/adapters/dynamodb/idempotency-store.js';
import { createMailQuotaStore } from '../../shared/adapters/dynamodb/mail-quota-store.js';
import { createRateCounter } from '../../shared/adapters/dynamodb/rate-counter.js';
import { createTickStateStore } from '../../shared/adapters/dynamodb/tick-state-store.js';
import { createMemoryActionStore } from '../../shared/adapters/memory/action-store.js';
import {
  createMemoryAttemptCounter,
  createMemoryRateCounter,
} from '../../shared/adapters/memory/counters.js';
import { createMemoryIdempotencyStore } from '../../shared/adapters/memory/idempotency-store.js';
import {
  createMemoryMailQuotaStore,
  createMemoryTickStateStore,
} from '../../shared/adapters/memory/tick-state.js';
import type { IdempotencyRecord } from '../../shared/idempotency/idempotent.js';
import { manualClock } from '../support/clock.js';
import { contractBackends } from './adapters.js';
import { AT } from './fixtures.js';

const backends = contractBackends();

describe.each(backends)('TickStateStore and MailQuotaStore on $name', (backend) => {
  it('goes idle only when no wake came since the one read', async () => {
    const state = backend.pick(createMemoryTickStateStore, createTickStateStore);
    const fresh = await state.get();
    await state.markWoken(AT);

    const stale = await state.markIdle(undefined);
    const current = await state.markIdle(AT);
    const idle = await state.get();
    await state.markActive();

    expect(fresh).toEqual({ wokenAt: undefined, idle: false });
    expect([stale, current]).toEqual([false, true]);
    expect(idle).toEqual({ wokenAt: AT, idle: true });
    expect(await state.get()).toEqual({ wokenAt: AT, idle: false });
  });

  it('replaces the send bucket only from the version read', async () => {
    const quota = backend.pick(createMemoryMailQuotaStore, createMailQuotaStore);

    const first = await quota.replace({ tokens: 5, at: 1000, version: 1 }, 0);
    const raced = await quota.replace({ tokens: 4, at: 1001, version: 1 }, 0);
    const next = await quota.replace({ tokens: 3, at: 1002, version: 2 }, 1);

    expect([first, raced, next]).toEqual([true, false, true]);
    expect(await quota.read()).toEqual({ tokens: 3, at: 1002, version: 2 });
  });
});

describe.each(backends)('AttemptCounter and RateCounter on $name', (backend) => {
  it('counts attempts up to the limit per window, and starts again in the next window', async () => {
    const counter = backend.pick(createMemoryAttemptCounter, createCounterStore);
    const at = new Date('2027-01-11T08:00:30.000Z');

    const counted = [];
    for (let i = 0; i < 3; i++) counted.push(await counter.attempt('code#1.2.3.4', 2, 60_000, at));
    const exceeded = await counter.exceeded('code#1.2.3.4', 2, 60_000, at);
    const other = await counter.exceeded('code#5.6.7.8', 2, 60_000, at);
    const nextWindow = await counter.attempt('code#1.2.3.4', 2, 60_000, new Date('2027-01-11T08:01:00.000Z'));

    expect(counted).toEqual([true, true, false]);
    expect([exceeded, other, nextWindow]).toEqual([true, false, true]);
  });

  it('refuses hits past the limit with the seconds left in the window', async () => {
    const clock = manualClock(Date.parse('2027-01-11T08:00:45.000Z'));
    const counter = backend.pick(
      () => createMemoryRateCounter(clock),
      (db, table) => createRateCounter(db, table, clock),
    );

    const hits = [
      await counter.hit('enrol#a', 2, 60),
      await counter.hit('enrol#a', 2, 60),
      await counter.hit('enrol#a', 2, 60),
    ];

    expect(hits).toEqual([
      { allowed: true, retryAfter: 0 },
      { allowed: true, retryAfter: 0 },
      { allowed: false, retryAfter: 15 },
    ]);
  });
});

describe.each(backends)('IdempotencyStore on $name', (backend) => {
  const record = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
    keyHash: 'ab'.repeat(32),
    requestHash: 'cd'.repeat(32),
    claimId: 'claim-1',
    state: 'pending',
    leaseUntil: '2027-01-11T08:01:00.000Z',
    expiresAt: '2027-01-12T08:00:00.000Z',
    ...overrides,
  });

  it('lets one claim hold a key, completes it for that claim only, and frees it once expired', async () => {
    const keys = backend.pick(createMemoryIdempotencyStore, createIdempotencyStore);

    const first = await keys.claim(record(), AT);
    const second = await keys.claim(record({ claimId: 'claim-2' }), AT);
    await expect(
      keys.complete(record().keyHash, 'claim-2', { status: 201, sealedBody: 'x' }),
    ).rejects.toThrow();
    await keys.complete(record().keyHash, 'claim-1', { status: 201, sealedBody: 'sealed' });
    const afterLease = await keys.claim(record({ claimId: 'claim-3' }), '2027-01-11T09:00:00.000Z');
    const expired = await keys.claim(record({ claimId: 'claim-4' }), '2027-01-12T09:00:00.000Z');

    expect([first, second, afterLease, expired]).toEqual([true, false, false, true]);
    expect(await keys.get(record().keyHash)).toEqual(record({ claimId: 'claim-4' }));
  });

  it('takes over a pending claim past its lease, and releases only for its own claim', async () => {
    const keys = backend.pick(createMemoryIdempotencyStore, createIdempotencyStore);
    await keys.claim(record(), AT);

    const takeover = await keys.claim(record({ claimId: 'claim-2' }), '2027-01-11T08:02:00.000Z');
    await keys.release(record().keyHash, 'claim-1');
    const held = await keys.get(record().keyHash);
    await keys.release(record().keyHash, 'claim-2');

    expect(takeover).toBe(true);
    expect(held?.claimId).toBe('claim-2');
    expect(await keys.get(record().keyHash)).toBeUndefined();
  });
});

describe.each(backends)('ActionStore on $name', (backend) => {
  const action = (overrides: Partial<Action> = {}): Action => ({
    id: 'act_1',
    orgId: 'org_a',
    roundId: 'rnd_a',
    text: 'Fråga brukarna vid varje möte',
    status: 'planned',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });

  it("creates once, lists a round's actions oldest first and the organisation's done ones, replaces and deletes", async () => {
    const actions = backend.pick(createMemoryActionStore, createActionStore);
    await actions.create(action({ id: 'act_2', createdAt: '2027-01-12T00:00:00.000Z' }));
    await actions.create(action());
    await actions.create(action({ id: 'act_3', roundId: 'rnd_b', status: 'done', doneAt: AT }));

    await expect(actions.create(action())).rejects.toMatchObject({ code: 'conflict' });
    const replaced = await actions.replace(action({ status: 'done', doneAt: AT, segment: { site: 'Norr' } }));
    const gone = await actions.replace(action({ id: 'act_9' }));
    const deleted = await actions.delete('org_a', 'rnd_a', 'act_2');

    expect([replaced, gone, deleted]).toEqual([true, false, true]);
    expect((await actions.listForRound('org_a', 'rnd_a')).map((a) => a.id)).toEqual(['act_1']);
    expect((await actions.listDone('org_a')).map((a) => a.id).sort()).toEqual(['act_1', 'act_3']);
    expect(await actions.get('org_a', 'rnd_a', 'act_1')).toEqual(
      action({ status: 'done', doneAt: AT, segment: { site: 'Norr' } }),
    );
  });
});
