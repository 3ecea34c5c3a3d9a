import type { RoundStore } from '../../rounds/ports.js';
import type { Round } from '../../rounds/round.js';
import { byKey, copy, pageOf } from './copy.js';

type Claim = { state: 'sending'; leaseUntil: string } | { state: 'sent' };

/** Rounds in a Map, the tick's work queue as a set of their keys, and the once-per-round mail claims. */
export function createMemoryRoundStore(): RoundStore {
  const rounds = new Map<string, Round>();
  const active = new Set<string>();
  const claims = new Map<string, Claim>();
  const id = (orgId: string, roundId: string) => `${orgId}#${roundId}`;
  return {
    async create(round) {
      const key = id(round.orgId, round.id);
      if (rounds.has(key)) return false;
      rounds.set(key, copy(round));
      active.add(key);
      return true;
    },
    async get(orgId, roundId) {
      const round = rounds.get(id(orgId, roundId));
      return round && copy(round);
    },
    async list(orgId) {
      return [...rounds.values()]
        .filter((round) => round.orgId === orgId)
        .sort((a, b) => b.opensAt.localeCompare(a.opensAt))
        .map(copy);
    },
    async listActive(cursor, limit = 1000) {
      const keys = byKey([...active].map((key) => [key, key] as [string, string]));
      const page = pageOf(keys, cursor, limit, /^org_[A-Za-z0-9]+#rnd_[A-Za-z0-9]+$/, () => {
        return new Error('Unknown work-queue cursor');
      });
      return {
        items: page.items.map((key) => {
          const [orgId, roundId] = key.split('#') as [string, string];
          return { orgId, roundId };
        }),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      };
    },
    async updateProgress(orgId, roundId, progress) {
      const round = rounds.get(id(orgId, roundId));
      if (round) round.progress = { ...round.progress, ...copy(progress) };
    },
    async close(orgId, roundId, closedAt) {
      const round = rounds.get(id(orgId, roundId));
      if (!round || round.closedAt !== undefined) return false;
      round.closedAt = closedAt;
      return true;
    },
    async finish(orgId, roundId) {
      active.delete(id(orgId, roundId));
    },
    async countErasedInvitation(orgId, roundId, answered, byCode) {
      const round = rounds.get(id(orgId, roundId));
      if (!round) return;
      const add = (count: number | undefined, yes: boolean | undefined) => (count ?? 0) + (yes ? 1 : 0);
      round.erasedInvitations = add(round.erasedInvitations, true);
      round.erasedAnswered = add(round.erasedAnswered, answered);
      round.erasedInvitedByCode = add(round.erasedInvitedByCode, byCode?.invited);
      round.erasedAnsweredByCode = add(round.erasedAnsweredByCode, byCode?.answered);
    },
    async claimRoundMail(orgId, roundId, mail, now, leaseUntil) {
      const key = `${id(orgId, roundId)}#${mail}`;
      const claim = claims.get(key);
      if (claim && !(claim.state === 'sending' && claim.leaseUntil < now)) return false;
      claims.set(key, { state: 'sending', leaseUntil });
      return true;
    },
    async settleRoundMail(orgId, roundId, mail, sent) {
      const key = `${id(orgId, roundId)}#${mail}`;
      if (sent) claims.set(key, { state: 'sent' });
      else claims.delete(key);
    },
  };
}
