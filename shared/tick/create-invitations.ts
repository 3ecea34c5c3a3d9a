import type { Segments } from '../respondents/respondent.js';
import { type Respondent, SEGMENT_FIELDS } from '../respondents/respondent.js';
import type { Round } from '../rounds/round.js';
import type { TickDeps, TickRun } from './tick-deps.js';

const PAGE = 100;

export const segmentsOf = (respondent: Respondent): Segments =>
  Object.fromEntries(
    SEGMENT_FIELDS.filter((f) => respondent[f] !== undefined).map((f) => [f, respondent[f]]),
  );

/** Invitation writes in flight at once: a page of 100 takes ten write round trips, not a hundred. */
const WRITES_IN_FLIGHT = 10;

/**
 * Step 1 of a round: one invitation per respondent, page by page from a saved cursor, each a conditional put,
 * so a rerun or a second tick writes nothing twice. Segments are frozen here, as the round opens. Writes at most
 * `pages` pages in this turn: `done` when every respondent has an invitation, `more` when the turn is used up.
 */
export async function createInvitations(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  pages: number,
): Promise<'done' | 'more' | 'stopped'> {
  let cursor = round.progress.createCursor;
  let segmentValues = round.progress.segmentValues ?? {};
  for (let written = 0; written < pages; written++) {
    if (!run.hasTime()) return 'stopped';
    const page = await deps.respondents.list(round.orgId, cursor, PAGE);
    segmentValues = withSegmentValues(segmentValues, page.items.map(segmentsOf));
    for (let at = 0; at < page.items.length; at += WRITES_IN_FLIGHT) {
      await Promise.all(
        page.items.slice(at, at + WRITES_IN_FLIGHT).map((respondent) =>
          deps.invitations.create({
            roundId: round.id,
            orgId: round.orgId,
            respondentKey: respondent.respondentKey,
            segments: segmentsOf(respondent),
            createdAt: round.opensAt,
            mails: {},
          }),
        ),
      );
    }
    cursor = page.cursor;
    if (!cursor) {
      await deps.rounds.updateProgress(round.orgId, round.id, { invitationsCreated: true, segmentValues });
      return 'done';
    }
    await deps.rounds.updateProgress(round.orgId, round.id, { createCursor: cursor, segmentValues });
  }
  return 'more';
}

type SegmentValues = NonNullable<Round['progress']['segmentValues']>;

/** The values seen so far with those of one more page; a page read again adds nothing. */
function withSegmentValues(seen: SegmentValues, segments: Segments[]): SegmentValues {
  const next: SegmentValues = {};
  for (const field of SEGMENT_FIELDS) {
    const values = new Set(seen[field] ?? []);
    for (const segment of segments) if (segment[field]) values.add(segment[field]);
    if (values.size > 0) next[field] = [...values].sort();
  }
  return next;
}
