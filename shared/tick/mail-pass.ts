import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round, RoundProgress } from '../rounds/round.js';
import { deliverMail } from './deliver-mail.js';
import type { TickDeps, TickRun } from './tick-deps.js';

const PAGE = 100;
const MAIL_CONCURRENCY = 8;

const settled = (invitation: Invitation, kind: MailKind) => {
  const state = invitation.mails[kind]?.state;
  return state === 'sent' || state === 'skipped' || (kind !== 'invite' && invitation.answered === true);
};

/**
 * Mails one kind (invitation or a reminder) to every invitation of a round, page by page. The cursor moves past
 * a page only once every invitation on it is settled (sent, skipped, or answered for reminders): a page another
 * tick is still sending, or one a crashed tick left claimed, is taken up again, after its lease, by a later run.
 * Memory holds one page at a time. Returns true when the pass is complete.
 */
export async function runMailPass(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  kind: MailKind,
): Promise<boolean> {
  const cursorField = `${kind}Cursor` as keyof RoundProgress;
  let cursor = round.progress[cursorField] as string | undefined;
  while (run.hasTime()) {
    const page = await deps.invitations.page(round.id, cursor, PAGE);
    const open = page.items.filter((invitation) => !settled(invitation, kind));
    if (open.length > 0) {
      const respondentKeys = open.map((invitation) => invitation.respondentKey);
      const [people, suppressed] = await Promise.all([
        deps.respondents.getMany(round.orgId, respondentKeys),
        deps.suppressions.suppressedAmong(respondentKeys),
      ]);
      // A few sends in flight at once: each waits ~30 ms on SES, so one at a time caps a run far below the
      // quota. The pace itself still comes from run.nextMailSlot().
      for (let start = 0; start < open.length; start += MAIL_CONCURRENCY) {
        if (!run.hasTime()) return false;
        const batch = open.slice(start, start + MAIL_CONCURRENCY);
        const outcomes = await Promise.allSettled(
          batch.map((invitation) =>
            deliverMail(
              deps,
              run,
              round,
              invitation,
              kind,
              people.get(invitation.respondentKey),
              suppressed.has(invitation.respondentKey),
            ),
          ),
        );
        const failed = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
      }
      const again = await deps.invitations.page(round.id, cursor, PAGE);
      if (!again.items.every((invitation) => settled(invitation, kind))) return false;
    }
    cursor = page.cursor;
    if (!cursor) {
      await deps.rounds.updateProgress(round.orgId, round.id, { [`${kind}Done`]: true });
      return true;
    }
    await deps.rounds.updateProgress(round.orgId, round.id, { [cursorField]: cursor });
  }
  return false;
}
