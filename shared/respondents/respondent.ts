import * as z from 'zod/mini';
import { emailAddress, singleLine } from '../schema-helpers.js';
import { employeeId, mobileNumber } from './respondent-identity.js';

const segment = () => z.optional(singleLine(100));

export const RespondentInputSchema = z
  .strictObject({
    email: z.optional(emailAddress()),
    /** For staff without work e-mail: they answer by a personal code (or by SMS with `mobile`). */
    employeeId: z.optional(employeeId()),
    mobile: z.optional(mobileNumber()),
    department: segment(),
    role: segment(),
    site: segment(),
  })
  .check(
    z.refine((input) => input.email !== undefined || input.employeeId !== undefined, {
      message: 'Give an email, or an employeeId for staff without e-mail',
      path: ['email'],
    }),
  );
export type RespondentInput = z.infer<typeof RespondentInputSchema>;

export const MAX_IMPORT = 1000;
export const ImportRespondentsSchema = z.strictObject({
  respondents: z.array(RespondentInputSchema).check(z.minLength(1), z.maxLength(MAX_IMPORT)),
});

export type RespondentStatus = 'active' | 'unsubscribed' | 'suppressed';

export interface Respondent {
  orgId: string;
  /** Keyed hash of the normalised e-mail: the stable identity, and the only one other items refer to. */
  respondentKey: string;
  /** Absent for staff without work e-mail, who have an employee id instead. */
  email?: string;
  employeeId?: string;
  /** E.164; invitations go by SMS to someone with a mobile and no e-mail. */
  mobile?: string;
  department?: string;
  role?: string;
  site?: string;
  status: RespondentStatus;
  createdAt: string;
  updatedAt: string;
}

/** Where a respondent sits in the organisation: what reports group answers by, never who answered. */
export type Segments = { department?: string; role?: string; site?: string };

export const SEGMENT_FIELDS = ['department', 'role', 'site'] as const;
/** Attributes besides the identity an import may change. */
export const CONTACT_FIELDS = ['employeeId', 'mobile'] as const;

export function publicRespondent(respondent: Respondent) {
  const { orgId: _org, respondentKey: _key, ...rest } = respondent;
  return rest;
}
