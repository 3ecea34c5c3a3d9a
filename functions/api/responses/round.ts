import * as z from 'zod/mini';
import { Count, CUSTOMER_TERM_EXAMPLE, CustomerTermSchema, Share, Time } from './common.js';

/** A round; one read by its id also carries the counts (invited, answered, suppressed, responseRate). */
export const RoundSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  trigger: z.enum(['scheduled', 'manual']),
  opensAt: Time,
  closesAt: Time,
  scheduledClosesAt: Time,
  closedAt: z.optional(Time),
  language: z.enum(['sv', 'en']),
  customerTerm: CustomerTermSchema,
  remindAt: z.array(Time),
  invited: z.optional(Count),
  answered: z.optional(Count),
  suppressed: z.optional(Count),
  responseRate: z.optional(Share),
});

export const ROUND_EXAMPLE = {
  id: 'rnd_7fH2jK4mN6pQ8rS0tU1vW3',
  status: 'open',
  trigger: 'manual',
  opensAt: '2027-03-01T08:00:00.000Z',
  closesAt: '2027-03-15T16:00:00.000Z',
  scheduledClosesAt: '2027-03-15T16:00:00.000Z',
  language: 'sv',
  customerTerm: CUSTOMER_TERM_EXAMPLE,
  remindAt: ['2027-03-06T08:00:00.000Z', '2027-03-11T08:00:00.000Z'],
};

export const OneRoundSchema = z.object({ round: RoundSchema });
export const RoundListSchema = z.object({ rounds: z.array(RoundSchema) });
export const COUNTED_ROUND_EXAMPLE = {
  round: { ...ROUND_EXAMPLE, invited: 40, answered: 29, suppressed: 1, responseRate: 0.725 },
};
