import { invitationMail } from '../mail/invitation-mail.js';
import type { Respondent } from '../respondents/respondent.js';
import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round } from '../rounds/round.js';
import { newAnswerLink } from './answer-token.js';
import { deliverWithoutEmail } from './deliver-without-email.js';
import { type DeliveryOutcome, isThrottling } from './delivery.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/** A claimed mail is re-sent by another tick only after this long: longer than any one send can take. */
export const MAIL_LEASE_MS = 10 * 60_000;

/**
 * Sends one invitation or reminder exactly once across concurrent and crashed ticks.
 * 1. claim the mail on the invitation with a lease (conditional write; reminders only if unanswered)
 * 2. skip respondents who are gone, unsubscribed or suppressed, recording why
 * 3. mint a new link token (CSPRNG) and store only its hash  4. send at the configured pace
 * 5. record it sent; on failure release the claim so a later run retries.
 * A crash between 4 and 5 resends after the lease: we choose a rare duplicate over a missed invitation.
 */
export async function deliverMail(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  invitation: Invitation,
  kind: MailKind,
  respondent: Respondent | undefined,
  suppressed: boolean,
): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + MAIL_LEASE_MS).toISOString();
  if (
    !(await deps.invitations.claimMail(
      round.id,
      invitation.respondentKey,
      kind,
      now.toISOString(),
      leaseUntil,
    ))
  )
    return 'not-claimed';

  const reason = !respondent
    ? 'erased'
    : suppressed
      ? 'suppressed'
      : respondent.status !== 'active'
        ? respondent.status
        : undefined;
  if (reason || !respondent) {
    await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, {
      state: 'skipped',
      reason: reason ?? 'erased',
    });
    run.stats.skipped++;
    return 'skipped';
  }
  if (respondent.email === undefined)
    return deliverWithoutEmail(deps, run, round, invitation, kind, respondent);

  let tokenHash: string;
  try {
    const link = await newAnswerLink(deps, round, invitation);
    tokenHash = link.tokenHash;
    await run.nextMailSlot();
    await deps.mailer.send(invitationMail(respondent.email, round.snapshot, kind, round.closesAt, link.url));
  } catch (error) {
    await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, { state: 'released' });
    deps.logger.warn('mail not sent; released for a later run', {
      orgId: round.orgId,
      roundId: round.id,
      kind,
      error,
    });
    run.stats.failed++;
    if (isThrottling(error)) throw error;
    return 'failed';
  }
  await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, { state: 'sent', tokenHash });
  run.stats.sent++;
  return 'sent';
}
