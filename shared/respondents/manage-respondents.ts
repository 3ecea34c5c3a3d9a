import type { Clock } from '../common-ports.js';
import { normaliseEmail } from '../schema-helpers.js';
import type { Secrets } from '../security/secrets.js';
import type { RespondentStore, SuppressionStore } from './ports.js';
import { publicRespondent } from './respondent.js';
import { employeeKeyOf, respondentKeyOf } from './respondent-identity.js';

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
  emailOrEmployeeId: string,
  followUps: EraseFollowUp[] = [],
) {
  const key = await respondentKeyNamed(deps, orgId, emailOrEmployeeId);
  if (!key) return;
  const respondent = await deps.respondents.get(orgId, key);
  if (respondent?.status === 'unsubscribed')
    await deps.suppressions.unsubscribe(orgId, key, deps.clock.now().toISOString());
  await deps.respondents.delete(orgId, key);
  for (const followUp of followUps) await followUp(orgId, key);
}

/**
 * The respondent an erasure request names: an e-mail address (it has an @), or an employee id. Someone
 * imported with both is keyed by e-mail, so an erasure by their employee id looks them up in the list (rare,
 * and bounded by the organisation's size). Undefined when nobody matches: erasure stays idempotent.
 */
async function respondentKeyNamed(
  deps: { respondents: RespondentStore; secrets: Secrets },
  orgId: string,
  emailOrEmployeeId: string,
): Promise<string | undefined> {
  const named = emailOrEmployeeId.trim();
  if (named.includes('@')) return respondentKeyOf(deps.secrets, normaliseEmail(named));
  const direct = employeeKeyOf(deps.secrets, named);
  if (await deps.respondents.get(orgId, direct)) return direct;
  let cursor: string | undefined;
  do {
    const page = await deps.respondents.list(orgId, cursor, 500);
    const found = page.items.find((respondent) => respondent.employeeId === named);
    if (found) return found.respondentKey;
    cursor = page.cursor;
  } while (cursor);
  return direct;
}
