import { type IdempotencyDeps, idempotent } from '../idempotency/idempotent.js';
import { createOrganisation, type OrganisationDeps } from './create-organisation.js';
import type { CreateOrganisationInput } from './organisation.js';

/**
 * Enrolment, the whole operation. 1. without an Idempotency-Key: create the organisation  2. with one: create it
 * once per key and request for a day; a retry with the same key and body gets the same organisation and admin
 * key, marked replayed (docs/decisions.md). The admin key's id stays inside.
 */
export async function enrolOrganisation(
  deps: OrganisationDeps & IdempotencyDeps,
  input: CreateOrganisationInput,
  idempotencyKey: string | undefined,
) {
  const enrol = async () => {
    const { adminKeyId: _id, ...created } = await createOrganisation(deps, input);
    return { status: 201 as const, body: created };
  };
  if (idempotencyKey === undefined) return { body: (await enrol()).body, replayed: false };
  const response = await idempotent(deps, idempotencyKey, `enrol\0${JSON.stringify(input)}`, enrol);
  return { body: response.body, replayed: response.replayed };
}
