import { errorName } from '../logger.js';
import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round } from '../rounds/round.js';
import { invitationSms } from '../sms/invitation-sms.js';
import { SmsRejected, type SmsSender } from '../sms/sms-sender.js';
import { newAnswerLink, settleSentBy } from './answer-token.js';
import { type DeliveryOutcome, isThrottling } from './delivery.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/**
 * The invitation or a reminder by SMS, for someone with a mobile number and no e-mail; the claim is held.
 * As with mail: 1. mint a link token (CSPRNG), store only its hash  2. send  3. record it sent (channel sms);
 * on failure release the claim so a later run retries. No code on paper for them: the SMS carries a link.
 * A number refused for good is not retried: `rejected`, and the caller settles it (a code on paper instead).
 * Logs carry the error's name only, never the number.
 */
export async function deliverSms(
  deps: TickDeps,
  sms: SmsSender,
  run: TickRun,
  round: Round,
  invitation: Invitation,
  kind: MailKind,
  mobile: string,
): Promise<DeliveryOutcome | 'rejected'> {
  let tokenHash: string;
  try {
    const link = await newAnswerLink(deps, round, invitation);
    tokenHash = link.tokenHash;
    await sms.send(invitationSms(mobile, round.snapshot, kind, round.closesAt, link.url));
  } catch (error) {
    if (error instanceof SmsRejected) {
      deps.logger.warn('sms refused for this number; not retried', {
        orgId: round.orgId,
        roundId: round.id,
        kind,
        reason: error.reason,
      });
      run.stats.failed++;
      return 'rejected';
    }
    await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, { state: 'released' });
    deps.logger.warn('sms not sent; released for a later run', {
      orgId: round.orgId,
      roundId: round.id,
      kind,
      error: errorName(error),
    });
    run.stats.failed++;
    if (isThrottling(error)) throw error;
    return 'failed';
  }
  return settleSentBy(deps, run, round, invitation, kind, tokenHash, 'sms');
}
