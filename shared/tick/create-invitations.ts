import type { Segments } from '../ports.js';
import { type Respondent, SEGMENT_FIELDS } from '../respondents/respondent.js';
import type { Round } from '../rounds/round.js';
import type { TickDeps, TickRun } from './tick-deps.js';

const PAGE = 100;

export const segmentsOf = (respondent: Respondent): Segments =>
  Object.fromEntries(
    SEGMENT_FIELDS.filter((f) => respondent[f] !== undefined).map((f) => [f, respondent[f]]),
  );

/**
 * Step 1 of a round: one invitation per respondent, page by page from a saved cursor, each a conditional put,
 * so a rerun or a second tick writes nothing twice. Segments are frozen here, as the round opens.
 */
export async function createInvitations(deps: TickDeps, run: TickRun, round: Round): Promise<boolean> {
  let cursor = round.progress.createCursor;
  while (run.hasTime()) {
    const page = await deps.respondents.list(round.orgId, cursor, PAGE);
    for (const respondent of page.items) {
      await deps.invitations.create({
        roundId: round.id,
        orgId: round.orgId,
        respondentKey: respondent.respondentKey,
        segments: segmentsOf(respondent),
        createdAt: round.opensAt,
        mails: {},
      });
    }
    cursor = page.cursor;
    if (!cursor) {
      await deps.rounds.updateProgress(round.orgId, round.id, { invitationsCreated: true });
      return true;
    }
    await deps.rounds.updateProgress(round.orgId, round.id, { createCursor: cursor });
  }
  return false;
}
