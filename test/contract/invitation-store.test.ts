import { describe, expect, it } from 'vitest';
import { createInvitationStore } from '../../shared/adapters/dynamodb/invitation-store.js';
import { createMemoryInvitationStore } from '../../shared/adapters/memory/invitation-store.js';
import type { Invitation } from '../../shared/rounds/invitation.js';
import type { InvitationStore } from '../../shared/rounds/ports.js';
import { contractBackends } from './adapters.js';
import { AT, invitation, organisation, round } from './fixtures.js';

const backends = contractBackends();
const LEASE = '2027-01-11T08:05:00.000Z';

/** Every invitation of a round: a page may be short, even empty, with more to follow (the table walks shards). */
async function everyInvitation(invitations: InvitationStore, roundId: string, limit = 100) {
  const seen: Invitation[] = [];
  let cursor: string | undefined;
  do {
    const page = await invitations.page(roundId, cursor, limit);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return seen;
}

describe.each(backends)('InvitationStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryInvitationStore, createInvitationStore);
  const open = round(organisation());

  it('creates an invitation once (a rerun changes nothing) and pages every one exactly once', async () => {
    const invitations = store();
    const all = Array.from({ length: 7 }, () => invitation(open));
    for (const each of all) await invitations.create(each);
    await invitations.create({ ...(all[0] as Invitation), segments: { department: 'Annan' } });
    await invitations.create(invitation(round(organisation())));

    const seen = await everyInvitation(invitations, open.id, 3);

    const byKey = (a: Invitation, b: Invitation) => a.respondentKey.localeCompare(b.respondentKey);
    expect(seen.sort(byKey)).toEqual([...all].sort(byKey));
    await expect(invitations.page(open.id, 'bm9wZQ', 3)).rejects.toThrow('Unknown invitation cursor');
  });

  it('lets one caller claim a mail, another only once the lease ran out, and none once settled', async () => {
    const invitations = store();
    const one = invitation(open);
    await invitations.create(one);
    const claim = (now: string) => invitations.claimMail(open.id, one.respondentKey, 'invite', now, LEASE);

    const first = await claim(AT);
    const during = await claim('2027-01-11T08:04:59.000Z');
    const after = await claim('2027-01-11T08:05:01.000Z');
    await invitations.settleMail(open.id, one.respondentKey, 'invite', { state: 'sent', tokenHash: 'a1' });
    const settled = await claim('2027-02-01T00:00:00.000Z');
    const unknown = await invitations.claimMail(open.id, 'f'.repeat(64), 'invite', AT, LEASE);

    expect([first, during, after, settled, unknown]).toEqual([true, false, true, false, false]);
  });

  it('refuses a reminder claim once answered, and records how the answer came', async () => {
    const invitations = store();
    const [answered, waiting] = [invitation(open), invitation(open)];
    await invitations.create(answered);
    await invitations.create(waiting);

    const marked = await invitations.markAnswered(open.id, answered.respondentKey, 'code');
    const reminder = await invitations.claimMail(open.id, answered.respondentKey, 'reminder1', AT, LEASE);
    const other = await invitations.claimMail(open.id, waiting.respondentKey, 'reminder1', AT, LEASE);
    const gone = await invitations.markAnswered(open.id, 'f'.repeat(64));

    expect([marked, reminder, other, gone]).toEqual([true, false, true, false]);
    const items = await everyInvitation(invitations, open.id);
    expect(items.find((i) => i.respondentKey === answered.respondentKey)).toMatchObject({
      answered: true,
      answeredBy: 'code',
    });
  });

  it('settles sent, skipped and released mails, and deletes returning the token hashes it held', async () => {
    const invitations = store();
    const one = invitation(open);
    await invitations.create(one);
    const key = one.respondentKey;

    await invitations.claimMail(open.id, key, 'invite', AT, LEASE);
    await invitations.settleMail(open.id, key, 'invite', { state: 'sent', tokenHash: 'a1', channel: 'sms' });
    await invitations.claimMail(open.id, key, 'reminder1', AT, LEASE);
    await invitations.settleMail(open.id, key, 'reminder1', { state: 'sent', tokenHash: 'b2' });
    await invitations.claimMail(open.id, key, 'reminder2', AT, LEASE);
    await invitations.settleMail(open.id, key, 'reminder2', { state: 'released' });
    const [stored] = await everyInvitation(invitations, open.id);
    await invitations.settleMail(open.id, key, 'reminder2', { state: 'skipped', reason: 'suppressed' });
    const [skipped] = await everyInvitation(invitations, open.id);
    const deleted = await invitations.delete(open.id, key);
    await invitations.settleMail(open.id, key, 'invite', { state: 'released' });

    expect(stored?.mails).toEqual({
      invite: { state: 'sent', channel: 'sms' },
      reminder1: { state: 'sent' },
    });
    expect(skipped?.mails.reminder2).toEqual({ state: 'skipped', reason: 'suppressed' });
    expect({ ...deleted, tokenHashes: deleted?.tokenHashes.sort() }).toEqual({
      invited: true,
      answered: false,
      byCode: { invited: false, answered: false },
      tokenHashes: ['a1', 'b2'],
    });
    expect(await invitations.delete(open.id, key)).toBeUndefined();
    expect(await everyInvitation(invitations, open.id)).toEqual([]);
  });
});
