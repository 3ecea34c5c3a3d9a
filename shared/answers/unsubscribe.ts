import type { Clock } from '../common-ports.js';
import type { RespondentStore, SuppressionStore } from '../respondents/ports.js';
import type { AnswerLink } from './answer-link.js';

/**
 * Stops every pulse from this organisation to this address; works after the round closed too. Idempotent.
 * 1. record the choice by the address's keyed hash, which erasure leaves in place  2. mark the respondent.
 */
export async function unsubscribe(
  deps: { respondents: RespondentStore; suppressions: SuppressionStore; clock: Clock },
  link: AnswerLink,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.suppressions.unsubscribe(link.round.orgId, link.token.respondentKey, at);
  await deps.respondents.setStatus(link.round.orgId, link.token.respondentKey, 'unsubscribed', at);
}
