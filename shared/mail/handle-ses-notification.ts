import * as z from 'zod/mini';
import type { Clock } from '../common-ports.js';
import type { Logger } from '../logger.js';
import type { SuppressionStore } from '../respondents/ports.js';
import { respondentKeyOf } from '../respondents/respondent-identity.js';
import { normaliseEmail } from '../schema-helpers.js';
import type { Secrets } from '../security/secrets.js';

/** The parts of an SES notification (delivered through SNS) that decide suppression. */
const NotificationSchema = z.object({
  notificationType: z.optional(z.string()),
  eventType: z.optional(z.string()),
  bounce: z.optional(
    z.object({ bounceType: z.string(), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) }),
  ),
  complaint: z.optional(z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
});

interface NotificationDeps {
  suppressions: SuppressionStore;
  secrets: Secrets;
  clock: Clock;
  logger: Logger;
}

/**
 * Hard bounces and complaints suppress the address for good: no organisation mails it again. Soft
 * (transient) bounces are left alone; SES retries those itself. Returns how many addresses were suppressed.
 */
export async function handleSesNotification(deps: NotificationDeps, message: string): Promise<number> {
  let parsed: z.infer<typeof NotificationSchema>;
  try {
    parsed = NotificationSchema.parse(JSON.parse(message));
  } catch {
    deps.logger.warn('ses notification ignored: not an SES notification');
    return 0;
  }
  const type = parsed.notificationType ?? parsed.eventType;
  const addresses =
    type === 'Bounce' && parsed.bounce?.bounceType === 'Permanent'
      ? parsed.bounce.bouncedRecipients.map((r) => r.emailAddress)
      : type === 'Complaint'
        ? (parsed.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress)
        : [];
  const reason = type === 'Complaint' ? 'complaint' : 'bounce';
  for (const address of addresses) {
    // SES may report "Name <a@b>"; the bare address is what we hashed at import.
    const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
    await deps.suppressions.suppress(
      respondentKeyOf(deps.secrets, normaliseEmail(bare)),
      reason,
      deps.clock.now().toISOString(),
    );
  }
  if (addresses.length > 0) deps.logger.info('addresses suppressed', { reason, count: addresses.length });
  return addresses.length;
}
