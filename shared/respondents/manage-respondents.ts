import type { Clock, RespondentStore } from '../ports.js';
import type { Secrets } from '../security/secrets.js';
import { publicRespondent } from './respondent.js';
import { respondentKeyNamed } from './respondent-identity.js';

interface RespondentDeps {
  respondents: RespondentStore;
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
 * Erasure on request. 1. delete the respondent (the e-mail and segments go)  2. let the rounds forget the
 * invitation links. Anonymous answers stay: they never held identity. Idempotent: erasing twice is fine.
 */
export async function eraseRespondent(
  deps: RespondentDeps,
  orgId: string,
  emailOrEmployeeId: string,
  followUps: EraseFollowUp[] = [],
) {
  const key = await respondentKeyNamed(deps, orgId, emailOrEmployeeId);
  if (!key) return;
  await deps.respondents.delete(orgId, key);
  for (const followUp of followUps) await followUp(orgId, key);
}
