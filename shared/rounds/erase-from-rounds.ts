import type { TokenStore } from '../tokens/ports.js';
import type { InvitationStore, RoundStore } from './ports.js';

/**
 * Erasure's step in the rounds (see eraseRespondent): every invitation of the person goes, with the link tokens it handed out, so nothing
 * joins them to a round any more. Every round still counts them as invited, and as answered if they had, so
 * no published count changes with an erasure. Their answers stay: those never held identity.
 */
export async function eraseFromRounds(
  deps: { rounds: RoundStore; invitations: InvitationStore; tokens: TokenStore },
  orgId: string,
  respondentKey: string,
): Promise<void> {
  for (const round of await deps.rounds.list(orgId)) {
    const removed = await deps.invitations.delete(round.id, respondentKey);
    if (!removed) continue;
    for (const tokenHash of removed.tokenHashes) await deps.tokens.delete(tokenHash);
    // Counted in every round, reported or not, so no count a reader has seen ever moves.
    if (removed.invited)
      await deps.rounds.countErasedInvitation(orgId, round.id, removed.answered, removed.byCode);
  }
}
