import { validationFailed } from '../errors.js';
import type { InvitationStore } from '../rounds/ports.js';
import type { Secrets, SecretsSource } from '../security/secrets.js';
import { type AnswerInput, FREE_TEXT_FIELDS, isEmptyAnswer, type StoredAnswer } from './answer.js';
import type { AnswerLink } from './answer-link.js';
import type { AnswerStore } from './ports.js';

export interface SubmitDeps {
  answers: AnswerStore;
  invitations: InvitationStore;
  secrets: SecretsSource;
}

/**
 * The answer's key: a keyed hash of round and invitation. The same person answering again lands on the same
 * key and replaces the earlier answer; the key itself names nobody, and the answer stores no identity.
 */
export function answerKeyOf(secrets: Secrets, roundId: string, respondentKey: string): string {
  return secrets.hash(`answer:${roundId}:${respondentKey}`);
}

/**
 * Records an answer. 1. the link was resolved and its round is open (the caller checked)  2. refuse an answer
 * with nothing in it (it would count as answered and mark the invitation)  3. write the answer under its key,
 * replacing an earlier one  4. mark the invitation answered, so reminders skip this person.
 * Two writes after the one read: three DynamoDB round trips in all. A retry writes the same again.
 */
export async function submitAnswer(deps: SubmitDeps, link: AnswerLink, input: AnswerInput): Promise<void> {
  if (isEmptyAnswer(input))
    throw validationFailed('The answer is empty: give a place, "dont-know", a comment or value picks', [
      { path: '(body)', message: 'Nothing to store', code: 'empty_answer' },
    ]);
  const answerKey = answerKeyOf(await deps.secrets, link.round.id, link.token.respondentKey);
  const texts: StoredAnswer['texts'] = {};
  for (const field of FREE_TEXT_FIELDS) {
    const text = input[field];
    if (text) texts[field] = text;
  }
  await deps.answers.put({
    roundId: link.round.id,
    answerKey,
    // Absent when skipped; `null` is the explicit "don't know".
    ...(input.rank !== undefined ? { rank: input.rank } : {}),
    texts,
    segments: link.token.segments,
    ...(input.valuesToday?.length ? { valuesToday: input.valuesToday } : {}),
    ...(input.valuesWishedFor?.length ? { valuesWishedFor: input.valuesWishedFor } : {}),
  });
  await deps.invitations.markAnswered(link.round.id, link.token.respondentKey, link.token.via ?? 'link');
}
