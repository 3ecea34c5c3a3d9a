import type { Clock, RespondentStore } from '../ports.js';
import type { AnswerLink } from './answer-link.js';

/** Stops every pulse from this organisation to this address; works after the round closed too. Idempotent. */
export async function unsubscribe(
  deps: { respondents: RespondentStore; clock: Clock },
  link: AnswerLink,
): Promise<void> {
  await deps.respondents.setStatus(
    link.round.orgId,
    link.token.respondentKey,
    'unsubscribed',
    deps.clock.now().toISOString(),
  );
}
