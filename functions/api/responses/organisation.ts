import * as z from 'zod/mini';
import { CUSTOMER_TERM_EXAMPLE, CustomerTermSchema, Time } from './common.js';

/** The organisation as an admin reads it; an analyst's view leaves out `contactEmail` and `reportRecipients`. */
export const OrganisationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  contactEmail: z.optional(z.string()),
  language: z.enum(['sv', 'en']),
  customerTerm: CustomerTermSchema,
  timezone: z.string(),
  cadence: z.string(),
  roundLengthDays: z.int(),
  reminderDays: z.array(z.int()),
  reportRecipients: z.optional(z.array(z.string())),
  anonymityThreshold: z.int(),
  commentThreshold: z.int(),
  values: z.looseObject({ enabled: z.boolean(), listId: z.optional(z.string()) }),
  goal: z.optional(z.looseObject({ place: z.int(), by: z.optional(z.string()) })),
  verified: z.boolean(),
  verifiedAt: z.optional(Time),
  createdAt: Time,
  updatedAt: Time,
  nextRoundAt: z.optional(Time),
});

export const ORGANISATION_EXAMPLE = {
  id: 'org_4kYb2mQ8rT1vX9wZ3nP6sA',
  name: 'Exempelkommunen',
  contactEmail: 'admin@example.org',
  language: 'sv',
  customerTerm: CUSTOMER_TERM_EXAMPLE,
  timezone: 'Europe/Stockholm',
  cadence: 'twice-yearly',
  roundLengthDays: 14,
  reminderDays: [5, 10],
  reportRecipients: ['admin@example.org'],
  anonymityThreshold: 5,
  commentThreshold: 10,
  values: { enabled: false },
  verified: false,
  createdAt: '2027-02-01T09:00:00.000Z',
  updatedAt: '2027-02-01T09:00:00.000Z',
};

export const EnrolmentSchema = z.object({ organisation: OrganisationSchema, adminKey: z.string() });
export const ENROLMENT_EXAMPLE = {
  organisation: ORGANISATION_EXAMPLE,
  adminKey: `kp.${ORGANISATION_EXAMPLE.id}.key_8hG3kL0pQ2sV5xY7zB1cD4.${'x'.repeat(43)}`,
};

export const OneOrganisationSchema = z.object({ organisation: OrganisationSchema });

export const VerificationOutcomeSchema = z.object({ verified: z.boolean(), sent: z.boolean() });

export const KeySchema = z.looseObject({
  id: z.string(),
  role: z.enum(['admin', 'analyst']),
  createdAt: Time,
  revokedAt: z.optional(Time),
});
export const NewKeySchema = z.extend(KeySchema, { key: z.string() });
export const NEW_KEY_EXAMPLE = {
  id: 'key_2pR7tW9yA4cE6gJ8kM1nQ3',
  role: 'analyst',
  createdAt: '2027-02-01T09:05:00.000Z',
  key: `kp.${ORGANISATION_EXAMPLE.id}.key_2pR7tW9yA4cE6gJ8kM1nQ3.${'y'.repeat(43)}`,
};
export const KeyListSchema = z.object({ keys: z.array(KeySchema) });
