import type { Context } from 'hono';
import type { Deps } from '../../shared/deps.js';
import { DomainError } from '../../shared/errors.js';
import { authorise, type Role } from '../../shared/organisations/api-key.js';
import { authenticate } from '../../shared/organisations/manage-api-keys.js';
import type { AppEnv } from './env.js';

/** Checks the bearer key before the route reads anything, so a wrong key learns nothing about the organisation. */
export async function checkKey(deps: Deps, c: Context<AppEnv>, roles: readonly Role[]) {
  const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const caller = await authenticate(deps, presented);
  authorise(caller, c.req.param('orgId') ?? '', roles);
  c.set('caller', caller);
}

/** Enrolment is open unless ENROLMENT_KEY is set; then only the operator's key may enrol (docs/decisions.md). */
export function checkEnrolmentPolicy(deps: Deps, c: Context<AppEnv>) {
  const operatorKey = deps.config.enrolmentKey;
  const operator = operatorKey !== undefined && c.req.header('authorization') === `Bearer ${operatorKey}`;
  if (operatorKey && !operator)
    throw new DomainError('unauthorised', 'Enrolment needs the operator key on this deployment');
  c.set('operator', operator);
}
