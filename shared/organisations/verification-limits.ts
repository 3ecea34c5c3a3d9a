import { type Limit, RateLimited } from '../rate-limiter.js';
import { normaliseEmail } from '../schema-helpers.js';

export interface VerificationLimits {
  verificationPerOrganisation: Limit;
  verificationPerAddress: Limit;
}

/**
 * Counts one verification mail against its address (every organisation that names it) and, for a resend, its
 * organisation; a 429 with the wait when either is used up. Counted in the table, so it holds across containers:
 * the API can never be made to mail one address, or from one organisation, more than a few times an hour.
 */
export async function countVerificationMail(
  limits: VerificationLimits,
  contactEmail: string,
  orgId?: string,
): Promise<void> {
  const verdicts = await Promise.all([
    limits.verificationPerAddress.hit(normaliseEmail(contactEmail)),
    ...(orgId ? [limits.verificationPerOrganisation.hit(orgId)] : []),
  ]);
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length > 0)
    throw new RateLimited(
      'Too many verification mails for this organisation or address; try again later',
      Math.max(...refused.map((v) => v.retryAfter)),
    );
}
