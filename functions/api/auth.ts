import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../shared/deps.js';
import { authorise, type Role } from '../../shared/organisations/api-key.js';
import { authenticate } from '../../shared/organisations/manage-api-keys.js';
import type { AppEnv } from './env.js';

export const ADMIN = ['admin'] as const satisfies Role[];
export const READERS = ['admin', 'analyst'] as const satisfies Role[];

/** Checks the bearer key before the route reads anything, so a wrong key learns nothing about the organisation. */
export function requireKey(deps: Deps, roles: readonly Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const caller = await authenticate(deps, presented);
    authorise(caller, c.req.param('orgId') ?? '', roles);
    c.set('caller', caller);
    await next();
  });
}
