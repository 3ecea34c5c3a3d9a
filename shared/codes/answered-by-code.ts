import type { InvitationStore } from '../rounds/ports.js';
import type { Round } from '../rounds/round.js';

/**
 * How many were given a code, and how many people's current answer came by one; from the invitations, which
 * know how someone answered, never what, and the round's counts of those erased since.
 */
export async function countAnsweredByCode(
  invitations: InvitationStore,
  round: Round,
): Promise<{ invitedByCode: number; answeredByCode: number }> {
  // People erased after answering still count, as in every other count, so an erasure shows no one's answer.
  const counts = {
    invitedByCode: round.erasedInvitedByCode ?? 0,
    answeredByCode: round.erasedAnsweredByCode ?? 0,
  };
  let cursor: string | undefined;
  do {
    const page = await invitations.page(round.id, cursor, 500);
    for (const invitation of page.items) {
      if (invitation.mails.invite?.channel === 'code') counts.invitedByCode++;
      if (invitation.answered && invitation.answeredBy === 'code') counts.answeredByCode++;
    }
    cursor = page.cursor;
  } while (cursor);
  return counts;
}

/**
 * The report's `answeredByCode`: released only when at least k answered by code and at least k by link, or no
 * one was given a link: either count, beside `answered`, gives the other. "None by link" is not enough, since
 * the admin knows who has an e-mail: with one such person, a count released as all of `answered` said that
 * they did not answer (found by the attack suite, `test/security/loop-attacks.test.ts`). An admin who printed
 * the sheet could answer for others; this count lets readers see how much of a round came that way
 * (docs/privacy.md). A round that gave out no codes has neither the figure nor a reason.
 */
export function answeredByCodeFigure(
  counts: { invitedByCode: number; answeredByCode: number },
  round: { invited: number; answered: number },
  threshold: number,
): { answeredByCode?: number; withheld?: { answeredByCode: 'below-threshold' } } {
  if (counts.invitedByCode === 0 && counts.answeredByCode === 0) return {};
  const byCode = counts.answeredByCode;
  const byLink = round.answered - byCode;
  const noLinks = round.invited - counts.invitedByCode <= 0;
  if (byCode >= threshold && (byLink >= threshold || noLinks)) return { answeredByCode: byCode };
  return { withheld: { answeredByCode: 'below-threshold' } };
}
