import type { InvitationStore } from '../ports.js';
import { isOpen, type Round } from './round.js';

export interface RoundCounts {
  invited: number;
  answered: number;
  suppressed: number;
  responseRate: number;
}

/** Counts by paging through the round's invitations: memory stays flat however large the round. */
export async function countInvitations(invitations: InvitationStore, round: Round): Promise<RoundCounts> {
  let invited = round.erasedInvitations ?? 0;
  let answered = 0;
  let suppressed = 0;
  let cursor: string | undefined;
  do {
    const page = await invitations.page(round.id, cursor, 500);
    for (const invitation of page.items) {
      const invite = invitation.mails.invite?.state;
      if (invite === 'sent') invited++;
      if (invite === 'skipped') suppressed++;
      if (invitation.answered) answered++;
    }
    cursor = page.cursor;
  } while (cursor);
  return { invited, answered, suppressed, responseRate: invited === 0 ? 0 : round3(answered / invited) };
}

export const round3 = (value: number) => Math.round(value * 1000) / 1000;

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
