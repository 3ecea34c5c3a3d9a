import type { Clock } from '../common-ports.js';
import { conflict, notFound } from '../errors.js';
import type { RespondentStore } from '../respondents/ports.js';
import type { InvitationStore, RoundStore } from '../rounds/ports.js';
import { isOpen, type Round } from '../rounds/round.js';
import type { Secrets } from '../security/secrets.js';
import { answerCodeOf } from './answer-code.js';

export interface CodeSheetDeps {
  rounds: RoundStore;
  invitations: InvitationStore;
  respondents: RespondentStore;
  secrets: Secrets;
  clock: Clock;
}

/** One slip: who it is for (by employee id and segment, never a name) and their code for this round. */
export interface CodeSlip {
  employeeId?: string;
  department?: string;
  role?: string;
  site?: string;
  code: string;
}

export interface CodeSheet {
  round: Round;
  slips: CodeSlip[];
  /** People without e-mail whose code the tick has not issued yet (the round opened a moment ago). */
  pending: number;
}

/**
 * The round's answer codes, for the admin to print and hand out. 1. the round must be the organisation's and
 * still open (codes die at close)  2. page through its invitations  3. for each person without e-mail whose
 * code the tick has issued, derive the code again (nothing to read: it is an HMAC)  4. sort by segment and
 * employee id, the order slips are handed out in. Memory holds the slips only: a few bytes a person.
 */
export async function codeSheet(deps: CodeSheetDeps, orgId: string, roundId: string): Promise<CodeSheet> {
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  if (!isOpen(round, deps.clock.now()))
    throw conflict('The round has closed; its codes no longer open anything');
  const slips: CodeSlip[] = [];
  let pending = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.invitations.page(round.id, cursor, 100);
    const people = await deps.respondents.getMany(
      orgId,
      page.items.map((invitation) => invitation.respondentKey),
    );
    for (const invitation of page.items) {
      const person = people.get(invitation.respondentKey);
      if (!person || person.email !== undefined) continue;
      const invite = invitation.mails.invite;
      if (invite?.state !== 'sent') {
        if (invite?.state !== 'skipped') pending++;
        continue;
      }
      if (invite.channel !== 'code') continue;
      slips.push({
        ...(person.employeeId ? { employeeId: person.employeeId } : {}),
        ...invitation.segments,
        code: answerCodeOf(deps.secrets, round.id, invitation.respondentKey),
      });
    }
    cursor = page.cursor;
  } while (cursor);
  const order = (slip: CodeSlip) =>
    [slip.department, slip.site, slip.role, slip.employeeId].map((v) => v ?? '').join('\u0000');
  slips.sort((a, b) => order(a).localeCompare(order(b), 'sv'));
  return { round, slips, pending };
}
