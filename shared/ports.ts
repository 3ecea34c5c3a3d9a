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
  /** Fails with a conflict when the id is taken. */
  create(org: Organisation): Promise<void>;
  get(orgId: string): Promise<Organisation | undefined>;
  /** Writes the given settings; returns the organisation as stored, or undefined when it does not exist. */
  update(orgId: string, changes: Partial<Organisation>, now: string): Promise<Organisation | undefined>;
  /** Marks the organisation verified once; false when it already was. */
  markVerified(orgId: string, verifiedAt: string, nextRoundAt: string | undefined): Promise<boolean>;
  /** Organisations whose next scheduled round is due at `now`, oldest first. */
  listDue(now: string, limit: number): Promise<Organisation[]>;
  /** Claims the single open-round slot; false when another round holds it. */
  claimOpenRound(orgId: string, roundId: string): Promise<boolean>;
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
