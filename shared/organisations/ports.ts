/** The stores organisations and their API keys live in; the DynamoDB adapters own the keys. */

import type { ApiKeyRecord } from './api-key.js';
import type { Organisation } from './organisation.js';

export interface OrganisationStore {
  /** The earliest scheduled round opening of any organisation (ISO), or undefined when none is scheduled. */
  nextDueAt(): Promise<string | undefined>;
  /** Fails with a conflict when the id is taken. */
  create(org: Organisation): Promise<void>;
  get(orgId: string): Promise<Organisation | undefined>;
  /** Writes the given settings; returns the organisation as stored, or undefined when it does not exist. */
  update(orgId: string, changes: Partial<Organisation>, now: string): Promise<Organisation | undefined>;
  /** Marks the organisation verified once; false when it already was. */
  markVerified(orgId: string, verifiedAt: string, nextRoundAt: string | undefined): Promise<boolean>;
  /** Organisations whose next scheduled round is due at `now`, oldest first. */
  listDue(now: string, limit: number): Promise<Organisation[]>;
  /** Claims the single open-round slot at `claimedAt`; false when another round holds it. */
  claimOpenRound(orgId: string, roundId: string, claimedAt: string): Promise<boolean>;
  /** Moves the slot from `staleRoundId` (a round a crash never wrote) to `roundId`; false when it moved on. */
  reclaimOpenRound(orgId: string, staleRoundId: string, roundId: string, claimedAt: string): Promise<boolean>;
  /** Frees the slot if `roundId` still holds it. */
  releaseOpenRound(orgId: string, roundId: string): Promise<void>;
  /** Moves the schedule on, only if it still says `from` (two ticks cannot both advance it). */
  advanceSchedule(orgId: string, from: string, to: string | undefined): Promise<boolean>;
}

export interface ApiKeyStore {
  create(key: ApiKeyRecord): Promise<void>;
  get(orgId: string, keyId: string): Promise<ApiKeyRecord | undefined>;
  list(orgId: string): Promise<ApiKeyRecord[]>;
  /** False when there was no such key. */
  revoke(orgId: string, keyId: string, revokedAt: string): Promise<boolean>;
}
