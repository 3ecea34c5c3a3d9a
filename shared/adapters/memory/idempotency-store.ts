import type { IdempotencyRecord, IdempotencyStore } from '../../idempotency/idempotent.js';
import { copy } from './copy.js';

/** Idempotency keys: a claim holds while it is live; an expired key, or a pending one past its lease, is free. */
export function createMemoryIdempotencyStore(): IdempotencyStore {
  const records = new Map<string, IdempotencyRecord>();
  return {
    async claim(record, now) {
      const held = records.get(record.keyHash);
      const free = !held || held.expiresAt < now || (held.state === 'pending' && held.leaseUntil < now);
      if (!free) return false;
      records.set(record.keyHash, copy(record));
      return true;
    },
    async get(keyHash) {
      const record = records.get(keyHash);
      return record && copy(record);
    },
    async complete(keyHash, claimId, result) {
      const record = records.get(keyHash);
      if (record?.claimId !== claimId) throw new Error('The idempotency key is held by another claim');
      Object.assign(record, { state: 'done', status: result.status, sealedBody: result.sealedBody });
    },
    async release(keyHash, claimId) {
      if (records.get(keyHash)?.claimId === claimId) records.delete(keyHash);
    },
  };
}
