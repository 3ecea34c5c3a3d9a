import type * as z from 'zod/mini';
import { ENTITY_VERSION_ATTRIBUTE } from '../../db/table.js';

/**
 * The version of each entity's stored shape. Every item is written with its entity's version; a reader parses
 * an item with its schema and refuses a version newer than it knows. Items written before versions existed
 * carry none and read as version 1: version 1 is exactly the shape this code wrote then (docs/decisions.md).
 */
export const ENTITY_VERSIONS = {
  organisation: 1,
  apiKey: 1,
  respondent: 1,
  round: 1,
  invitation: 1,
  answer: 1,
  token: 1,
  suppression: 1,
  unsubscribed: 1,
  report: 1,
  reportComments: 1,
  trendPoint: 1,
  benchmark: 1,
  valueList: 1,
  action: 1,
  idempotencyKey: 1,
  tickState: 1,
  mailQuota: 1,
  counter: 1,
  rate: 1,
} as const;
export type EntityName = keyof typeof ENTITY_VERSIONS;

/** The attributes that name an item's entity and the version of its shape: spread into every item written. */
export const stamp = (entity: EntityName) => ({
  entity,
  [ENTITY_VERSION_ATTRIBUTE]: ENTITY_VERSIONS[entity],
});

/** Reads an item back as its entity: checks the version, then parses it (the table's own attributes dropped). */
export function fromItem<T>(entity: EntityName, schema: z.ZodMiniType<T>, item: Record<string, unknown>): T {
  const version = item[ENTITY_VERSION_ATTRIBUTE] ?? 1;
  if (version !== ENTITY_VERSIONS[entity])
    throw new Error(
      `A ${entity} item of version ${String(version)}: this code reads ${ENTITY_VERSIONS[entity]}`,
    );
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    // Paths only: a stored value may be personal data, and this message reaches the logs.
    throw new Error(`A ${entity} item does not match its schema at: ${where}`);
  }
  return parsed.data;
}

/** Compile-time check that a schema reads every field of its entity, optional ones too (the output type is checked by the annotation). */
export type ReadsEvery<Entity, Parsed> =
  Exclude<keyof Entity, keyof Parsed> extends never ? true : { missing: Exclude<keyof Entity, keyof Parsed> };

/** For items an update may create (counters, the tick's state): the stamp as a SET clause and its values. */
export const stampOnUpdate = (entity: EntityName) => ({
  clause: `entity = :entity, ${ENTITY_VERSION_ATTRIBUTE} = :entityVersion`,
  values: { ':entity': entity, ':entityVersion': ENTITY_VERSIONS[entity] },
});
