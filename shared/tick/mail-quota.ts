import type { Clock } from '../common-ports.js';
import type { MailBucket, MailQuotaStore } from './ports.js';

/** A take reserves this much time's worth of sends with one write: about ten writes a second at high rates… */
export const QUOTA_BATCH_MS = 100;
/**
 * …and at least this many sends, so at low rates the item is not written every mail or two (14/s: one write a
 * batch of 10, 0.7 s of sends, not of 2). Slots not yet come in are sent when they do: a larger batch never sends
 * faster, it only holds the next slots for one worker.
 */
export const QUOTA_BATCH_MIN = 10;
/** The bucket holds at most this much time's worth of sends: any second carries at most the rate plus this. */
export const QUOTA_BURST_MS = 200;

export interface MailQuotaDeps {
  mailQuota: MailQuotaStore;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  mailRatePerSecond: number;
}

/** One worker's access to the account-wide send rate. */
export interface MailQuota {
  /** Resolves when this worker may send one more mail without the account going over its rate. */
  take(): Promise<void>;
}

/** Tokens in the bucket at `now`: what was left, plus the rate since, up to the capacity. */
export function tokensAt(bucket: MailBucket | undefined, now: number, perMs: number, capacity: number) {
  if (!bucket) return capacity;
  return Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
}

/**
 * A token bucket in one table item, shared by every tick worker (docs/decisions.md, issue 18): a take reads the
 * bucket (or trusts its own last write), refills it for the time passed, and writes it back less a batch of
 * tokens, on the condition that nobody wrote since; a lost race re-reads. A batch may be taken before all of it
 * has come in: the bucket goes below zero and each slot of the batch is sent at the time its token comes in, so
 * sends stay evenly paced and the item sees one write a batch (about ten a second) at the quota, however many
 * workers and mails there are. A bucket below zero is someone's batch still coming in: the others wait until it
 * has. Tokens a worker holds when its run ends are lost: the account sends a little less, never more.
 */
export function createMailQuota(deps: MailQuotaDeps): MailQuota {
  const perMs = deps.mailRatePerSecond / 1000;
  const batch = Math.max(QUOTA_BATCH_MIN, Math.ceil(perMs * QUOTA_BATCH_MS));
  const capacity = Math.max(1, Math.ceil(perMs * QUOTA_BURST_MS));
  /** When each slot this worker took comes in (epoch ms), earliest first. */
  const slots: number[] = [];
  let known: MailBucket | undefined;
  let trusted = false;
  let queue: Promise<void> = Promise.resolve();
  // A wait counts as time passed even on a clock that has not moved (a test's): the same on a real one.
  let waitedUntil = 0;
  const now = () => Math.max(deps.clock.now().getTime(), waitedUntil);
  const sleepUntil = async (at: number) => {
    const from = now();
    waitedUntil = Math.max(waitedUntil, at);
    if (at > from) await deps.sleep(at - from);
  };

  async function fill() {
    for (;;) {
      const seen = trusted ? known : await deps.mailQuota.read();
      const at = now();
      // A debt deeper than one batch at this rate was taken at a higher one (a rate lowered since, or a local run
      // with no limit): never make a worker wait for more than a batch of it.
      const tokens = Math.max(-batch, tokensAt(seen, at, perMs, capacity));
      if (tokens < 0) {
        // Another batch is still coming in. Our copy may be stale; the conditional write after the wait tells.
        known = seen && { ...seen, tokens, at };
        trusted = true;
        await sleepUntil(at + Math.ceil(-tokens / perMs));
        continue;
      }
      const next = {
        tokens: tokens - batch,
        at: Math.max(at, seen?.at ?? at),
        version: (seen?.version ?? 0) + 1,
      };
      if (await deps.mailQuota.replace(next, seen?.version ?? 0)) {
        known = next;
        trusted = true;
        // Token k of the batch is there now if the bucket held it, else once the rate has brought it in.
        for (let k = 1; k <= batch; k++) slots.push(at + Math.max(0, Math.ceil((k - tokens) / perMs)));
        return;
      }
      trusted = false;
    }
  }

  return {
    take() {
      // One take at a time per worker: concurrent senders queue behind the batch being fetched.
      const turn = queue.then(async () => {
        if (slots.length === 0) await fill();
        await sleepUntil(slots.shift() as number);
      });
      queue = turn.catch(() => {});
      return turn;
    },
  };
}
