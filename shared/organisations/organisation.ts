import * as z from 'zod/mini';
import { emailAddress, singleLine } from '../schema-helpers.js';
import { type Cadence, CadenceSchema, isValidTimezone } from './cadence.js';
import { type CustomerTerm, CustomerTermSchema } from './customer-term.js';

export const LanguageSchema = z.enum(['sv', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const MIN_ANONYMITY_THRESHOLD = 3;

const timezone = () =>
  z.string().check(z.refine(isValidTimezone, 'Not an IANA time zone, e.g. Europe/Stockholm'));

/** Each setting's rule, shared by enrolment and PATCH. */
const settingsShape = {
  name: singleLine(200),
  language: LanguageSchema,
  customerTerm: CustomerTermSchema,
  timezone: timezone(),
  cadence: CadenceSchema,
  roundLengthDays: z.int().check(z.gte(3), z.lte(60)),
  reminderDays: z.array(z.int().check(z.gte(1), z.lte(59))).check(z.maxLength(2)),
  reportRecipients: z.array(emailAddress()).check(z.maxLength(20)),
  anonymityThreshold: z.int().check(z.gte(MIN_ANONYMITY_THRESHOLD), z.lte(100)),
  commentThreshold: z.int().check(z.gte(MIN_ANONYMITY_THRESHOLD), z.lte(100)),
  values: z.strictObject({ enabled: z.boolean(), listId: z.optional(singleLine(64)) }),
  /** The goal place and the date to reach it by (default: place 10, ten years after the first round). */
  goal: z.strictObject({
    place: z.int().check(z.gte(1), z.lte(150)),
    by: z.optional(
      z.string().check(
        z.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD'),
        z.refine(
          (d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d),
          'Not a date',
        ),
      ),
    ),
  }),
};

/** Settings an admin may change later: every one optional in PATCH. */
export const UpdateOrganisationSchema = z.partial(
  z.strictObject({ ...settingsShape, contactEmail: emailAddress() }),
);

/** Enrolment: a name, a contact and a language; every other setting has a default. */
export const CreateOrganisationSchema = z.extend(UpdateOrganisationSchema, {
  name: settingsShape.name,
  contactEmail: emailAddress(),
  language: settingsShape.language,
});
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>;
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationSchema>;

export interface Organisation {
  id: string;
  name: string;
  contactEmail: string;
  language: Language;
  customerTerm: CustomerTerm;
  timezone: string;
  cadence: Cadence;
  roundLengthDays: number;
  reminderDays: number[];
  reportRecipients: string[];
  anonymityThreshold: number;
  commentThreshold: number;
  values: { enabled: boolean; listId?: string };
  /** Absent: place 10 by ten years after the first round (the programme's goal). */
  goal?: { place: number; by?: string };
  verified: boolean;
  verifiedAt?: string;
  createdAt: string;
  updatedAt: string;
  /** When the tick opens the next scheduled round; set only once verified and the cadence is not manual. */
  nextRoundAt?: string;
  /** The round currently open, if any: at most one at a time, claimed with a conditional write. */
  openRoundId?: string;
  /** When the slot was claimed: a slot whose round was never written is taken over only after a while. */
  openRoundClaimedAt?: string;
}

export const DEFAULTS = {
  timezone: 'Europe/Stockholm',
  cadence: 'twice-yearly' as Cadence,
  roundLengthDays: 14,
  reminderDays: [5, 10],
  anonymityThreshold: 5,
  commentThreshold: 10,
} as const;

/** Cross-field rules zod's per-field checks cannot see. */
export function settingsProblems(
  org: Pick<Organisation, 'roundLengthDays' | 'reminderDays' | 'anonymityThreshold' | 'commentThreshold'>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (org.commentThreshold < org.anonymityThreshold)
    problems.push({ path: 'commentThreshold', message: 'Must be at least anonymityThreshold' });
  if (org.reminderDays.some((day) => day >= org.roundLengthDays))
    problems.push({ path: 'reminderDays', message: 'Reminders must fall before the round closes' });
  if (new Set(org.reminderDays).size !== org.reminderDays.length)
    problems.push({ path: 'reminderDays', message: 'Reminder days must differ' });
  return problems;
}

/** What the API shows: everything but scheduling internals. */
export function publicOrganisation(org: Organisation) {
  const { openRoundId: _open, openRoundClaimedAt: _claimed, ...rest } = org;
  return rest;
}

/** The organisation as a role may read it: admins everything, analysts the settings without addresses. */
export function organisationView(org: Organisation, role: 'admin' | 'analyst') {
  const view = publicOrganisation(org);
  if (role === 'admin') return view;
  const { contactEmail: _contact, reportRecipients: _recipients, ...settings } = view;
  return settings;
}
