import type { InvitationStore } from '../ports.js';
import type { Round } from '../rounds/round.js';

/** How many people's current answer came by answer code; from the invitations, which know how, never what. */
export async function countAnsweredByCode(invitations: InvitationStore, round: Round): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await invitations.page(round.id, cursor, 500);
    for (const invitation of page.items) if (invitation.answered && invitation.answeredBy === 'code') count++;
    cursor = page.cursor;
  } while (cursor);
  return count;
}

/**
 * The report's `answeredByCode`: released only when at least k answered by code and the rest (by link) are
 * none or at least k, since either count, beside `answered`, gives the other. An admin who printed the sheet
 * could answer for others; this count lets readers see how much of a round came that way (docs/privacy.md).
 */
export function answeredByCodeFigure(
  byCode: number,
  answered: number,
  threshold: number,
): { answeredByCode?: number; withheld?: { answeredByCode: 'below-threshold' } } {
  const byLink = answered - byCode;
  if (byCode >= threshold && (byLink === 0 || byLink >= threshold)) return { answeredByCode: byCode };
  return { withheld: { answeredByCode: 'below-threshold' } };
}
