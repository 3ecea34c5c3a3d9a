import type { Clock } from '../common-ports.js';
import { DomainError, notFound } from '../errors.js';
import type { Secrets } from '../security/secrets.js';
import { type TickTriggerDeps, wakeTick } from '../tick/tick-trigger.js';
import type { TokenStore } from '../tokens/ports.js';
import { nextRoundAt } from './cadence.js';
import type { Organisation } from './organisation.js';
import type { OrganisationStore } from './ports.js';

interface VerifyDeps extends TickTriggerDeps {
  organisations: OrganisationStore;
  tokens: TokenStore;
  secrets: Secrets;
  clock: Clock;
}

/** The organisation a verification link belongs to; 404 for unknown or expired links. Reads only. */
export async function findVerification(deps: VerifyDeps, token: string): Promise<Organisation> {
  const record = await deps.tokens.get(deps.secrets.hash(token));
  if (record?.kind !== 'verify' || record.expiresAt <= deps.clock.now().toISOString())
    throw notFound('Verification link');
  const org = await deps.organisations.get(record.orgId);
  if (!org) throw notFound('Verification link');
  return org;
}

/**
 * Verifies an organisation (the POST behind the page's button). 1. resolve the link  2. mark verified and put
 * the first scheduled round on the calendar  3. repeat calls are harmless: an already verified org stays so.
 */
export async function verifyOrganisation(deps: VerifyDeps, token: string): Promise<Organisation> {
  const org = await findVerification(deps, token);
  if (org.verified) return org;
  const now = deps.clock.now();
  const next = nextRoundAt(org.cadence, org.timezone, now)?.toISOString();
  // The first scheduled round goes on the calendar: a tick asleep between rounds must learn of it.
  if (next) await wakeTick(deps);
  await deps.organisations.markVerified(org.id, now.toISOString(), next);
  const verified = await deps.organisations.get(org.id);
  if (!verified) throw new DomainError('internal_error', 'Organisation vanished during verification');
  return verified;
}
