import * as z from 'zod/mini';
import type { RoundReport } from '../../reports/round-report.js';
import type { TrendPoint } from '../../reports/trend.js';
import type { Invitation } from '../../rounds/invitation.js';
import type { Round, RoundProgress, RoundSnapshot } from '../../rounds/round.js';
import type { ReadsEvery } from './item.js';
import { CustomerTermItem, SegmentsItem, ValueListItem } from './item-schemas.js';

/** Rounds, invitations and reports as read back: see item-schemas.ts for what these schemas check and why. */
const text = () => z.string();
const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(schema);
const FIELDS = ['rankReason', 'raiseIdeas', 'consequencesNow', 'consequencesIfRaised'] as const;

const SnapshotShape = z.lazy(() =>
  z.object({
    orgName: text(),
    language: z.enum(['sv', 'en']),
    customerTerm: CustomerTermItem,
    rankMax: z.number(),
    questionsVersion: z.literal('v1'),
    anonymityThreshold: z.number(),
    commentThreshold: z.number(),
    remindAt: z.array(text()),
    contactEmail: text(),
    reportRecipients: z.array(text()),
    values: maybe(ValueListItem),
    doneActions: maybe(z.array(text())),
  }),
);
const _snapshot: ReadsEvery<RoundSnapshot, z.infer<typeof SnapshotShape>> = true;

const ProgressShape = z.lazy(() =>
  z.object({
    invitationsCreated: maybe(z.boolean()),
    createCursor: maybe(text()),
    inviteCursor: maybe(text()),
    inviteDone: maybe(z.boolean()),
    reminder1Cursor: maybe(text()),
    reminder1Done: maybe(z.boolean()),
    reminder2Cursor: maybe(text()),
    reminder2Done: maybe(z.boolean()),
    figuresStored: maybe(z.boolean()),
    segmentValues: maybe(
      z.object({
        department: maybe(z.array(text())),
        role: maybe(z.array(text())),
        site: maybe(z.array(text())),
      }),
    ),
  }),
);
const _progress: ReadsEvery<RoundProgress, z.infer<typeof ProgressShape>> = true;

const RoundShape = z.lazy(() =>
  z.object({
    id: text(),
    orgId: text(),
    trigger: z.enum(['scheduled', 'manual']),
    opensAt: text(),
    closesAt: text(),
    closedAt: maybe(text()),
    createdAt: text(),
    snapshot: SnapshotShape,
    progress: ProgressShape,
    erasedInvitations: maybe(z.number()),
    erasedAnswered: maybe(z.number()),
    erasedInvitedByCode: maybe(z.number()),
    erasedAnsweredByCode: maybe(z.number()),
  }),
);
export const RoundItem: z.ZodMiniType<Round> = RoundShape;
const _round: ReadsEvery<Round, z.infer<typeof RoundShape>> = true;

const MailShape = z.lazy(() =>
  z.object({
    state: z.enum(['sending', 'sent', 'skipped']),
    leaseUntil: maybe(text()),
    reason: maybe(text()),
    channel: maybe(z.enum(['code', 'sms'])),
  }),
);
const InvitationShape = z.lazy(() =>
  z.object({
    roundId: text(),
    orgId: text(),
    respondentKey: text(),
    segments: SegmentsItem,
    createdAt: text(),
    answered: maybe(z.boolean()),
    answeredBy: maybe(z.enum(['link', 'code'])),
    mails: z.partialRecord(z.enum(['invite', 'reminder1', 'reminder2']), MailShape),
    // DynamoDB hands a string set back as a Set; the entity holds a list.
    tokenHashes: maybe(
      z.pipe(
        z.union([z.set(text()), z.array(text())]),
        z.transform((hashes) => [...hashes]),
      ),
    ),
  }),
);
export const InvitationItem: z.ZodMiniType<Invitation> = InvitationShape;
const _invitation: ReadsEvery<Invitation, z.infer<typeof InvitationShape>> = true;

const TrendPointShape = z.lazy(() =>
  z.object({
    roundId: text(),
    closesAt: text(),
    invited: z.number(),
    answered: z.number(),
    responseRate: z.number(),
    suppressed: z.boolean(),
    median: maybe(z.number()),
    ci95: maybe(z.nullable(z.tuple([z.number(), z.number()]))),
    top10Share: maybe(z.number()),
    dontKnowShare: maybe(z.number()),
    measuredPlace: maybe(z.nullable(z.number())),
    measuredPlaceMethod: maybe(z.number()),
    rankMax: maybe(z.number()),
  }),
);
export const TrendPointItem: z.ZodMiniType<TrendPoint> = TrendPointShape;
const _trend: ReadsEvery<TrendPoint, z.infer<typeof TrendPointShape>> = true;

/**
 * A report's own fields are checked; its figures (rank, segments, heatmap, values, withheld, change) are
 * derived data only storeRoundFigures writes, checked as objects of the right kind and kept as written
 * (docs/decisions.md, issue 16).
 */
const figures = <T>() => z.custom<T>((value) => typeof value === 'object');
type Report = RoundReport;
const ReportShape = z.lazy(() =>
  z.object({
    roundId: text(),
    orgId: text(),
    opensAt: text(),
    closesAt: text(),
    status: z.enum(['open', 'closed']),
    invited: z.number(),
    answered: z.number(),
    responseRate: z.number(),
    answeredByCode: maybe(z.number()),
    anonymityThreshold: z.number(),
    commentThreshold: z.number(),
    language: z.enum(['sv', 'en']),
    customerTerm: CustomerTermItem,
    rankMax: maybe(z.number()),
    change: maybe(figures<NonNullable<Report['change']>>()),
    heatmap: figures<Report['heatmap']>(),
    commentCounts: maybe(z.partialRecord(z.enum(FIELDS), z.number())),
    computedAt: text(),
    suppressed: z.boolean(),
    rank: figures<Report['rank']>(),
    dontKnowShare: maybe(z.nullable(z.number())),
    segments: figures<Report['segments']>(),
    comments: z.partialRecord(z.enum(FIELDS), z.array(text())),
    commentsSuppressed: z.array(z.enum(FIELDS)),
    themes: z.array(z.object({ word: text(), mentions: z.number() })),
    ideas: maybe(z.array(z.object({ word: text(), mentions: z.number() }))),
    actions: maybe(z.array(figures<NonNullable<Report['actions']>[number]>())),
    values: maybe(figures<NonNullable<Report['values']>>()),
    withheld: figures<Report['withheld']>(),
  }),
);
export const RoundReportItem: z.ZodMiniType<RoundReport> = ReportShape;
const _report: ReadsEvery<RoundReport, z.infer<typeof ReportShape>> = true;

/** One chunk of a closed round's comment sample. */
export const CommentChunkItem = z.lazy(() =>
  z.object({
    field: z.enum(FIELDS),
    version: text(),
    comments: z.array(text()),
  }),
);
