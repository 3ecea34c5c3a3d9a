import { describe, expect, it } from 'vitest';
import { createApiKeyStore } from '../../shared/adapters/dynamodb/api-key-store.js';
import { createOrganisationStore } from '../../shared/adapters/dynamodb/organisation-store.js';
import { createMemoryApiKeyStore } from '../../shared/adapters/memory/api-key-store.js';
import { createMemoryOrganisationStore } from '../../shared/adapters/memory/organisation-store.js';
import { contractBackends } from './adapters.js';
import { AT, organisation } from './fixtures.js';

const backends = contractBackends();

describe.each(backends)('OrganisationStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryOrganisationStore, createOrganisationStore);

  it('stores an organisation and refuses a second one with the same id as a conflict', async () => {
    const orgs = store();
    const org = organisation();

    await orgs.create(org);
    const again = orgs.create({ ...org, name: 'Another' });

    await expect(again).rejects.toMatchObject({ code: 'conflict' });
    expect(await orgs.get(org.id)).toEqual(org);
  });

  it('updates settings, removes those set to undefined, and answers undefined for an unknown id', async () => {
    const orgs = store();
    const org = organisation({ goal: { place: 10 } });
    await orgs.create(org);

    const updated = await orgs.update(
      org.id,
      { name: 'Nytt namn', goal: undefined },
      '2027-02-01T00:00:00.000Z',
    );
    const unknown = await orgs.update('org_unknown', { name: 'x' }, AT);

    expect(updated).toEqual({
      ...org,
      name: 'Nytt namn',
      goal: undefined,
      updatedAt: '2027-02-01T00:00:00.000Z',
    });
    expect(updated && 'goal' in updated).toBe(false);
    expect(unknown).toBeUndefined();
  });

  it('marks verified once, and lists it as due from its next round on, oldest first', async () => {
    const orgs = store();
    const [early, late] = [organisation(), organisation()];
    await orgs.create(late);
    await orgs.create(early);

    const first = await orgs.markVerified(late.id, AT, '2027-03-01T08:00:00.000Z');
    const second = await orgs.markVerified(late.id, AT, '2027-03-01T08:00:00.000Z');
    await orgs.markVerified(early.id, AT, '2027-02-01T08:00:00.000Z');

    expect([first, second]).toEqual([true, false]);
    expect(await orgs.nextDueAt()).toBe('2027-02-01T08:00:00.000Z');
    expect((await orgs.listDue('2027-02-15T00:00:00.000Z', 10)).map((o) => o.id)).toEqual([early.id]);
    expect((await orgs.listDue('2027-03-01T08:00:00.000Z', 10)).map((o) => o.id)).toEqual([
      early.id,
      late.id,
    ]);
  });

  it('advances the schedule only from the time it still holds, and drops it from the due list when none is next', async () => {
    const orgs = store();
    const org = organisation();
    await orgs.create(org);
    await orgs.markVerified(org.id, AT, '2027-02-01T08:00:00.000Z');

    const stale = await orgs.advanceSchedule(org.id, '2027-01-01T08:00:00.000Z', '2027-08-01T08:00:00.000Z');
    const moved = await orgs.advanceSchedule(org.id, '2027-02-01T08:00:00.000Z', undefined);

    expect([stale, moved]).toEqual([false, true]);
    expect(await orgs.nextDueAt()).toBeUndefined();
    expect((await orgs.get(org.id))?.nextRoundAt).toBeUndefined();
  });

  it('holds one open-round slot: claimed once, reclaimed only from the stale round, freed only by its holder', async () => {
    const orgs = store();
    const org = organisation();
    await orgs.create(org);

    const claimed = await orgs.claimOpenRound(org.id, 'rnd_a', AT);
    const rerun = await orgs.claimOpenRound(org.id, 'rnd_a', '2027-01-12T00:00:00.000Z');
    const other = await orgs.claimOpenRound(org.id, 'rnd_b', AT);
    const wrongStale = await orgs.reclaimOpenRound(org.id, 'rnd_x', 'rnd_c', AT);
    const reclaimed = await orgs.reclaimOpenRound(org.id, 'rnd_a', 'rnd_c', '2027-01-13T00:00:00.000Z');
    await orgs.releaseOpenRound(org.id, 'rnd_a');
    const heldStill = await orgs.get(org.id);
    await orgs.releaseOpenRound(org.id, 'rnd_c');

    expect([claimed, rerun, other, wrongStale, reclaimed]).toEqual([true, true, false, false, true]);
    expect(heldStill).toMatchObject({ openRoundId: 'rnd_c', openRoundClaimedAt: '2027-01-13T00:00:00.000Z' });
    expect(await orgs.get(org.id)).toEqual(org);
    expect(await orgs.claimOpenRound('org_unknown', 'rnd_a', AT)).toBe(false);
  });
});

describe.each(backends)('ApiKeyStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryApiKeyStore, createApiKeyStore);
  const key = (orgId: string, keyId: string) => ({
    orgId,
    keyId,
    role: 'admin' as const,
    hash: 'ab'.repeat(32),
    createdAt: AT,
  });

  it("lists an organisation's keys only, and revokes once with the first time kept", async () => {
    const keys = store();
    await keys.create(key('org_a', 'key_1'));
    await keys.create(key('org_a', 'key_2'));
    await keys.create(key('org_b', 'key_3'));

    const revoked = await keys.revoke('org_a', 'key_1', '2027-01-12T00:00:00.000Z');
    await keys.revoke('org_a', 'key_1', '2027-01-13T00:00:00.000Z');
    const unknown = await keys.revoke('org_a', 'key_9', AT);

    expect((await keys.list('org_a')).map((k) => k.keyId)).toEqual(['key_1', 'key_2']);
    expect(await keys.get('org_a', 'key_1')).toEqual({
      ...key('org_a', 'key_1'),
      revokedAt: '2027-01-12T00:00:00.000Z',
    });
    expect([revoked, unknown]).toEqual([true, false]);
    await expect(keys.create(key('org_a', 'key_2'))).rejects.toThrow();
  });
});
