import { answerCodeOf, codeTokenHash } from '../codes/answer-code.js';
import type { Respondent } from '../respondents/respondent.js';
import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round } from '../rounds/round.js';
import { putAnswerToken, settleSentBy } from './answer-token.js';
import { deliverSms } from './deliver-sms.js';
import type { DeliveryOutcome } from './delivery.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/**
 * Someone without work e-mail is invited by SMS where they have a mobile number and an SMS channel is set up,
 * otherwise (or when SMS refuses their number for good) by a personal answer code on paper (the admin prints
 * the sheet).
 * The invitation's claim is already held. 1. derive the round's code  2. store its token under a keyed hash
 * (never the code), marked `via: 'code'`, so the kiosk can open this person's form until the round closes
 * 3. record the invitation as sent, with the token's hash, so erasure kills the code as it kills links.
 * Reminders cannot reach paper: they are skipped. Idempotent: a rerun derives and writes the same token.
 */
export async function deliverWithoutEmail(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  invitation: Invitation,
  kind: MailKind,
  respondent: Respondent,
): Promise<DeliveryOutcome> {
  let smsRejected = false;
  if (deps.sms && respondent.mobile) {
    const outcome = await deliverSms(deps, deps.sms, run, round, invitation, kind, respondent.mobile);
    if (outcome !== 'rejected') return outcome;
    smsRejected = true;
  }
  if (kind !== 'invite') {
    await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, {
      state: 'skipped',
      reason: smsRejected ? 'sms-rejected' : 'no-email',
    });
    run.stats.skipped++;
    return 'skipped';
  }
  const tokenHash = codeTokenHash(
    deps.secrets,
    answerCodeOf(deps.secrets, round.id, invitation.respondentKey),
  );
  const taken = await deps.tokens.get(tokenHash);
  if (taken && (taken.kind !== 'answer' || taken.respondentKey !== invitation.respondentKey)) {
    // Two live codes alike: about N²/2^51 for N live codes (docs/privacy.md). The first holder keeps it.
    deps.logger.warn('answer code collision; this respondent has no code this round', {
      orgId: round.orgId,
      roundId: round.id,
    });
    await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, {
      state: 'skipped',
      reason: 'code-collision',
    });
    run.stats.skipped++;
    return 'skipped';
  }
  await putAnswerToken(deps, round, invitation, tokenHash, 'code');
  return settleSentBy(deps, run, round, invitation, kind, tokenHash, 'code');
}
