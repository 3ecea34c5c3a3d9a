import { createHash } from 'node:crypto';
import type { AnswerLink } from '../../../shared/answers/answer-link.js';
import type { RoundSnapshot } from '../../../shared/rounds/round.js';
import { answerCopy } from '../pages/answer-copy.js';
import type { FormValues } from '../pages/answer-form.js';

/**
 * The form's fields as strings (repeated ones, the value checkboxes, as arrays). The place box and its
 * "don't know" box share the name `rank`: an empty box beside a ticked one is just the tick; a place and a
 * tick together stay two values, which the schema refuses.
 */
export function formFieldsOf(body: Record<string, unknown>): FormValues {
  const values = Object.fromEntries(
    Object.entries(body).filter(
      ([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
    ),
  ) as FormValues;
  if (Array.isArray(values.rank)) {
    const given = values.rank.filter((rank) => rank.trim() !== '');
    values.rank = given.length === 1 ? given[0] : given.length === 0 ? '' : given;
  }
  return values;
}

/**
 * The seed of one person's order of the values, the same on every link of theirs, so nothing is stored. Not
 * keyed: the order is never stored with an answer, so knowing it tells nobody anything, and the GET of a link
 * need not wait for the pepper (decision 136). The respondent key inside it is keyed already.
 */
export const orderSeed = (link: AnswerLink) =>
  createHash('sha256').update(`value-order:${link.round.id}:${link.token.respondentKey}`).digest('hex');

/** The form's own messages for a refused answer, one per field the schema named. */
export function formErrors(
  snapshot: RoundSnapshot,
  issues: readonly { path: readonly PropertyKey[] }[],
): Record<string, string> {
  const copy = answerCopy(snapshot);
  return Object.fromEntries(
    issues.map((issue) => [
      String(issue.path[0] ?? 'rank'),
      issue.path[0] === 'rank'
        ? copy.rankError
        : String(issue.path[0]).startsWith('values')
          ? copy.valuesError
          : copy.textError,
    ]),
  );
}
