import { errorName } from '../logger.js';
import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round } from '../rounds/round.js';
import { invitationSms } from '../sms/invitation-sms.js';
import type { SmsSender } from '../sms/sms-sender.js';
import { newAnswerLink } from './answer-token.js';
import { type DeliveryOutcome, isThrottling } from './delivery.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/**
 * The invitation or a reminder by SMS, for someone with a mobile number and no e-mail; the claim is held.
 * As with mail: 1. mint a link token (CSPRNG), store only its hash  2. send  3. record it sent (channel sms);
 * on failure release the claim so a later run retries. No code on paper for them: the SMS carries a link.
 */
export async function deliverSms(
  deps: TickDeps,
  sms: SmsSender,
  run: TickRun,
  round: Round,
  invitation: Invitation,
  kind: MailKind,
  mobile: string,
): Promise<DeliveryOutcome> {
  let tokenHash: string;
  try {
    const link = await newAnswerLink(deps, round, invitation);
    tokenHash = link.tokenHash;
    await sms.send(invitationSms(mobile, round.snapshot, kind, round.closesAt, link.url));
  } catch (error) {
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
  await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, {
    state: 'sent',
    tokenHash,
    channel: 'sms',
  });
  run.stats.sent++;
  return 'sent';
}
