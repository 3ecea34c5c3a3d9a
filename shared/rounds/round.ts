import * as z from 'zod/mini';
import type { CustomerTerm } from '../organisations/customer-term.js';
import type { Language, Organisation } from '../organisations/organisation.js';
import type { ValueList } from '../values/value-list.js';

/** What a round froze when it opened: later edits to the organisation do not change a running round. */
export interface RoundSnapshot {
  orgName: string;
  language: Language;
  customerTerm: CustomerTerm;
  /** The place is a number from 1 to this (the size of the value list). */
  rankMax: number;
  questionsVersion: 'v1';
  anonymityThreshold: number;
  commentThreshold: number;
  /** When reminders go out, ISO times inside the window. */
  remindAt: string[];
  contactEmail: string;
  reportRecipients: string[];
  /** The value list the round uses when the organisation has values selection on; frozen with the round. */
  values?: ValueList;
  /** Up to three actions marked done in earlier rounds, most recent first: "what we did since the last pulse". */
  doneActions?: string[];
}

/** How far the tick has come with a round; every step is idempotent, so a rerun resumes from here. */
export interface RoundProgress {
  /** Invitations are created from the respondent list first, then mailed by passes over the invitations. */
  invitationsCreated?: boolean;
  createCursor?: string;
  /** Per mail pass (invite, reminder1, reminder2): how far it got, and whether every invitation is settled. */
  inviteCursor?: string;
  inviteDone?: boolean;
  reminder1Cursor?: string;
  reminder1Done?: boolean;
  reminder2Cursor?: string;
  reminder2Done?: boolean;
  figuresStored?: boolean;
  /**
   * Every department, role and site among the invitations, frozen as the round opens: the report lists these
   * whether or not anyone in them answered, so a segment's presence says nothing about one person's answering.
   */
  segmentValues?: Partial<Record<'department' | 'role' | 'site', string[]>>;
}

export interface Round {
  id: string;
  orgId: string;
  trigger: 'scheduled' | 'manual';
  opensAt: string;
  closesAt: string;
  /** Set when the round is closed early by an admin or by the tick at the end of its window. */
  closedAt?: string;
  createdAt: string;
  snapshot: RoundSnapshot;
  progress: RoundProgress;
  /** Invitations removed by erasure while the round ran: still counted as invited. */
  erasedInvitations?: number;
  /** …and of those, how many had answered: still counted as answered, so erasure shows no one's participation. */
  erasedAnswered?: number;
  /** …of those, how many had been given an answer code, and answered by it: `answeredByCode` keeps counting them. */
  erasedInvitedByCode?: number;
  erasedAnsweredByCode?: number;
}

export const DEFAULT_RANK_MAX = 100;
const DAY_MS = 86_400_000;

export const OpenRoundSchema = z.strictObject({
  closesAt: z.optional(z.iso.datetime({ offset: true })),
});

export function isOpen(round: Round, now: Date): boolean {
  return !round.closedAt && now.getTime() < new Date(round.closesAt).getTime();
}

export function snapshotOf(
  org: Organisation,
  opensAt: Date,
  closesAt: Date,
  values?: ValueList,
): RoundSnapshot {
  const remindAt = org.reminderDays
    .map((day) => new Date(opensAt.getTime() + day * DAY_MS))
    .filter((at) => at.getTime() < closesAt.getTime())
    .map((at) => at.toISOString());
  return {
    orgName: org.name,
    language: org.language,
    customerTerm: org.customerTerm,
    rankMax: values?.values.length ?? DEFAULT_RANK_MAX,
    questionsVersion: 'v1',
    anonymityThreshold: org.anonymityThreshold,
    commentThreshold: org.commentThreshold,
    remindAt,
    contactEmail: org.contactEmail,
    reportRecipients: org.reportRecipients,
    ...(values ? { values } : {}),
  };
}

export function newRound(
  org: Organisation,
  id: string,
  trigger: Round['trigger'],
  opensAt: Date,
  closesAt?: Date,
  values?: ValueList,
): Round {
  const closes = closesAt ?? new Date(opensAt.getTime() + org.roundLengthDays * DAY_MS);
  return {
    id,
    orgId: org.id,
    trigger,
    opensAt: opensAt.toISOString(),
    closesAt: closes.toISOString(),
    createdAt: opensAt.toISOString(),
    snapshot: snapshotOf(org, opensAt, closes, values),
    progress: {},
  };
}

/** Scheduled round ids derive from the scheduled time, so two ticks opening the same round write one item. */
export function scheduledRoundId(scheduledAt: string): string {
  return `rnd_${scheduledAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}
