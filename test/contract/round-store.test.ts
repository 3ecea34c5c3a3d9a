import { describe, expect, it } from 'vitest';
import { createRoundStore } from '../../shared/adapters/dynamodb/round-store.js';
import { createMemoryRoundStore } from '../../shared/adapters/memory/round-store.js';
import { contractBackends } from './adapters.js';
import { AT, organisation, round } from './fixtures.js';

const backends = contractBackends();

describe.each(backends)('RoundStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryRoundStore, createRoundStore);
  const org = organisation();

  it("creates a round once, and lists an organisation's rounds newest first", async () => {
    const rounds = store();
    const [older, newer] = [round(org, '2026-09-01T08:00:00.000Z'), round(org, AT)];

    const created = await rounds.create(older);
    const rerun = await rounds.create({ ...older, trigger: 'scheduled' });
    await rounds.create(newer);
    await rounds.create(round(organisation()));

    expect([created, rerun]).toEqual([true, false]);
    expect(await rounds.get(org.id, older.id)).toEqual(older);
    expect((await rounds.list(org.id)).map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await rounds.get(org.id, 'rnd_unknown')).toBeUndefined();
  });

  it('merges progress, closes once, and counts erased invitations', async () => {
    const rounds = store();
    const open = round(org);
    await rounds.create(open);

    await rounds.updateProgress(org.id, open.id, { invitationsCreated: true, createCursor: 'abc' });
    await rounds.updateProgress(org.id, open.id, { inviteDone: true });
    const closed = await rounds.close(org.id, open.id, '2027-01-20T00:00:00.000Z');
    const again = await rounds.close(org.id, open.id, '2027-01-21T00:00:00.000Z');
    const unknown = await rounds.close(org.id, 'rnd_unknown', AT);
    await rounds.countErasedInvitation(org.id, open.id, true, { invited: true, answered: true });
    await rounds.countErasedInvitation(org.id, open.id, false);

    expect([closed, again, unknown]).toEqual([true, false, false]);
    expect(await rounds.get(org.id, open.id)).toEqual({
      ...open,
      progress: { invitationsCreated: true, createCursor: 'abc', inviteDone: true },
      closedAt: '2027-01-20T00:00:00.000Z',
      erasedInvitations: 2,
      erasedAnswered: 1,
      erasedInvitedByCode: 1,
      erasedAnsweredByCode: 1,
    });
  });

  it('pages the work queue in key order until the cursor runs out, without the finished rounds', async () => {
    const rounds = store();
    const all = Array.from({ length: 5 }, () => round(organisation()));
    for (const each of all) await rounds.create(each);
    await rounds.finish(all[2]?.orgId as string, all[2]?.id as string);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await rounds.listActive(cursor, 2);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((ref) => `${ref.orgId}#${ref.roundId}`));
      cursor = page.cursor;
    } while (cursor);

    const expected = all.filter((_, i) => i !== 2).map((r) => `${r.orgId}#${r.id}`);
    expect(seen).toEqual(expected.sort());
    await expect(rounds.listActive('bm9wZQ')).rejects.toThrow('Unknown work-queue cursor');
  });

  it('claims a round mail once, again only after its lease, and never once sent', async () => {
    const rounds = store();
    const open = round(org);
    await rounds.create(open);
    const claim = (now: string) =>
      rounds.claimRoundMail(org.id, open.id, 'report', now, '2027-01-11T08:05:00.000Z');

    const first = await claim(AT);
    const during = await claim('2027-01-11T08:04:00.000Z');
    const after = await claim('2027-01-11T08:06:00.000Z');
    await rounds.settleRoundMail(org.id, open.id, 'report', true);
    const sent = await claim('2027-02-01T00:00:00.000Z');
    const progress = await rounds.claimRoundMail(org.id, open.id, 'progress', AT, '2027-01-11T08:05:00.000Z');
    await rounds.settleRoundMail(org.id, open.id, 'progress', false);
    const released = await rounds.claimRoundMail(org.id, open.id, 'progress', AT, '2027-01-11T08:05:00.000Z');

    expect([first, during, after, sent, progress, released]).toEqual([true, false, true, false, true, true]);
    expect(await rounds.get(org.id, open.id)).toEqual(open);
  });
});
