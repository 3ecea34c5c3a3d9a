import type { ApiKeyRecord } from '../../organisations/api-key.js';
import type { ApiKeyStore } from '../../organisations/ports.js';
import { byKey, copy } from './copy.js';

export function createMemoryApiKeyStore(): ApiKeyStore {
  const keys = new Map<string, ApiKeyRecord>();
  const id = (orgId: string, keyId: string) => `${orgId}#${keyId}`;
  return {
    async create(record) {
      if (keys.has(id(record.orgId, record.keyId))) throw new Error('An API key with this id exists');
      keys.set(id(record.orgId, record.keyId), copy(record));
    },
    async get(orgId, keyId) {
      const record = keys.get(id(orgId, keyId));
      return record && copy(record);
    },
    async list(orgId) {
      return byKey(keys)
        .filter(([, record]) => record.orgId === orgId)
        .map(([, record]) => copy(record));
    },
    async revoke(orgId, keyId, revokedAt) {
      const record = keys.get(id(orgId, keyId));
      if (!record) return false;
      record.revokedAt ??= revokedAt;
      return true;
    },
  };
}
