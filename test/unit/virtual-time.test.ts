import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { virtualTime } from '../bench/support/virtual-time.js';

/** A client whose every request takes `realMs` of real time before the middleware's model applies. */
function modelledClient(time: ReturnType<typeof virtualTime>, latencyMs: number, realMs: number) {
  let handler: (args: unknown) => Promise<unknown> = async () => undefined;
  const db = {
    middlewareStack: {
      add(middleware: (next: (args: unknown) => Promise<unknown>) => typeof handler) {
        handler = middleware(() => new Promise((resolve) => setTimeout(() => resolve('answer'), realMs)));
      },
    },
  } as unknown as DynamoDBDocumentClient;
  time.model(db, latencyMs);
  return () => handler({});
}

describe("the bench's simulated time", () => {
  it('wakes sleepers in order of their wake time, jumping straight to it', async () => {
    const time = virtualTime(1_000);
    const woke: [string, number][] = [];
    const real = Date.now();

    await Promise.all(
      (
        [
          ['late', 60_000],
          ['early', 5],
          ['middle', 3_000],
        ] as const
      ).map(([name, ms]) => time.sleep(ms).then(() => woke.push([name, time.now()]))),
    );

    expect(woke).toEqual([
      ['early', 1_005],
      ['middle', 4_000],
      ['late', 61_000],
    ]);
    expect(Date.now() - real).toBeLessThan(1_000);
  });

  it('costs a request its modelled latency however long the real one takes, and holds the clock until it answers', async () => {
    const time = virtualTime(0);
    const request = modelledClient(time, 5, 50);
    const seen: [string, number][] = [];

    await Promise.all([
      request().then(() => seen.push(['request', time.now()])),
      // Wakes before the request answers in simulated time: may run while the real request is in flight.
      time.sleep(3).then(() => seen.push(['before', time.now()])),
      // Wakes after it: must wait for the real answer, however long, and come after it.
      time.sleep(6).then(() => seen.push(['after', time.now()])),
    ]);

    expect(seen).toEqual([
      ['before', 3],
      ['request', 5],
      ['after', 6],
    ]);
  });

  it('lets requests sent at the same moment overlap, as on AWS: two take one latency, not two', async () => {
    const time = virtualTime(0);
    const request = modelledClient(time, 5, 20);

    await Promise.all([request(), request()]);
    await request();

    expect(time.now()).toBe(10);
  });
});
