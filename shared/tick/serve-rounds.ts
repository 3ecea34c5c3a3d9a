import { reminderKind } from '../rounds/invitation.js';
import { isOpen, type Round } from '../rounds/round.js';
import { createInvitations } from './create-invitations.js';
import { isThrottling } from './delivery.js';
import { finishClosedRound } from './finish-closed-round.js';
import { runMailPass, type Turn } from './mail-pass.js';
import { sendProgressMail } from './progress-report.js';
import type { TickDeps, TickRun } from './tick-deps.js';

export interface RoundRef {
  orgId: string;
  roundId: string;
}

/** Mails one worker keeps in flight on one round: with SES's ~30 ms a send and three writes, about 180 mails/s. */
export const MAIL_CONCURRENCY = 8;
/**
 * Rounds one worker serves at once, each turn with its part of MAIL_CONCURRENCY in flight (at least one). Twice
 * MAIL_CONCURRENCY: with many rounds a turn is a few mails and most of a lane's time goes to the turn's reads
 * (round, page, people) and its cursor write, so 8 lanes of one mail sent ~80 mails/s (bench row 10); 16 overlap
 * one lane's reads with another's sends.
 */
export const LANES = 16;
/**
 * The first rotation, in which every round's pass sends its first mails, takes about this long at the quota: short,
 * so every organisation opening in the same minute gets its first invitations within minutes.
 */
export const FIRST_ROTATION_MS = 30_000;
/**
 * Later rotations take about this long: a turn pays its own reads (the round, the page, the people and their
 * suppressions) and a cursor write, so the longer turn spreads them over more mails (2,000 rounds: 30 mails a
 * turn at 200/s, 3 at 14/s, instead of 3 and 1). A close or reminder waits at most one rotation.
 */
export const ROTATION_MS = 300_000;
const PAGE = 100;

/**
 * Each round's share of a rotation: the quota's mails for one rotation split evenly, at least one; a pass's first
 * turn takes its share of the short first rotation. With 2,000 rounds at 200/s that is 3 mails in the first turn
 * and 30 in each later one; a lone round gets the whole rotation's worth and sends as before.
 */
export function turnFor(mailRatePerSecond: number, rounds: number): Turn {
  const lanes = Math.min(LANES, Math.max(1, rounds));
  const share = (rotationMs: number) =>
    Math.max(1, Math.ceil((mailRatePerSecond * rotationMs) / 1000 / Math.max(1, rounds)));
  return {
    firstMails: share(FIRST_ROTATION_MS),
    mails: share(ROTATION_MS),
    inFlight: Math.max(1, Math.ceil(MAIL_CONCURRENCY / lanes)),
  };
}

/**
 * Where this worker starts in the rotation: spread by the golden ratio of its start time, so workers started at
 * different moments begin far apart and rarely meet on the same round.
 */
export function rotationStart(startedAt: number, rounds: number): number {
  return Math.floor(((startedAt * 0.6180339887) % 1) * rounds) % Math.max(1, rounds);
}

/**
 * Serves every active round in rotation until none has work left in this run or its time is up:
 * 1. split the quota's rotation into equal turns  2. LANES rounds at a time, each takes one turn (create a page
 * of invitations, send its share of a mail pass, or close and report), then goes to the back of the queue while
 * it has more to do  3. stop every lane at SES throttling. Nobody's invitations wait for another organisation's
 * whole pass, and a close or reminder waits at most one rotation.
 */
export async function serveRounds(deps: TickDeps, run: TickRun, active: RoundRef[]): Promise<void> {
  const turn = turnFor(deps.mailRatePerSecond, active.length);
  const start = rotationStart(run.deadline - deps.tickBudgetMs, active.length);
  const queue = [...active.slice(start), ...active.slice(0, start)];
  let throttled = false;
  const lane = async () => {
    while (!throttled && run.hasTime()) {
      const ref = queue.shift();
      if (!ref) return;
      try {
        if (await takeTurn(deps, run, ref, turn)) queue.push(ref);
      } catch (error) {
        deps.logger.error('round step failed; the next tick retries', { ...ref, error });
        if (isThrottling(error)) throttled = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, queue.length) }, lane));
}

/** One turn of one round; true when it has more to do in this run. */
async function takeTurn(deps: TickDeps, run: TickRun, ref: RoundRef, turn: Turn): Promise<boolean> {
  const round = await deps.rounds.get(ref.orgId, ref.roundId);
  if (!round) return false;
  return advanceRound(deps, run, round, turn);
}

/** One step after another while each finishes within the turn: a finished step costs no turn of its own. */
async function advanceRound(deps: TickDeps, run: TickRun, round: Round, turn: Turn): Promise<boolean> {
  const now = deps.clock.now();
  if (!isOpen(round, now)) {
    await finishClosedRound(deps, run, round);
    return false;
  }
  if (!round.progress.invitationsCreated) {
    // Pages of the first rotation's share: a large round starts mailing after seconds, not after its whole creation.
    const created = await createInvitations(deps, run, round, Math.ceil(turn.firstMails / PAGE));
    if (created !== 'done') return created === 'more';
  }
  if (!round.progress.inviteDone) {
    const invited = await runMailPass(deps, run, round, 'invite', turn);
    if (invited !== 'done') return invited === 'more';
  }
  for (const [index, at] of round.snapshot.remindAt.entries()) {
    const kind = reminderKind(index);
    if (now.toISOString() < at || round.progress[`${kind}Done`]) continue;
    // Claimed once per round: on later turns of the pass this is one conditional write that finds it sent.
    await sendProgressMail(deps, run, round, index + 1);
    const reminded = await runMailPass(deps, run, round, kind, turn);
    if (reminded !== 'done') return reminded === 'more';
  }
  return false;
}
