import { encodeCursor } from '../../../shared/adapters/cursor.js';
import { createMemoryInvitationStore } from '../../../shared/adapters/memory/invitation-store.js';
import { INVITATION_SHARDS, shardOf } from '../../../shared/db/table.js';
import type { InvitationStore } from '../../../shared/rounds/ports.js';

/**
 * The memory invitation store paged as the DynamoDB adapter pages (adapters/dynamodb/sharded-page.ts): a round's
 * invitations in INVITATION_SHARDS partitions by the same key hash, a page never crossing one, shard after shard;
 * and a page that reached its limit always comes with a cursor, as a Query that reached its Limit returns a
 * LastEvaluatedKey even when nothing follows. So the tick makes the same page calls it makes against the table.
 * Each shard is a memory store of its own (the contract-tested adapter), under the round id and shard.
 */
export function shardedMemoryInvitations(): InvitationStore {
  const store = createMemoryInvitationStore();
  const partition = (roundId: string, respondentKey: string) =>
    `${roundId}#${shardOf(respondentKey, INVITATION_SHARDS)}`;
  return {
    create: (invitation) =>
      store.create({ ...invitation, roundId: partition(invitation.roundId, invitation.respondentKey) }),
    async page(roundId, cursor, limit) {
      const [shard, after] = cursor ? (JSON.parse(cursor) as [number, string | null]) : [0, null];
      const page = await store.page(`${roundId}#${shard}`, after ?? undefined, limit);
      const items = page.items.map((invitation) => ({ ...invitation, roundId }));
      const last = items.at(-1);
      const within =
        page.cursor ?? (last && items.length === limit ? encodeCursor(last.respondentKey) : undefined);
      const next = within ? [shard, within] : shard + 1 < INVITATION_SHARDS ? [shard + 1, null] : undefined;
      return { items, ...(next ? { cursor: JSON.stringify(next) } : {}) };
    },
    claimMail: (roundId, respondentKey, ...rest) =>
      store.claimMail(partition(roundId, respondentKey), respondentKey, ...rest),
    settleMail: (roundId, respondentKey, ...rest) =>
      store.settleMail(partition(roundId, respondentKey), respondentKey, ...rest),
    markAnswered: (roundId, respondentKey, via) =>
      store.markAnswered(partition(roundId, respondentKey), respondentKey, via),
    async delete(roundId, respondentKey) {
      const erased = await store.delete(partition(roundId, respondentKey), respondentKey);
      return erased && { ...erased, roundId };
    },
  };
}

/** DynamoDB requests one port call makes against the table, and how many of them go one after another. */
export interface RequestCost {
  requests: number;
  sequential: number;
}

const keysOf = (args: unknown[]) => (args[1] as string[]).length;

/**
 * What each port method costs as the DynamoDB adapters make it: one request, except the batched reads
 * (adapters/dynamodb/batch.ts: 100 keys a BatchGetItem, respondents' chunks one after another, bounces and
 * unsubscribes in one key list with their chunks in parallel). Checked against the dynalite run's count by
 * command and method (row 10 prints both).
 */
export function requestCost(label: string, args: unknown[]): RequestCost {
  if (label === 'respondents.getMany') {
    const n = Math.ceil(keysOf(args) / 100);
    return { requests: n, sequential: n };
  }
  if (label === 'suppressions.suppressedAmong') {
    const n = Math.ceil((2 * keysOf(args)) / 100);
    return { requests: n, sequential: Math.min(1, n) };
  }
  return { requests: 1, sequential: 1 };
}
