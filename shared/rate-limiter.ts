import type { Clock } from './common-ports.js';
import { DomainError } from './errors.js';
import type { SecretsSource } from './security/secrets.js';

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the window that refused ends; 0 when allowed. */
  retryAfter: number;
}

/**
 * Fixed-window counters kept in the table, so a limit holds across every Lambda container (a process's memory
 * would give each warm container its own count). `key` names what is counted; it never holds personal data.
 */
export interface RateCounter {
  /** Counts one hit of `key` in the current window of `windowSeconds`; refused once `limit` hits were counted. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateVerdict>;
}

export interface RateWindow {
  limit: number;
  windowSeconds: number;
}

/** A 429 that says when to come back (the API sends it as Retry-After). */
export class RateLimited extends DomainError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super('rate_limited', message);
  }
}

/** A named limit on one kind of subject (a client address, an e-mail address, an organisation id). */
export interface Limit {
  /** Counts one hit against every window; refused when any window is used up. */
  hit(subject: string): Promise<RateVerdict>;
}

/**
 * A limit of one or more windows (e.g. 3 an hour and 10 a day). The subject is keyed-hashed into the counter's
 * key, so addresses never reach the table. A refused window does not undo the hits the others counted.
 */
export function createLimit(
  counter: RateCounter,
  secrets: SecretsSource,
  name: string,
  windows: RateWindow[],
): Limit {
  return {
    async hit(subject) {
      const key = `${name}#${(await secrets).hash(`rate:${name}:${subject}`).slice(0, 32)}`;
      const verdicts = await Promise.all(windows.map((w) => counter.hit(key, w.limit, w.windowSeconds)));
      const refused = verdicts.filter((v) => !v.allowed);
      return refused.length === 0
        ? { allowed: true, retryAfter: 0 }
        : { allowed: false, retryAfter: Math.max(...refused.map((v) => v.retryAfter)) };
    },
  };
}

/** Counts only failures (unknown links): the table is written on a failure, never read on a success. */
export interface FailureLimit {
  /** Seconds this process knows `subject` must wait, without a table call; 0 when not known to be blocked. */
  blockedFor(subject: string): number;
  /** Counts one failure in the table; refused (and remembered here) once the subject used up its window. */
  fail(subject: string): Promise<RateVerdict>;
}

/**
 * A failure limit over the table. The verdict is remembered in this process until its window ends, so a blocked
 * client costs no DynamoDB call here; another container learns it on that client's next failure there.
 */
export function createFailureLimit(limit: Limit, clock: Clock, maxRemembered = 10_000): FailureLimit {
  const blockedUntil = new Map<string, number>();
  return {
    blockedFor(subject) {
      const until = blockedUntil.get(subject);
      if (until === undefined) return 0;
      const left = Math.ceil((until - clock.now().getTime()) / 1000);
      if (left > 0) return left;
      blockedUntil.delete(subject);
      return 0;
    },
    async fail(subject) {
      const verdict = await limit.hit(subject);
      if (!verdict.allowed) {
        if (blockedUntil.size >= maxRemembered)
          blockedUntil.delete(blockedUntil.keys().next().value as string);
        blockedUntil.set(subject, clock.now().getTime() + verdict.retryAfter * 1000);
      }
      return verdict;
    },
  };
}
