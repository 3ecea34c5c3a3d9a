import * as z from 'zod/mini';
import { emailAddress, singleLine } from '../schema-helpers.js';

const segment = () => z.optional(singleLine(100));

export const RespondentInputSchema = z.strictObject({
  email: emailAddress(),
  department: segment(),
  role: segment(),
  site: segment(),
});
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
  email: string;
  department?: string;
  role?: string;
  site?: string;
  status: RespondentStatus;
  createdAt: string;
  updatedAt: string;
}

export const SEGMENT_FIELDS = ['department', 'role', 'site'] as const;

export function publicRespondent(respondent: Respondent) {
  const { orgId: _org, respondentKey: _key, ...rest } = respondent;
  return rest;
}
