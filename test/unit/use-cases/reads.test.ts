import { describe, expect, it } from 'vitest';
import { readOrganisation } from '../../../shared/organisations/read-organisation.js';
import { listRounds, readRound } from '../../../shared/rounds/read-rounds.js';
import { DEFAULT_VALUE_LIST } from '../../../shared/values/default-value-list.js';
import { readValueList, uploadValueList } from '../../../shared/values/manage-value-lists.js';
import { createMemoryDeps } from '../../support/memory-deps.js';
import { invitedRound, verifiedOrganisation } from './setup.js';

describe('reads and value lists on the memory adapters', () => {
  it('shows an analyst the settings without the addresses an admin sees', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);

    // Act
    const admin = await readOrganisation(deps, org.orgId, 'admin');
    const analyst = await readOrganisation(deps, org.orgId, 'analyst');

    // Assess
    expect(admin).toMatchObject({ contactEmail: 'admin@example.org' });
    expect(JSON.stringify(analyst)).not.toContain('admin@example.org');
  });

  it('lists the rounds and reads one with its invited and answered counts', async () => {
    // Prepare
    const { deps, org, round } = await invitedRound(3);

    // Act
    const listed = await listRounds(deps, org.orgId);
    const read = await readRound(deps, org.orgId, round.id);

    // Assess
    expect(listed.map((each) => each.id)).toEqual([round.id]);
    expect(read).toMatchObject({ id: round.id, status: 'open', invited: 3, answered: 0 });
    await expect(readRound(deps, org.orgId, 'rnd_unknown')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stores an uploaded value list as a new list and reads it back, the default list too', async () => {
    // Prepare
    const deps = createMemoryDeps();

    // Act
    const uploaded = await uploadValueList(deps, 'org_a', DEFAULT_VALUE_LIST.values.slice(0, 20));
    const read = await readValueList(deps, 'org_a', uploaded.id);

    // Assess
    expect(read.values).toEqual(DEFAULT_VALUE_LIST.values.slice(0, 20));
    expect((await readValueList(deps, 'org_a', DEFAULT_VALUE_LIST.id)).id).toBe(DEFAULT_VALUE_LIST.id);
    await expect(readValueList(deps, 'org_b', uploaded.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
