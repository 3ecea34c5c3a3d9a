import * as z from 'zod/mini';
import type { Segments } from '../respondents/respondent.js';

export const MAX_ACTION_TEXT = 500;
export const ACTION_STATUSES = ['planned', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// An e-mail address anywhere in the text.
const EMAIL_LIKE = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// Seven or more digits in a run that may hold spaces, dashes, dots, slashes or parentheses, with an optional
// leading +: phone numbers as people write them ("070-123 45 67", "+46 70 123 45 67"), and personal identity
// numbers ("19121212-1212"). Years ("2027") and counts ("12 av 40") stay well below seven digits.
const PHONE_LIKE = /\+?\d(?:[\s\-./()]*\d){6,}/;

/**
 * What an action may say: a team, a role or a place, never a person. Names cannot be recognised reliably, so
 * this refuses only what can be: e-mail addresses and phone-number-like runs of digits (docs/privacy.md).
 */
export const actionText = () =>
  z.string().check(
    z.normalize('NFC'),
    z.trim(),
    z.minLength(1),
    z.maxLength(MAX_ACTION_TEXT),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    z.regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/, 'Control characters are not allowed'),
    z.refine(
      (text) => !EMAIL_LIKE.test(text),
      'No e-mail addresses: an action names a team or role, not a person',
    ),
    z.refine(
      (text) => !PHONE_LIKE.test(text),
      'No phone numbers: an action names a team or role, not a person',
    ),
  );

const segmentValue = () =>
  z.optional(
    z.string().check(
      z.normalize('NFC'),
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      z.regex(/^[^\u0000-\u001f\u007f]*$/, 'Line breaks and control characters are not allowed'),
    ),
  );

export const ActionSegmentSchema = z.strictObject({
  department: segmentValue(),
  role: segmentValue(),
  site: segmentValue(),
});

export const CreateActionSchema = z.strictObject({
  text: actionText(),
  segment: z.optional(ActionSegmentSchema),
  status: z._default(z.enum(ACTION_STATUSES), 'planned'),
});
export type CreateActionInput = z.infer<typeof CreateActionSchema>;

/** A change: any of the three; `segment: null` removes the segment. */
export const UpdateActionSchema = z
  .strictObject({
    text: z.optional(actionText()),
    segment: z.optional(z.nullable(ActionSegmentSchema)),
    status: z.optional(z.enum(ACTION_STATUSES)),
  })
  .check(
    z.refine(
      (input) => input.text !== undefined || input.segment !== undefined || input.status !== undefined,
      'Change at least one of text, segment and status',
    ),
  );
export type UpdateActionInput = z.infer<typeof UpdateActionSchema>;

/** What the organisation will do, or did, after a round: recorded against that round. */
export interface Action {
  id: string;
  orgId: string;
  roundId: string;
  text: string;
  segment?: Segments;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
  /** When it was last marked done; what "most recent first" sorts by. */
  doneAt?: string;
}

/** An empty segment object says nothing: stored as no segment. */
export function segmentOf(segment: Segments | null | undefined): Segments | undefined {
  if (!segment) return undefined;
  const set = Object.fromEntries(Object.entries(segment).filter(([, value]) => value !== undefined));
  return Object.keys(set).length > 0 ? set : undefined;
}

export function publicAction(action: Action) {
  const { orgId: _org, ...rest } = action;
  return rest;
}
