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

/** What erasing an invitation takes away from its round's counts, and the link tokens it must kill. */
export interface ErasedInvitation {
  invited: boolean;
  answered: boolean;
  byCode?: { invited: boolean; answered: boolean };
  tokenHashes: string[];
}

export const erasedInvitation = (invitation: Invitation): ErasedInvitation => ({
  invited: invitation.mails.invite?.state === 'sent',
  answered: Boolean(invitation.answered),
  byCode: {
    invited: invitation.mails.invite?.channel === 'code',
    answered: Boolean(invitation.answered) && invitation.answeredBy === 'code',
  },
  tokenHashes: invitation.tokenHashes ?? [],
});
