import type { MailBucket, MailQuotaStore, TickState, TickStateStore } from '../../tick/ports.js';

/** The tick's mode: goes idle only if no wake came since the one the tick read. */
export function createMemoryTickStateStore(): TickStateStore {
  let state: TickState = { idle: false };
  return {
    async get() {
      return { ...state };
    },
    async markWoken(at) {
      state = { wokenAt: at, idle: false };
    },
    async markActive() {
      state = { ...state, idle: false };
    },
    async markIdle(wokenAt) {
      if (state.wokenAt !== wokenAt) return false;
      state = { ...state, idle: true };
      return true;
    },
  };
}

/** The send bucket, with the table's conditional write; counts writes for cost checks. */
export function createMemoryMailQuotaStore() {
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
