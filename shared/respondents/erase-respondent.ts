import type { Clock } from '../common-ports.js';
import { eraseFromRounds } from '../rounds/erase-from-rounds.js';
import type { InvitationStore, RoundStore } from '../rounds/ports.js';
import { normaliseEmail } from '../schema-helpers.js';
import type { Secrets } from '../security/secrets.js';
import type { TokenStore } from '../tokens/ports.js';
import type { RespondentStore, SuppressionStore } from './ports.js';
import { employeeKeyOf, respondentKeyOf } from './respondent-identity.js';

export interface EraseDeps {
  respondents: RespondentStore;
  suppressions: SuppressionStore;
  rounds: RoundStore;
  invitations: InvitationStore;
  tokens: TokenStore;
  secrets: Secrets;
  clock: Clock;
}

/**
 * Erasure on request, all of it. 1. find the respondent the request names  2. keep an unsubscribe as the
 * address's keyed hash (one recorded before that record existed lives only in the status)  3. delete the
 * respondent (the e-mail and segments go)  4. delete every invitation of theirs with the link tokens it handed
 * out. Anonymous answers stay: they never held identity. Idempotent.
 */
export async function eraseRespondent(
  deps: EraseDeps,
  orgId: string,
  emailOrEmployeeId: string,
): Promise<void> {
  const key = await respondentKeyNamed(deps, orgId, emailOrEmployeeId);
  if (!key) return;
  const respondent = await deps.respondents.get(orgId, key);
  if (respondent?.status === 'unsubscribed')
    await deps.suppressions.unsubscribe(orgId, key, deps.clock.now().toISOString());
  await deps.respondents.delete(orgId, key);
  await eraseFromRounds(deps, orgId, key);
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
