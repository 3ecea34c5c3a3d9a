import { cellKey } from '../reports/release-cells.js';
import { roundHalfUp } from '../reports/rounding.js';
import type { Segments } from '../respondents/respondent.js';
import type { InvitationStore } from './ports.js';
import { isOpen, type Round } from './round.js';

export interface RoundCounts {
  invited: number;
  answered: number;
  suppressed: number;
  responseRate: number;
}

/** Who was invited and who answered, in one cell (department × role × site) of a round. */
export interface TurnoutCell {
  key: string;
  segments: Segments;
  tally: { invited: number; answered: number };
}

/**
 * Counts by paging through the round's invitations: memory stays flat however large the round. People erased
 * while the round ran still count, as invited and (if they had) as answered, so erasure moves no count.
 */
export async function tallyInvitations(
  invitations: InvitationStore,
  round: Round,
): Promise<{ counts: RoundCounts; cells: Map<string, TurnoutCell> }> {
  let invited = round.erasedInvitations ?? 0;
  let answered = round.erasedAnswered ?? 0;
  let suppressed = 0;
  const cells = new Map<string, TurnoutCell>();
  let cursor: string | undefined;
  do {
    const page = await invitations.page(round.id, cursor, 500);
    for (const invitation of page.items) {
      const invite = invitation.mails.invite?.state;
      if (invite === 'skipped') suppressed++;
      if (invitation.answered) answered++;
      if (invite !== 'sent') continue;
      invited++;
      const key = cellKey(invitation.segments);
      const cell = cells.get(key) ?? {
        key,
        segments: invitation.segments,
        tally: { invited: 0, answered: 0 },
      };
      cell.tally.invited++;
      if (invitation.answered) cell.tally.answered++;
      cells.set(key, cell);
    }
    cursor = page.cursor;
  } while (cursor);
  const counts = {
    invited,
    answered,
    suppressed,
    responseRate: invited === 0 ? 0 : round3(answered / invited),
  };
  return { counts, cells };
}

export async function countInvitations(invitations: InvitationStore, round: Round): Promise<RoundCounts> {
  return (await tallyInvitations(invitations, round)).counts;
}

export const round3 = (value: number) => roundHalfUp(value, 3);

export function publicRound(round: Round, now: Date, counts?: RoundCounts) {
  return {
    id: round.id,
    status: isOpen(round, now) ? ('open' as const) : ('closed' as const),
    trigger: round.trigger,
    opensAt: round.opensAt,
    closesAt: round.closedAt && round.closedAt < round.closesAt ? round.closedAt : round.closesAt,
    scheduledClosesAt: round.closesAt,
    ...(round.closedAt ? { closedAt: round.closedAt } : {}),
    language: round.snapshot.language,
    customerTerm: round.snapshot.customerTerm,
    remindAt: round.snapshot.remindAt,
    ...(counts ?? {}),
  };
}
