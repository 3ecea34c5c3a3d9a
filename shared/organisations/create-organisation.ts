import type { Clock } from '../common-ports.js';
import { validationFailed } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/ports.js';
import { verificationMail } from '../mail/verification-mail.js';
import type { Secrets } from '../security/secrets.js';
import type { TokenStore } from '../tokens/ports.js';
import { resolveCustomerTerm } from './customer-term.js';
import { createApiKey } from './manage-api-keys.js';
import {
  type CreateOrganisationInput,
  DEFAULTS,
  type Organisation,
  publicOrganisation,
  settingsProblems,
} from './organisation.js';
import type { ApiKeyStore, OrganisationStore } from './ports.js';
import { countVerificationMail, type VerificationLimits } from './verification-limits.js';

export interface OrganisationDeps {
  organisations: OrganisationStore;
  apiKeys: ApiKeyStore;
  tokens: TokenStore;
  mailer: Mailer;
  secrets: Secrets;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  limits: VerificationLimits;
}

const VERIFY_LINK_DAYS = 7;

/**
 * Enrols an organisation. 1. apply defaults and check cross-field rules  2. count the verification mail against
 * its address (429 before anything is written)  3. store the organisation, unverified  4. create its first admin
 * key  5. e-mail a verification link (a failed send is logged; the admin can ask again)
 */
export async function createOrganisation(deps: OrganisationDeps, input: CreateOrganisationInput) {
  const now = deps.clock.now().toISOString();
  const anonymityThreshold = input.anonymityThreshold ?? DEFAULTS.anonymityThreshold;
  const org: Organisation = {
    id: deps.secrets.newId('org'),
    name: input.name,
    contactEmail: input.contactEmail,
    language: input.language,
    customerTerm: resolveCustomerTerm(input.customerTerm ?? 'kund'),
    timezone: input.timezone ?? DEFAULTS.timezone,
    cadence: input.cadence ?? DEFAULTS.cadence,
    roundLengthDays: input.roundLengthDays ?? DEFAULTS.roundLengthDays,
    reminderDays: input.reminderDays ?? [...DEFAULTS.reminderDays],
    reportRecipients: input.reportRecipients ?? [input.contactEmail],
    anonymityThreshold,
    commentThreshold: input.commentThreshold ?? Math.max(DEFAULTS.commentThreshold, anonymityThreshold),
    values: input.values ?? { enabled: false },
    verified: false,
    createdAt: now,
    updatedAt: now,
  };
  const problems = settingsProblems(org);
  if (org.values.listId && org.values.listId !== 'default')
    problems.push({
      path: 'values.listId',
      message: 'Upload your own list after enrolment; start with the default',
    });
  if (problems.length > 0) throw validationFailed('The settings do not fit together', problems);
  await countVerificationMail(deps.limits, org.contactEmail);

  await deps.organisations.create(org);
  const adminKey = await createApiKey(deps, org.id, 'admin');
  await sendVerification(deps, org);
  deps.logger.info('organisation enrolled', { orgId: org.id });
  return { organisation: publicOrganisation(org), adminKey: adminKey.key, adminKeyId: adminKey.id };
}

/** Mails a fresh verification link; earlier links stay valid until they expire. */
export async function sendVerification(deps: OrganisationDeps, org: Organisation): Promise<boolean> {
  const token = deps.secrets.newSecret();
  const expiresAt = new Date(deps.clock.now().getTime() + VERIFY_LINK_DAYS * 86_400_000).toISOString();
  await deps.tokens.put({ kind: 'verify', tokenHash: deps.secrets.hash(token), orgId: org.id, expiresAt });
  try {
    await deps.mailer.send(verificationMail(org, `${deps.publicUrl}/verify/${token}`));
    return true;
  } catch (error) {
    deps.logger.error('verification mail failed', { orgId: org.id, error });
    return false;
  }
}
