import type { Round } from '../rounds/round.js';
import type { ActionStore } from './ports.js';

/** How many done actions the next round's invitation and form name: enough to show the loop, short enough to read. */
export const DONE_ACTIONS_SHOWN = 3;

/**
 * "What we did since the last pulse": up to three actions marked done in earlier rounds, most recently done
 * first, as their texts. Called when a round opens; the round keeps the texts in its snapshot, so the
 * invitation, the reminders and the form all say the same thing, and later edits do not reach a running round.
 */
export async function doneSinceLastPulse(
  deps: { actions: ActionStore },
  orgId: string,
  openingRoundId: string,
): Promise<string[]> {
  const done = await deps.actions.listDone(orgId);
  return done
    .filter((action) => action.roundId !== openingRoundId && action.status === 'done')
    .sort((a, b) => (b.doneAt ?? b.updatedAt).localeCompare(a.doneAt ?? a.updatedAt))
    .slice(0, DONE_ACTIONS_SHOWN)
    .map((action) => action.text);
}

/** The round about to open, with the texts of what was done since the last pulse frozen into its snapshot. */
export async function withDoneActions(deps: { actions: ActionStore }, round: Round): Promise<Round> {
  const doneActions = await doneSinceLastPulse(deps, round.orgId, round.id);
  return doneActions.length === 0 ? round : { ...round, snapshot: { ...round.snapshot, doneActions } };
}
