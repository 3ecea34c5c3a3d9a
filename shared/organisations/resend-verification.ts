import { DomainError, notFound } from '../errors.js';
import { type OrganisationDeps, sendVerification } from './create-organisation.js';
import { countVerificationMail, type VerificationLimits } from './verification-limits.js';

/**
 * The admin asks for the verification mail again. 1. the organisation, unless already verified (nothing sent)
 * 2. count the mail per organisation and per address (429 when over)  3. mail a fresh link (503 when SES refused).
 */
export async function resendVerification(
  deps: OrganisationDeps & { limits: VerificationLimits },
  orgId: string,
): Promise<{ verified: boolean; sent: boolean }> {
  const org = await deps.organisations.get(orgId);
  if (!org) throw notFound('Organisation');
  if (org.verified) return { verified: true, sent: false };
  await countVerificationMail(deps.limits, org.contactEmail, org.id);
  if (!(await sendVerification(deps, org)))
    throw new DomainError('service_unavailable', 'The mail service did not take the message; try again');
  return { verified: false, sent: true };
}
