import * as z from 'zod/mini';
import type { Action } from '../../actions/action.js';
import type { StoredAnswer } from '../../answers/answer.js';
import type { IdempotencyRecord } from '../../idempotency/idempotent.js';
import type { ApiKeyRecord } from '../../organisations/api-key.js';
import { CadenceSchema } from '../../organisations/cadence-schema.js';
import type { CustomerTerm } from '../../organisations/customer-term.js';
import type { Organisation } from '../../organisations/organisation.js';
import type { Respondent, Segments } from '../../respondents/respondent.js';
import type { TokenRecord } from '../../tokens/token.js';
import type { ValueList } from '../../values/value-list.js';
import type { ReadsEvery } from './item.js';

/**
 * The shapes items are read back with, each built on its first parse (`z.lazy`): a cold start builds only those
 * it reads. Structure and types only, not the API's input rules: an item was
 * validated when it was written, and a rule tightened later must not make old items unreadable. Unknown
 * attributes (keys, index keys, claims) are dropped.
 */
const text = () => z.string();
const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(schema);

export const SegmentsItem: z.ZodMiniType<Segments> = z.lazy(() =>
  z.object({
    department: maybe(text()),
    role: maybe(text()),
    site: maybe(text()),
  }),
);

export const CustomerTermItem: z.ZodMiniType<CustomerTerm> = z.lazy(() =>
  z.object({
    preset: maybe(z.enum(['kund', 'medborgare', 'patient', 'brukare', 'elev', 'klient'])),
    sv: z.object({
      singular: text(),
      definite: text(),
      genitive: text(),
      plural: text(),
      compound: maybe(text()),
    }),
    en: z.object({ singular: text(), plural: text() }),
  }),
);

export const ValueListItem: z.ZodMiniType<ValueList> = z.lazy(() =>
  z.object({
    id: text(),
    version: z.number(),
    values: z.array(
      z.object({ id: text(), sv: text(), en: text(), customer: z.boolean(), limiting: z.boolean() }),
    ),
  }),
);

const OrganisationShape = z.lazy(() =>
  z.object({
    id: text(),
    name: text(),
    contactEmail: text(),
    language: z.enum(['sv', 'en']),
    customerTerm: CustomerTermItem,
    timezone: text(),
    cadence: CadenceSchema,
    roundLengthDays: z.number(),
    reminderDays: z.array(z.number()),
    reportRecipients: z.array(text()),
    anonymityThreshold: z.number(),
    commentThreshold: z.number(),
    values: z.object({ enabled: z.boolean(), listId: maybe(text()) }),
    goal: maybe(z.object({ place: z.number(), by: maybe(text()) })),
    verified: z.boolean(),
    verifiedAt: maybe(text()),
    createdAt: text(),
    updatedAt: text(),
    nextRoundAt: maybe(text()),
    openRoundId: maybe(text()),
    openRoundClaimedAt: maybe(text()),
  }),
);
export const OrganisationItem: z.ZodMiniType<Organisation> = OrganisationShape;
const _organisation: ReadsEvery<Organisation, z.infer<typeof OrganisationShape>> = true;

const ApiKeyShape = z.lazy(() =>
  z.object({
    orgId: text(),
    keyId: text(),
    role: z.enum(['admin', 'analyst']),
    hash: text(),
    createdAt: text(),
    revokedAt: maybe(text()),
  }),
);
export const ApiKeyItem: z.ZodMiniType<ApiKeyRecord> = ApiKeyShape;
const _apiKey: ReadsEvery<ApiKeyRecord, z.infer<typeof ApiKeyShape>> = true;

const RespondentShape = z.lazy(() =>
  z.object({
    orgId: text(),
    respondentKey: text(),
    email: maybe(text()),
    employeeId: maybe(text()),
    mobile: maybe(text()),
    department: maybe(text()),
    role: maybe(text()),
    site: maybe(text()),
    status: z.enum(['active', 'unsubscribed', 'suppressed']),
    createdAt: text(),
    updatedAt: text(),
  }),
);
export const RespondentItem: z.ZodMiniType<Respondent> = RespondentShape;
const _respondent: ReadsEvery<Respondent, z.infer<typeof RespondentShape>> = true;

export const TokenItem: z.ZodMiniType<TokenRecord> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('verify'), tokenHash: text(), orgId: text(), expiresAt: text() }),
    z.object({
      kind: z.literal('answer'),
      tokenHash: text(),
      orgId: text(),
      roundId: text(),
      respondentKey: text(),
      segments: SegmentsItem,
      expiresAt: text(),
      via: maybe(z.literal('code')),
    }),
  ]),
);

const StoredAnswerShape = z.lazy(() =>
  z.object({
    roundId: text(),
    answerKey: text(),
    rank: maybe(z.nullable(z.number())),
    texts: z.partialRecord(
      z.enum(['rankReason', 'raiseIdeas', 'consequencesNow', 'consequencesIfRaised']),
      text(),
    ),
    segments: SegmentsItem,
    valuesToday: maybe(z.array(text())),
    valuesWishedFor: maybe(z.array(text())),
  }),
);
export const StoredAnswerItem: z.ZodMiniType<StoredAnswer> = StoredAnswerShape;
const _answer: ReadsEvery<StoredAnswer, z.infer<typeof StoredAnswerShape>> = true;

const ActionShape = z.lazy(() =>
  z.object({
    id: text(),
    orgId: text(),
    roundId: text(),
    text: text(),
    segment: maybe(SegmentsItem),
    status: z.enum(['planned', 'done']),
    createdAt: text(),
    updatedAt: text(),
    doneAt: maybe(text()),
  }),
);
export const ActionItem: z.ZodMiniType<Action> = ActionShape;
const _action: ReadsEvery<Action, z.infer<typeof ActionShape>> = true;

const IdempotencyShape = z.lazy(() =>
  z.object({
    keyHash: text(),
    requestHash: text(),
    claimId: text(),
    state: z.enum(['pending', 'done']),
    leaseUntil: text(),
    expiresAt: text(),
    status: maybe(z.number()),
    sealedBody: maybe(text()),
  }),
);
export const IdempotencyItem: z.ZodMiniType<IdempotencyRecord> = IdempotencyShape;
const _idempotency: ReadsEvery<IdempotencyRecord, z.infer<typeof IdempotencyShape>> = true;
