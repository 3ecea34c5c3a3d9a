import * as z from 'zod/mini';
import { Time } from './common.js';

export const ActionSchema = z.looseObject({
  id: z.string(),
  roundId: z.string(),
  text: z.string(),
  segment: z.optional(z.record(z.string(), z.string())),
  status: z.enum(['planned', 'done']),
  createdAt: Time,
  updatedAt: Time,
  doneAt: z.optional(Time),
});
export const ACTION_EXAMPLE = {
  id: 'act_3bD5fH7jL9nP1rT3vX5zA7',
  roundId: 'rnd_7fH2jK4mN6pQ8rS0tU1vW3',
  text: 'Kundmöte varje vecka i hemtjänsten',
  segment: { department: 'Omsorg' },
  status: 'planned',
  createdAt: '2027-03-20T10:00:00.000Z',
  updatedAt: '2027-03-20T10:00:00.000Z',
};
export const OneActionSchema = z.object({ action: ActionSchema });
export const ActionListSchema = z.object({ actions: z.array(ActionSchema) });
