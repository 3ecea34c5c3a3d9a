import type { Clock } from '../common-ports.js';
import { forbidden, notFound, unauthorised } from '../errors.js';
import type { Secrets } from '../security/secrets.js';
import type { ApiKeyRecord, Caller, Role } from './api-key.js';
import type { ApiKeyStore } from './ports.js';

interface KeyDeps {
  apiKeys: ApiKeyStore;
  secrets: Secrets;
  clock: Clock;
}

/**
 * A key reads `kp.<orgId>.<keyId>.<secret>`: the ids let us fetch the one record to compare with, so a key is
 * checked with one read and a constant-time comparison of hashes, and a key of another organisation is refused
 * before anything about the requested organisation is read.
 */
const KEY_PATTERN = /^kp\.([A-Za-z0-9_]{1,64})\.([A-Za-z0-9_]{1,64})\.([A-Za-z0-9_-]{43})$/;

/** Creates a key; the plain key is returned once and never stored. */
export async function createApiKey(deps: KeyDeps, orgId: string, role: Role) {
  const keyId = deps.secrets.newId('key');
  const secret = deps.secrets.newSecret();
  const record: ApiKeyRecord = {
    orgId,
    keyId,
    role,
    hash: deps.secrets.hash(secret),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.apiKeys.create(record);
  return { id: keyId, role, createdAt: record.createdAt, key: `kp.${orgId}.${keyId}.${secret}` };
}

/** Resolves a bearer key to its caller, or throws 401. Never says whether the organisation exists. */
export async function authenticate(deps: KeyDeps, presented: string | undefined): Promise<Caller> {
  const match = presented ? KEY_PATTERN.exec(presented) : null;
  if (!match) throw unauthorised();
  const [, orgId, keyId, secret] = match as unknown as [string, string, string, string];
  const record = await deps.apiKeys.get(orgId, keyId);
  const presentedHash = deps.secrets.hash(secret);
  if (!record || record.revokedAt || !deps.secrets.equal(presentedHash, record.hash)) throw unauthorised();
  return { orgId, keyId, role: record.role };
}

export async function listApiKeys(deps: KeyDeps, orgId: string) {
  const records = await deps.apiKeys.list(orgId);
  return records.map(({ keyId, role, createdAt, revokedAt }) => ({ id: keyId, role, createdAt, revokedAt }));
}

/** Revokes a key. A caller cannot revoke the key it is using: that would lock an organisation out by accident. */
export async function revokeApiKey(deps: KeyDeps, caller: Caller, keyId: string) {
  if (keyId === caller.keyId) throw forbidden('A key cannot revoke itself; use another admin key');
  const revoked = await deps.apiKeys.revoke(caller.orgId, keyId, deps.clock.now().toISOString());
  if (!revoked) throw notFound('Key');
}
