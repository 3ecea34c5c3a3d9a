import { describe, expect, it } from 'vitest';
import { createMemoryMailQuotaStore } from '../../shared/adapters/memory/tick-state.js';
import {
  createMailQuota,
  QUOTA_BATCH_MIN,
  QUOTA_BATCH_MS,
  QUOTA_BURST_MS,
} from '../../shared/tick/mail-quota.js';
import { manualClock } from '../support/clock.js';

describe('the account-wide send bucket', () => {
  it('writes the bucket once a batch of sends, not once a mail, when sending at the quota', async () => {
    const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
    const store = createMemoryMailQuotaStore();
    const requests = { read: 0, replace: 0 };
    const counted = {
      read() {
        requests.read++;
        return store.read();
      },
      replace(...args: Parameters<typeof store.replace>) {
        requests.replace++;
        return store.replace(...args);
      },
    };
    const sleep = async (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());
    const rate = 200;
    const quota = createMailQuota({ mailQuota: counted, clock, sleep, mailRatePerSecond: rate });
    const start = clock.now().getTime();

    for (let i = 0; i < 2_000; i++) await quota.take();
    const seconds = (clock.now().getTime() - start) / 1000;

    // A batch is 100 ms of sends (20 at 200/s): about 100 writes for 2,000 mails.
    const batch = (rate * QUOTA_BATCH_MS) / 1000;
    expect(requests.replace).toBeLessThanOrEqual(Math.ceil(2_000 / batch) + 2);
    // And never above the rate: all but the bucket's first fill came at 200 a second.
    expect(seconds).toBeGreaterThanOrEqual((2_000 - (rate * QUOTA_BURST_MS) / 1000 - batch) / rate);
  });

  it('writes the bucket once every ten sends or more at a low rate, and still paces each send', async () => {
    const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
    const store = createMemoryMailQuotaStore();
    const sleep = async (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());
    const quota = createMailQuota({ mailQuota: store, clock, sleep, mailRatePerSecond: 14 });
    const times: number[] = [];

    for (let i = 0; i < 200; i++) {
      await quota.take();
      times.push(clock.now().getTime());
    }

    expect(store.writes).toBeLessThanOrEqual(Math.ceil(200 / QUOTA_BATCH_MIN) + 1);
    // Past the bucket's first few (its burst), one send every 1/14 s, not ten at once.
    const gaps = times.slice(10).map((t, i) => t - (times[i + 9] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.floor(1000 / 14));
  });

  it('waits at most one batch for a bucket left far below zero by a higher rate', async () => {
    const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
    const store = createMemoryMailQuotaStore();
    // A run with no rate limit reserved 100,000 sends a moment ago; the rate is 14/s now.
    await store.replace({ tokens: -100_000, at: clock.now().getTime(), version: 1 }, 0);
    const sleep = async (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());
    const quota = createMailQuota({ mailQuota: store, clock, sleep, mailRatePerSecond: 14 });
    const start = clock.now().getTime();

    await quota.take();

    expect(clock.now().getTime() - start).toBeLessThanOrEqual(((2 * QUOTA_BATCH_MIN) / 14) * 1000 + 1);
  });
});
