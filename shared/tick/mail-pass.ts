import type { Respondent } from '../respondents/respondent.js';
import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round, RoundProgress } from '../rounds/round.js';
import { deliverMail } from './deliver-mail.js';
import type { TickDeps, TickRun } from './tick-deps.js';

const PAGE = 100;

const settled = (invitation: Invitation, kind: MailKind) => {
  const state = invitation.mails[kind]?.state;
  return state === 'sent' || state === 'skipped' || (kind !== 'invite' && invitation.answered === true);
};

interface LoadedPage {
  cursor?: string;
  open: Invitation[];
  /** Some invitation on the page is not settled yet (open to us, or held by another worker). */
  pending: boolean;
  /** Some invitation on the page is held by another worker (or a crashed run): not ours to settle. */
  heldElsewhere: boolean;
  people: Map<string, Respondent>;
  suppressed: Set<string>;
}

/** Claimed by another worker (or a crashed run) whose lease still runs: not ours to try. */
const held = (invitation: Invitation, kind: MailKind, now: string) => {
  const mail = invitation.mails[kind];
  return mail?.state === 'sending' && (mail.leaseUntil ?? '') > now;
};

async function loadPage(
  deps: TickDeps,
  round: Round,
  kind: MailKind,
  cursor: string | undefined,
  size: number,
) {
  const page = await deps.invitations.page(round.id, cursor, size);
  const now = deps.clock.now().toISOString();
  const open = page.items.filter((invitation) => !settled(invitation, kind) && !held(invitation, kind, now));
  const keys = open.map((invitation) => invitation.respondentKey);
  const [people, suppressed] =
    keys.length === 0
      ? [new Map<string, Respondent>(), new Set<string>()]
      : await Promise.all([
          deps.respondents.getMany(round.orgId, keys),
          deps.suppressions.suppressedAmong(round.orgId, keys),
        ]);
  const pending = page.items.some((invitation) => !settled(invitation, kind));
  const heldElsewhere = page.items.some((invitation) => held(invitation, kind, now));
  return { cursor: page.cursor, open, pending, heldElsewhere, people, suppressed } satisfies LoadedPage;
}

/**
 * Sends a page's mails with up to `inFlight` at once, each sender taking the next invitation as soon
 * as its last send is done: no worker waits for a slow neighbour, so the pace stays at run.nextMailSlot()'s
 * rate (batches that waited for their slowest send lost a send's time every 8 mails: 87 % of the rate).
 * Returns `stopped` when the run's time ran out first, `settled` when this run settled every open invitation
 * itself (sent or skipped), `open` when some were left (claimed by another worker meanwhile, or failed); throws
 * the first failure once the in-flight sends are done.
 */
async function sendPage(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  kind: MailKind,
  page: LoadedPage,
  inFlight: number,
) {
  let next = 0;
  let outOfTime = false;
  let left = false;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < page.open.length && !failure) {
      if (!run.hasTime()) {
        outOfTime = true;
        return;
      }
      const invitation = page.open[next++] as Invitation;
      const key = invitation.respondentKey;
      try {
        const outcome = await deliverMail(
          deps,
          run,
          round,
          invitation,
          kind,
          page.people.get(key),
          page.suppressed.has(key),
        );
        if (outcome !== 'sent' && outcome !== 'skipped') left = true;
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, page.open.length) }, worker));
  if (failure) throw failure.error;
  return outOfTime ? 'stopped' : left ? 'open' : 'settled';
}

/** A round's share of one rotation: how many mails it may send before the next round's turn, how many at once. */
export interface Turn {
  /** The share of a pass's first turn (no cursor saved yet): small, so every round is reached soon. */
  firstMails: number;
  mails: number;
  inFlight: number;
}

/**
 * `done`: every invitation is settled for this kind. `more`: the turn's share is used, the round wants another
 * turn. `stopped`: out of time, or a page another worker (or a crashed run) still holds: a later run resumes.
 */
export type PassOutcome = 'done' | 'more' | 'stopped';

/**
 * Mails one kind (invitation or a reminder) to the invitations of a round, page by page, up to the turn's share.
 * The cursor moves past a page only once every invitation on it is settled (sent, skipped, or answered for
 * reminders): a page another worker is still sending, or one a crashed run left claimed, is taken up again,
 * after its lease, by a later run. The next page is read while this one sends, so page boundaries cost the pace
 * nothing. Memory holds two pages at most.
 */
export async function runMailPass(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  kind: MailKind,
  turn: Turn,
): Promise<PassOutcome> {
  const cursorField = `${kind}Cursor` as keyof RoundProgress;
  let cursor = round.progress[cursorField] as string | undefined;
  let left = cursor === undefined ? turn.firstMails : turn.mails;
  // Pages are read ahead; a pass that stops before awaiting one must not leave its failure unhandled.
  const readAhead = (from: string | undefined, size: number) => {
    const loading = loadPage(deps, round, kind, from, size);
    loading.catch(() => {});
    return loading;
  };
  if (!run.hasTime()) return 'stopped';
  let size = Math.min(PAGE, left);
  let loading = readAhead(cursor, size);
  while (run.hasTime()) {
    const page = await loading;
    const after = left - page.open.length;
    if (page.cursor && after > 0) loading = readAhead(page.cursor, Math.min(PAGE, after));
    const sent = page.open.length > 0 ? await sendPage(deps, run, round, kind, page, turn.inFlight) : 'open';
    if (sent === 'stopped') return 'stopped';
    // Read the page again only where someone else may have left it unsettled: one query a turn less otherwise.
    if (page.pending && (sent === 'open' || page.heldElsewhere)) {
      const again = await deps.invitations.page(round.id, cursor, size);
      if (!again.items.every((invitation) => settled(invitation, kind))) return 'stopped';
    }
    cursor = page.cursor;
    if (!cursor) {
      await deps.rounds.updateProgress(round.orgId, round.id, { [`${kind}Done`]: true });
      return 'done';
    }
    left = after;
    // Past a page that had work, and at the end of the turn: a page found settled is cheap to read again.
    if (page.pending || left <= 0)
      await deps.rounds.updateProgress(round.orgId, round.id, { [cursorField]: cursor });
    if (left <= 0) return 'more';
    size = Math.min(PAGE, left);
  }
  return 'stopped';
}
