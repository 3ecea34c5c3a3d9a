/** The stores of rounds and their invitations; the DynamoDB adapters own the keys, shards and cursors. */

import type { Page } from '../common-ports.js';
import type { ErasedInvitation, Invitation, MailKind } from './invitation.js';
import type { Round } from './round.js';

export interface RoundStore {
  /** False when a round with this id exists already (a rerun). */
  create(round: Round): Promise<boolean>;
  get(orgId: string, roundId: string): Promise<Round | undefined>;
  list(orgId: string): Promise<Round[]>;
  /** Rounds the tick still has work on, a page at a time in key order; page on with the cursor until none. */
  listActive(cursor?: string, limit?: number): Promise<Page<{ orgId: string; roundId: string }>>;
  updateProgress(orgId: string, roundId: string, progress: Partial<Round['progress']>): Promise<void>;
  /** Sets closedAt once; false when it was closed already. */
  close(orgId: string, roundId: string, closedAt: string): Promise<boolean>;
  /** Takes the round off the tick's work queue. */
  finish(orgId: string, roundId: string): Promise<void>;
  /** Counts an invitation erasure removed; `byCode` for one handed out as an answer code (and answered by it). */
  countErasedInvitation(
    orgId: string,
    roundId: string,
    answered: boolean,
    byCode?: { invited: boolean; answered: boolean },
  ): Promise<void>;
  /** Claims a once-per-round mail (progress, report) with a lease; false when sent or claimed by another. */
  claimRoundMail(
    orgId: string,
    roundId: string,
    mail: string,
    now: string,
    leaseUntil: string,
  ): Promise<boolean>;
  settleRoundMail(orgId: string, roundId: string, mail: string, sent: boolean): Promise<void>;
}

export interface InvitationStore {
  /** Creates the invitation unless it exists (idempotent). */
  create(invitation: Invitation): Promise<void>;
  page(roundId: string, cursor: string | undefined, limit: number): Promise<Page<Invitation>>;
  /**
   * Claims one mail of one invitation with a lease: true only for the one caller that may send it now.
   * A reminder claim also requires that the respondent has not answered.
   */
  claimMail(
    roundId: string,
    respondentKey: string,
    kind: MailKind,
    now: string,
    leaseUntil: string,
  ): Promise<boolean>;
  settleMail(
    roundId: string,
    respondentKey: string,
    kind: MailKind,
    outcome:
      | { state: 'sent'; tokenHash: string; channel?: 'code' | 'sms' }
      | { state: 'skipped'; reason: string }
      | { state: 'released' },
  ): Promise<void>;
  /** Marks answered, and by which way (a link, or an answer code); false when the invitation is gone (erased). */
  markAnswered(roundId: string, respondentKey: string, via?: 'link' | 'code'): Promise<boolean>;
  /** Deletes it and returns the link token hashes it held; undefined when there was none. */
  delete(roundId: string, respondentKey: string): Promise<ErasedInvitation | undefined>;
}
