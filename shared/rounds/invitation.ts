import type { Segments } from '../respondents/respondent.js';

/** The mails a round can send one respondent: the invitation and up to two reminders. */
export type MailKind = 'invite' | 'reminder1' | 'reminder2';
export type MailState = 'sending' | 'sent' | 'skipped';

/**
 * One respondent's place in one round. It knows whether they answered (to skip reminders), never what:
 * the answer lives apart, keyed so it cannot be listed by respondent.
 */
export interface Invitation {
  roundId: string;
  orgId: string;
  respondentKey: string;
  segments: Segments;
  createdAt: string;
  answered?: boolean;
  /** How the last answer came: by a mailed link or a personal answer code (counted in the report, above k). */
  answeredBy?: 'link' | 'code';
  /** `channel` is set when it went another way than e-mail: a code on paper, or an SMS. */
  mails: Partial<
    Record<MailKind, { state: MailState; leaseUntil?: string; reason?: string; channel?: 'code' | 'sms' }>
  >;
  /** Hashes of the link tokens mailed, so erasure can kill them. */
  tokenHashes?: string[];
}

export const reminderKind = (index: number): MailKind => (index === 0 ? 'reminder1' : 'reminder2');
