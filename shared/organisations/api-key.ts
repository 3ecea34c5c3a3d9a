import * as z from 'zod/mini';
import { forbidden } from '../errors.js';

export const RoleSchema = z.enum(['admin', 'analyst']);
export type Role = z.infer<typeof RoleSchema>;
export const CreateKeySchema = z.strictObject({ role: RoleSchema });

export interface ApiKeyRecord {
  orgId: string;
  keyId: string;
  role: Role;
  hash: string;
  createdAt: string;
  revokedAt?: string;
}

export interface Caller {
  orgId: string;
  keyId: string;
  role: Role;
}

/** The caller may act on `orgId` with one of `roles`; otherwise 403 (a key of another organisation included). */
export function authorise(caller: Caller, orgId: string, roles: readonly Role[]): void {
  if (caller.orgId !== orgId) throw forbidden('This key belongs to another organisation');
  if (!roles.includes(caller.role)) throw forbidden(`This needs an ${roles.join(' or ')} key`);
}
