import * as z from 'zod/mini';
import { Count, Time } from './common.js';

export const ImportCountsSchema = z.object({ created: Count, updated: Count, unchanged: Count });

export const RespondentSchema = z.looseObject({
  email: z.optional(z.string()),
  employeeId: z.optional(z.string()),
  mobile: z.optional(z.string()),
  department: z.optional(z.string()),
  role: z.optional(z.string()),
  site: z.optional(z.string()),
  status: z.enum(['active', 'unsubscribed', 'suppressed']),
  createdAt: Time,
  updatedAt: Time,
});

export const RespondentPageSchema = z.object({
  respondents: z.array(RespondentSchema),
  nextCursor: z.optional(z.string()),
});
export const RESPONDENT_PAGE_EXAMPLE = {
  respondents: [
    {
      email: 'anna@example.org',
      department: 'Vård',
      status: 'active',
      createdAt: '2027-02-01T09:10:00.000Z',
      updatedAt: '2027-02-01T09:10:00.000Z',
    },
  ],
  nextCursor: 'eyJwayI6Ik9SRyJ9',
};
