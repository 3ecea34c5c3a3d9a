import { conflict } from '../../errors.js';
import type { Organisation } from '../../organisations/organisation.js';
import type { OrganisationStore } from '../../organisations/ports.js';
import { applyChanges, copy } from './copy.js';

/** Organisations in a Map, with the table's conditions: the open-round slot and the schedule change only as there. */
export function createMemoryOrganisationStore(): OrganisationStore {
  const orgs = new Map<string, Organisation>();
  // The work-queue index sorts by `<nextRoundAt>#<orgId>`.
  const due = () =>
    [...orgs.values()]
      .filter((org) => org.nextRoundAt !== undefined)
      .map((org) => ({ at: `${org.nextRoundAt}#${org.id}`, org }))
      .sort((a, b) => (a.at < b.at ? -1 : 1));
  const change = (orgId: string, changes: Record<string, unknown>) => {
    const org = orgs.get(orgId) as Organisation;
    orgs.set(orgId, applyChanges(org, changes));
  };
  return {
    async nextDueAt() {
      return due()[0]?.org.nextRoundAt;
    },
    async create(org) {
      if (orgs.has(org.id)) throw conflict('Organisation exists');
      orgs.set(org.id, copy(org));
    },
    async get(orgId) {
      const org = orgs.get(orgId);
      return org && copy(org);
    },
    async update(orgId, changes, now) {
      if (!orgs.has(orgId)) return undefined;
      change(orgId, { ...changes, updatedAt: now });
      return copy(orgs.get(orgId));
    },
    async markVerified(orgId, verifiedAt, nextRoundAt) {
      if (orgs.get(orgId)?.verified !== false) return false;
      change(orgId, { verified: true, verifiedAt, nextRoundAt });
      return true;
    },
    async listDue(now, limit) {
      return due()
        .filter((entry) => entry.at <= `${now}#~`)
        .slice(0, limit)
        .map((entry) => copy(entry.org));
    },
    async claimOpenRound(orgId, roundId, claimedAt) {
      const org = orgs.get(orgId);
      if (!org || (org.openRoundId !== undefined && org.openRoundId !== roundId)) return false;
      change(orgId, { openRoundId: roundId, openRoundClaimedAt: org.openRoundClaimedAt ?? claimedAt });
      return true;
    },
    async reclaimOpenRound(orgId, staleRoundId, roundId, claimedAt) {
      if (orgs.get(orgId)?.openRoundId !== staleRoundId) return false;
      change(orgId, { openRoundId: roundId, openRoundClaimedAt: claimedAt });
      return true;
    },
    async releaseOpenRound(orgId, roundId) {
      if (orgs.get(orgId)?.openRoundId === roundId)
        change(orgId, { openRoundId: undefined, openRoundClaimedAt: undefined });
    },
    async advanceSchedule(orgId, from, to) {
      if (orgs.get(orgId)?.nextRoundAt !== from) return false;
      change(orgId, { nextRoundAt: to });
      return true;
    },
  };
}
