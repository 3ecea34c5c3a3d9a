import type { Invitation, MailKind } from '../rounds/invitation.js';
import type { Round } from '../rounds/round.js';
import { linkKey } from '../tokens/link-key.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/** Stores an answer token by its hash for this invitation: a link's (default) or a personal code's. */
export function putAnswerToken(
  deps: Pick<TickDeps, 'tokens'>,
  round: Round,
  invitation: Invitation,
  tokenHash: string,
  via?: 'code',
): Promise<void> {
  return deps.tokens.put({
    kind: 'answer',
    tokenHash,
    orgId: round.orgId,
    roundId: round.id,
    respondentKey: invitation.respondentKey,
    segments: invitation.segments,
    expiresAt: round.closesAt,
    ...(via ? { via } : {}),
  });
}

/** A fresh personal link (256 bits from the CSPRNG), stored only under its key (a hash); returns the link's URL. */
export async function newAnswerLink(
  deps: Pick<TickDeps, 'tokens' | 'secrets' | 'publicUrl'>,
  round: Round,
  invitation: Invitation,
): Promise<{ url: string; tokenHash: string }> {
  const token = `${round.orgId}.${round.id}.${deps.secrets.newSecret()}`;
  const tokenHash = linkKey(token);
  await putAnswerToken(deps, round, invitation, tokenHash);
  return { url: `${deps.publicUrl}/r/${token}`, tokenHash };
}

/** Settles a mail that went another way than e-mail (an SMS, a code on paper) as sent, with its token, and counts it. */
export async function settleSentBy(
  deps: Pick<TickDeps, 'invitations'>,
  run: TickRun,
  round: Round,
  invitation: Invitation,
  kind: MailKind,
  tokenHash: string,
  channel: 'sms' | 'code',
): Promise<'sent'> {
  await deps.invitations.settleMail(round.id, invitation.respondentKey, kind, {
    state: 'sent',
    tokenHash,
    channel,
  });
  run.stats.sent++;
  return 'sent';
}
