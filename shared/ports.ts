/**
 * The interfaces the domain needs from the outside world. Adapters (shared/adapters/*) implement them with the
 * AWS SDK; the domain imports only these.
 */

import type { ApiKeyRecord } from './organisations/api-key.js';
import type { Organisation } from './organisations/organisation.js';
import type { Respondent } from './respondents/respondent.js';

export interface Clock {
  now(): Date;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** Content-ID for an inline image the HTML refers to as cid:… */
  cid?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** What kind of mail this is, for logs and SES tags; never personal data. */
  purpose: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

export interface Page<T> {
  items: T[];
  /** Opaque continuation; absent on the last page. */
  cursor?: string;
}

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

export type TokenRecord =
  | { kind: 'verify'; tokenHash: string; orgId: string; expiresAt: string }
  | {
      kind: 'answer';
      tokenHash: string;
      orgId: string;
      roundId: string;
      respondentKey: string;
      segments: Segments;
      expiresAt: string;
      /** Set on a personal answer code's token (staff without e-mail), so the report can count code answers. */
      via?: 'code';
    };

export type Segments = { department?: string; role?: string; site?: string };

export interface TokenStore {
  put(token: TokenRecord): Promise<void>;
  get(tokenHash: string): Promise<TokenRecord | undefined>;
  delete(tokenHash: string): Promise<void>;
}

export interface RespondentStore {
  /** Up to 100 at once, keyed by respondent key; missing ones are absent from the map. */
  getMany(orgId: string, respondentKeys: string[]): Promise<Map<string, Respondent>>;
  /** Writes each respondent; unconditional, so a retry of the same import converges. */
  putMany(respondents: Respondent[]): Promise<void>;
  list(orgId: string, cursor: string | undefined, limit: number): Promise<Page<Respondent>>;
  get(orgId: string, respondentKey: string): Promise<Respondent | undefined>;
  delete(orgId: string, respondentKey: string): Promise<boolean>;
  setStatus(orgId: string, respondentKey: string, status: Respondent['status'], at: string): Promise<boolean>;
}

import type { StoredAnswer } from './answers/answer.js';
import type { Invitation, MailKind } from './rounds/invitation.js';
import type { Round } from './rounds/round.js';

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
  delete(
    roundId: string,
    respondentKey: string,
  ): Promise<
    | {
        invited: boolean;
        answered: boolean;
        byCode?: { invited: boolean; answered: boolean };
        tokenHashes: string[];
      }
    | undefined
  >;
}

export interface AnswerStore {
  /** Writes or replaces the answer under its key. */
  put(answer: StoredAnswer): Promise<void>;
  page(
    roundId: string,
    shard: number,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<StoredAnswer>>;
}

/**
 * Who may not be mailed, by a keyed hash of the normalised address (the respondent key), so the choice outlives
 * the respondent's erasure and a later import. Bounces and complaints hold for every organisation; an
 * unsubscribe holds for the organisation it was made from.
 */
export interface SuppressionStore {
  suppress(respondentKey: string, reason: 'bounce' | 'complaint', at: string): Promise<void>;
  unsubscribe(orgId: string, respondentKey: string, at: string): Promise<void>;
  /** Which of these respondents this organisation may not mail: bounced, complained, or unsubscribed from it. */
  suppressedAmong(orgId: string, respondentKeys: string[]): Promise<Set<string>>;
  /** Which of these respondents unsubscribed from this organisation. */
  unsubscribedAmong(orgId: string, respondentKeys: string[]): Promise<Set<string>>;
}

/** The answer page's one read: the link's token and its round, fetched together. */
export interface AnswerLinkReader {
  read(tokenHash: string, orgId: string, roundId: string): Promise<{ token?: TokenRecord; round?: Round }>;
}

import type { RoundReport } from './reports/round-report.js';
import type { TrendPoint } from './reports/trend.js';

export interface ReportStore {
  /** Stores the comment sample, the report and its small trend point. */
  put(report: RoundReport, comments: RoundReport['comments']): Promise<void>;
  get(orgId: string, roundId: string): Promise<RoundReport | undefined>;
  /** The whole comment sample of a closed round; undefined for reports stored before it was kept apart. */
  getComments(orgId: string, roundId: string): Promise<RoundReport['comments'] | undefined>;
  /** The trend points of every closed round (a few a year), oldest first: never the full reports. */
  listTrend(orgId: string): Promise<TrendPoint[]>;
}

/** Each organisation's latest released median, for the cross-organisation benchmark. */
export interface BenchmarkStore {
  record(orgId: string, median: number, closesAt: string): Promise<void>;
  all(): Promise<Map<string, number>>;
}

import type { ValueList } from './values/value-list.js';

/** An organisation's own value lists. Versioned by id: an upload is a new list, never an edit of a used one. */
export interface ValueListStore {
  put(orgId: string, list: ValueList): Promise<void>;
  get(orgId: string, listId: string): Promise<ValueList | undefined>;
}

/**
 * What makes the tick run on AWS: every minute while work is under way; between rounds only once, when the
 * next scheduled round is due (docs/decisions.md 22). Locally the in-process loop honours the same two modes.
 */
export interface TickTrigger {
  everyMinute(): Promise<void>;
  /** No more runs every minute; one run at `at` (an ISO time), or none at all when it is undefined. */
  idleUntil(at: string | undefined): Promise<void>;
}

export interface TickState {
  /** When the API last woke the tick (ISO); a tick stays awake a while after, for the work to land. */
  wokenAt?: string;
  idle: boolean;
}

/** The account-wide send bucket as stored: tokens left at `at` (epoch ms), and a version for conditional writes. */
export interface MailBucket {
  tokens: number;
  at: number;
  version: number;
}

/** One item every tick worker takes its send slots from, so together they keep to the account's SES quota. */
export interface MailQuotaStore {
  /** The bucket as last written (strongly consistent); undefined before the first take. */
  read(): Promise<MailBucket | undefined>;
  /** Writes `next` only if the stored version is still `seenVersion` (0: never written); false if another wrote first. */
  replace(next: MailBucket, seenVersion: number): Promise<boolean>;
}

/** One item: the tick's mode, changed only by conditional writes so a wake is never overwritten by a sleep. */
export interface TickStateStore {
  get(): Promise<TickState>;
  markWoken(at: string): Promise<void>;
  markActive(): Promise<void>;
  /** Goes idle only if no wake came since `wokenAt` was read; false when one did. */
  markIdle(wokenAt: string | undefined): Promise<boolean>;
}
