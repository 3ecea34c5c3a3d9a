import type { Clock } from '../common-ports.js';
import { DomainError } from '../errors.js';
import type { SecretsSource } from '../security/secrets.js';

/**
 * A fixed-window counter every Lambda container shares (an item in the table), so limits hold however many
 * containers API Gateway spreads the kiosk's requests over. The in-memory RateLimiter cannot do that.
 */
export interface AttemptCounter {
  /** Counts one attempt under `name` in the window holding `at`; false once `limit` attempts were counted. */
  attempt(name: string, limit: number, windowMs: number, at: Date): Promise<boolean>;
  /** True while `name` has used up its window, without counting. */
  exceeded(name: string, limit: number, windowMs: number, at: Date): Promise<boolean>;
}

/** The limits docs/privacy.md works its arithmetic from; change both together. */
export const CODE_GUESS_LIMITS = {
  /** Failed codes from one client address: generous for a kiosk that a whole ward types into, with typos. */
  perClient: { limit: 20, windowMs: 10 * 60_000 },
  /** Failed codes from everywhere together: the wall against guessing from many addresses at once. */
  everywhere: { limit: 1000, windowMs: 60 * 60_000 },
} as const;

export interface GuessLimitDeps {
  counters: AttemptCounter;
  secrets: SecretsSource;
  clock: Clock;
}

// The address is hashed: a counter item's key must not hold personal data.
const clientName = async (deps: GuessLimitDeps, client: string) =>
  `code-guess:client:${(await deps.secrets).hash(`client:${client}`).slice(0, 32)}`;
const EVERYWHERE = 'code-guess:all';

/** Refuses with 429 while either limit is used up. Only failures count, so answering never locks anyone out. */
export async function refuseWhileGuessing(deps: GuessLimitDeps, client: string): Promise<void> {
  const now = deps.clock.now();
  const { perClient, everywhere } = CODE_GUESS_LIMITS;
  const [mine, all] = await Promise.all([
    deps.counters.exceeded(await clientName(deps, client), perClient.limit, perClient.windowMs, now),
    deps.counters.exceeded(EVERYWHERE, everywhere.limit, everywhere.windowMs, now),
  ]);
  if (mine || all) throw new DomainError('rate_limited', 'Too many unknown codes; try again later');
}

/** Counts one failed code against the client and against everyone. */
export async function countFailedCode(deps: GuessLimitDeps, client: string): Promise<void> {
  const now = deps.clock.now();
  const { perClient, everywhere } = CODE_GUESS_LIMITS;
  await Promise.all([
    deps.counters.attempt(await clientName(deps, client), perClient.limit, perClient.windowMs, now),
    deps.counters.attempt(EVERYWHERE, everywhere.limit, everywhere.windowMs, now),
  ]);
}
