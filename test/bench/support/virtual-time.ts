import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../../shared/common-ports.js';

interface Sleeper {
  at: number;
  order: number;
  wake: () => void;
}

/**
 * Simulated time for a run far longer than the bench may take (12 hours of sending at 14 mails a second): a
 * discrete-event clock. Time stands still while real work is in flight (code running, a request to dynalite);
 * once every task waits on `sleep`, the clock jumps to the earliest wake time and wakes that sleeper. So the
 * tick's own code and dynalite's real speed cost no simulated time at all; what costs time is only what the run
 * models: `sleep` (the quota's pacing, the modelled SES call) and `latencyMs` for every DynamoDB request
 * (`model(db)`). A modelled request issued at t answers at t + latencyMs whatever dynalite takes, so while it is
 * in flight the clock may still wake sleepers up to that time: other lanes' requests overlap it, as on AWS,
 * and the run goes as fast as dynalite allows. The figures are those of a machine as fast as the model says,
 * whatever the load on this one.
 */
export function virtualTime(start: number) {
  let now = start;
  /** When each modelled request in flight answers, in simulated time: the clock may not pass the earliest. */
  const answering: number[] = [];
  let order = 0;
  let stepping = false;
  const sleepers: Sleeper[] = [];

  // One setImmediate after the last wake: every microtask has run, so whoever is not waiting on a sleeper is
  // waiting on a modelled request.
  const step = () => {
    stepping = false;
    if (sleepers.length === 0) return;
    let first = 0;
    for (let i = 1; i < sleepers.length; i++) {
      const a = sleepers[i] as Sleeper;
      const b = sleepers[first] as Sleeper;
      if (a.at < b.at || (a.at === b.at && a.order < b.order)) first = i;
    }
    if (answering.length > 0 && (sleepers[first] as Sleeper).at > Math.min(...answering)) return;
    const [sleeper] = sleepers.splice(first, 1) as [Sleeper];
    now = Math.max(now, sleeper.at);
    sleeper.wake();
    wakeLater();
  };
  const wakeLater = () => {
    if (stepping) return;
    stepping = true;
    setImmediate(step);
  };

  const clock: Clock = { now: () => new Date(now) };
  const sleepUntil = (at: number) =>
    new Promise<void>((wake) => {
      sleepers.push({ at: Math.max(now, at), order: order++, wake });
      wakeLater();
    });
  const sleep = (ms: number) => sleepUntil(now + Math.max(0, ms));
  /** Runs `work` as one modelled request: its answer comes `latencyMs` of simulated time after it was sent. */
  async function call<T>(latencyMs: number, work: () => Promise<T>): Promise<T> {
    const at = now + latencyMs;
    answering.push(at);
    try {
      return await work();
    } finally {
      answering.splice(answering.indexOf(at), 1);
      await sleepUntil(at);
    }
  }
  /** Every request of this client answers `latencyMs` of simulated time after it was sent. */
  function model(db: DynamoDBDocumentClient, latencyMs: number) {
    db.middlewareStack.add((next) => (args) => call(latencyMs, () => next(args)), {
      name: 'virtualTime',
      step: 'initialize',
    });
  }
  return { clock, sleep, model, call, now: () => now };
}
export type VirtualTime = ReturnType<typeof virtualTime>;
