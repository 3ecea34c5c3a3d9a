import { erasedInvitation, type Invitation } from '../../rounds/invitation.js';
import type { InvitationStore } from '../../rounds/ports.js';
import { byKey, copy, pageOf } from './copy.js';

/** A round's invitations by respondent key, with the table's claims: one sender per mail, leases that expire. */
export function createMemoryInvitationStore(): InvitationStore {
  const byRound = new Map<string, Map<string, Invitation>>();
  const of = (roundId: string) => {
    const found = byRound.get(roundId) ?? new Map<string, Invitation>();
    byRound.set(roundId, found);
    return found;
  };
  return {
    async create(invitation) {
      const round = of(invitation.roundId);
      if (!round.has(invitation.respondentKey)) round.set(invitation.respondentKey, copy(invitation));
    },
    async page(roundId, cursor, limit) {
      return pageOf(byKey(of(roundId)), cursor, limit, /^[0-9a-f]{64}$/, () => {
        return new Error('Unknown invitation cursor');
      });
    },
    async claimMail(roundId, respondentKey, kind, now, leaseUntil) {
      const invitation = of(roundId).get(respondentKey);
      if (!invitation || (kind !== 'invite' && invitation.answered !== undefined)) return false;
      const mail = invitation.mails[kind];
      const leaseOver = mail?.state === 'sending' && mail.leaseUntil !== undefined && mail.leaseUntil < now;
      if (mail && !leaseOver) return false;
      invitation.mails[kind] = { state: 'sending', leaseUntil };
      return true;
    },
    async settleMail(roundId, respondentKey, kind, outcome) {
      // An invitation erased mid-send has nothing left to settle.
      const invitation = of(roundId).get(respondentKey);
      if (!invitation) return;
      if (outcome.state === 'released') delete invitation.mails[kind];
      else if (outcome.state === 'skipped')
        invitation.mails[kind] = { state: 'skipped', reason: outcome.reason };
      else {
        invitation.mails[kind] = { state: 'sent', ...(outcome.channel ? { channel: outcome.channel } : {}) };
        invitation.tokenHashes = [...new Set([...(invitation.tokenHashes ?? []), outcome.tokenHash])];
      }
    },
    async markAnswered(roundId, respondentKey, via = 'link') {
      const invitation = of(roundId).get(respondentKey);
      if (!invitation) return false;
      Object.assign(invitation, { answered: true, answeredBy: via });
      return true;
    },
    async delete(roundId, respondentKey) {
      const invitation = of(roundId).get(respondentKey);
      if (!invitation) return undefined;
      of(roundId).delete(respondentKey);
      return erasedInvitation(invitation);
    },
  };
}
