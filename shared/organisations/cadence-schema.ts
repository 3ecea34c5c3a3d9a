import * as z from 'zod/mini';

/**
 * When rounds open by themselves. Fixed dates at 09:00 in the organisation's time zone: a pulse lands in the
 * morning inbox, and staff everywhere in one organisation get it on the same working day. Apart from the
 * time-zone arithmetic (`cadence.ts`), so the stored organisation's schema brings no time-zone library into
 * the answer pages' bundle.
 */
export const CadenceSchema = z.union([
  z.enum(['twice-yearly', 'quarterly', 'monthly', 'manual']),
  z.object({
    dates: z
      .array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD')))
      .check(z.minLength(1), z.maxLength(24)),
  }),
]);
export type Cadence = z.infer<typeof CadenceSchema>;
