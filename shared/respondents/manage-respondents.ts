import type { Clock, RespondentStore, SuppressionStore } from '../ports.js';
import { normaliseEmail } from '../schema-helpers.js';
import type { Secrets } from '../security/secrets.js';
import { respondentKeyOf } from './import-respondents.js';
import { publicRespondent } from './respondent.js';

interface RespondentDeps {
  respondents: RespondentStore;
  suppressions: SuppressionStore;
  secrets: Secrets;
  clock: Clock;
}

export async function listRespondents(
  deps: RespondentDeps,
  orgId: string,
  cursor: string | undefined,
  limit: number,
) {
  const page = await deps.respondents.list(orgId, cursor, limit);
  return {
    respondents: page.items.map(publicRespondent),
    ...(page.cursor ? { nextCursor: page.cursor } : {}),
  };
}

/** Hook for erasure steps that live in other rooms (invitations of open rounds), so this file stays small. */
export type EraseFollowUp = (orgId: string, respondentKey: string) => Promise<void>;

/**
 * Erasure on request. 1. keep an unsubscribe as the address's keyed hash (one recorded before that record
 * existed lives only in the status)  2. delete the respondent (the e-mail and segments go)  3. let the rounds
 * forget the invitation links. Anonymous answers stay: they never held identity. Idempotent.
 */
export async function eraseRespondent(
  deps: RespondentDeps,
  orgId: string,
  email: string,
  followUps: EraseFollowUp[] = [],
) {
  const key = respondentKeyOf(deps.secrets, normaliseEmail(email));
  const respondent = await deps.respondents.get(orgId, key);
  if (respondent?.status === 'unsubscribed')
    await deps.suppressions.unsubscribe(orgId, key, deps.clock.now().toISOString());
  await deps.respondents.delete(orgId, key);
  for (const followUp of followUps) await followUp(orgId, key);
}
