import type { MailBucket, MailQuotaStore } from '../../shared/tick/ports.js';

/** The send bucket in memory, with the same conditional write as the table's; counts writes for cost checks. */
export function memoryMailQuota() {
  let stored: MailBucket | undefined;
  const store: MailQuotaStore & { writes: number } = {
    writes: 0,
    async read() {
      return stored && { ...stored };
    },
    async replace(next, seenVersion) {
      if ((stored?.version ?? 0) !== seenVersion) return false;
      stored = { ...next };
      store.writes++;
      return true;
    },
  };
  return store;
}
