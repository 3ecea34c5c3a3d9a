/**
 * The single table: generic key attributes, one sparse index named after the access pattern it serves.
 * Shared by the CDK data stack, the local table bootstrap and the DynamoDB adapters so they cannot drift.
 * See docs/data-model.md for every entity and access pattern.
 */
export const TABLE_KEYS = { partition: 'pk', sort: 'sk' } as const;

/** Sparse index: organisations whose next round is due, and rounds the tick still has work on. */
export const WORK_QUEUE_INDEX = { name: 'work-queue', partition: 'wqpk', sort: 'wqsk' } as const;

/** Attribute DynamoDB TTL deletes by (epoch seconds). dynalite ignores it; production honours it. */
export const TTL_ATTRIBUTE = 'ttl';

/** Attribute naming the version of an item's stored shape (shared/adapters/dynamodb/item.ts). */
export const ENTITY_VERSION_ATTRIBUTE = 'entityVersion';

/** Answers of one round are spread over this many partitions so 2,000 answers/s stay far below 1,000 WCU each. */
export const ANSWER_SHARDS = 16;
/** Invitations too: each answer marks its invitation answered, at the same rate as the answers. */
export const INVITATION_SHARDS = 16;

/** The shard of a hex key (a keyed hash, so evenly spread). */
export const shardOf = (hexKey: string, shards: number) => Number.parseInt(hexKey.slice(0, 4), 16) % shards;

export const keys = {
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'META' }),
  /** An enrolment's Idempotency-Key, by its keyed hash; TTL removes it a day later. */
  idempotencyKey: (keyHash: string) => ({ pk: `IDEM#${keyHash}`, sk: 'META' }),
  apiKey: (orgId: string, keyId: string) => ({ pk: `ORG#${orgId}`, sk: `KEY#${keyId}` }),
  apiKeyPrefix: 'KEY#',
  respondent: (orgId: string, respondentKey: string) => ({ pk: `ORG#${orgId}`, sk: `RESP#${respondentKey}` }),
  respondentPrefix: 'RESP#',
  round: (orgId: string, roundId: string) => ({ pk: `ORG#${orgId}`, sk: `ROUND#${roundId}` }),
  roundPrefix: 'ROUND#',
  report: (orgId: string, roundId: string) => ({ pk: `ORG#${orgId}`, sk: `REPORT#${roundId}` }),
  /** A closed round's comment sample, apart from its report, per question in chunks under the item limit. */
  reportComments: (orgId: string, roundId: string, field: string, chunk: number) => ({
    pk: `ORG#${orgId}`,
    sk: `COMMENTS#${roundId}#${field}#${String(chunk).padStart(3, '0')}`,
  }),
  reportCommentsPrefix: (roundId: string) => `COMMENTS#${roundId}#`,
  reportPrefix: 'REPORT#',
  trendPoint: (orgId: string, roundId: string) => ({ pk: `ORG#${orgId}`, sk: `TREND#${roundId}` }),
  trendPrefix: 'TREND#',
  invitation: (roundId: string, respondentKey: string) => ({
    pk: `RINV#${roundId}#${shardOf(respondentKey, INVITATION_SHARDS)}`,
    sk: respondentKey,
  }),
  invitationPartition: (roundId: string, shard: number) => `RINV#${roundId}#${shard}`,
  answer: (roundId: string, answerKey: string) => ({
    pk: `RANS#${roundId}#${shardOf(answerKey, ANSWER_SHARDS)}`,
    sk: answerKey,
  }),
  answerPartition: (roundId: string, shard: number) => `RANS#${roundId}#${shard}`,
  token: (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'META' }),
  suppression: (respondentKey: string) => ({ pk: `SUPPRESS#${respondentKey}`, sk: 'META' }),
  /** An unsubscribe from one organisation, kept apart from the respondent so erasure does not undo it. */
  unsubscribed: (orgId: string, respondentKey: string) => ({
    pk: `ORG#${orgId}`,
    sk: `UNSUBSCRIBED#${respondentKey}`,
  }),
  benchmark: (orgId: string) => ({ pk: 'BENCHMARK', sk: orgId }),
  valueList: (orgId: string, listId: string) => ({ pk: `ORG#${orgId}`, sk: `VALUELIST#${listId}` }),
  tickState: { pk: 'TICK', sk: 'STATE' },
  /** The account-wide send-rate bucket every tick worker shares. */
  mailQuota: { pk: 'TICK', sk: 'MAIL_QUOTA' },
  /** A fixed-window rate counter: the window's length and start are part of the key. */
  rate: (key: string, windowSeconds: number, windowStart: number) => ({
    pk: `RATE#${key}#${windowSeconds}#${windowStart}`,
    sk: 'META',
  }),
  benchmarkPartition: 'BENCHMARK',
} as const;

export const workQueue = {
  organisationDue: 'ORG_DUE',
  roundActive: 'ROUND_ACTIVE',
} as const;

/** Actions live under their organisation, grouped by round, so a round's list and the organisation's are one query each. */
export const actionKeys = {
  action: (orgId: string, roundId: string, actionId: string) => ({
    pk: `ORG#${orgId}`,
    sk: `ACTION#${roundId}#${actionId}`,
  }),
  roundPrefix: (roundId: string) => `ACTION#${roundId}#`,
  prefix: 'ACTION#',
} as const;

/** A fixed-window counter shared by every Lambda container (guessing limits); TTL removes it after its window. */
export const counterKey = (name: string, windowStart: number) => ({
  pk: `COUNTER#${name}`,
  sk: `W#${windowStart}`,
});
