import type { Clock } from '../common-ports.js';
import { DomainError, validationFailed } from '../errors.js';
import type { Secrets } from '../security/secrets.js';

/** A request's Idempotency-Key as stored: its keyed hash, the request it came with, and the sealed response. */
export interface IdempotencyRecord {
  keyHash: string;
  /** Keyed hash of the request (route and body): the same key with another request is refused. */
  requestHash: string;
  /** Random per claim, so only the claimant completes or releases it. */
  claimId: string;
  state: 'pending' | 'done';
  /** A pending claim older than this is abandoned (its Lambda died) and may be taken over. */
  leaseUntil: string;
  expiresAt: string;
  status?: number;
  /** The response body, sealed with the client's key (Secrets.seal). */
  sealedBody?: string;
}

export interface IdempotencyStore {
  /** Writes the record unless a live one holds the key (conditional write); true if this caller holds it now. */
  claim(record: IdempotencyRecord, now: string): Promise<boolean>;
  get(keyHash: string): Promise<IdempotencyRecord | undefined>;
  complete(keyHash: string, claimId: string, result: { status: number; sealedBody: string }): Promise<void>;
  release(keyHash: string, claimId: string): Promise<void>;
}

export interface IdempotencyDeps {
  idempotency: IdempotencyStore;
  secrets: Secrets;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
}

export const KEY_LIFETIME_MS = 24 * 3_600_000;
const LEASE_MS = 60_000;
const WAIT_STEP_MS = 100;
const WAIT_STEPS = 30;
/** The key opens the stored response (an admin key) for a day: it must be unguessable, e.g. a UUID. */
const KEY_PATTERN = /^[\x21-\x7e]{16,255}$/;

/** A header value fit to be an Idempotency-Key, or a 400 that says why not. */
export function parseIdempotencyKey(value: string): string {
  if (!KEY_PATTERN.test(value))
    throw validationFailed('The Idempotency-Key header is not valid', [
      {
        path: 'Idempotency-Key',
        message: 'Use 16 to 255 visible ASCII characters, e.g. a random UUID',
      },
    ]);
  return value;
}

export interface Response<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `work` once per key for a day. 1. claim the key's hash with a conditional write  2. held by another
 * request → 422  3. held and done → the stored response, opened with the key  4. held and pending → wait for
 * it a few seconds, else 409  5. claimed → do the work, store its response sealed with the key; on failure
 * release the claim so a retry can run.
 */
export async function idempotent<T>(
  deps: IdempotencyDeps,
  key: string,
  request: string,
  work: () => Promise<{ status: number; body: T }>,
): Promise<Response<T>> {
  const keyHash = deps.secrets.hash(`idempotency\0${key}`);
  const requestHash = deps.secrets.hash(`request\0${request}`);
  const now = deps.clock.now();
  const claimId = deps.secrets.newId('claim');
  const claimed = await deps.idempotency.claim(
    {
      keyHash,
      requestHash,
      claimId,
      state: 'pending',
      leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
      expiresAt: new Date(now.getTime() + KEY_LIFETIME_MS).toISOString(),
    },
    now.toISOString(),
  );
  if (!claimed) return replay<T>(deps, key, keyHash, requestHash);
  let result: { status: number; body: T };
  try {
    result = await work();
  } catch (error) {
    await deps.idempotency.release(keyHash, claimId).catch(() => undefined);
    throw error;
  }
  // Done work keeps its claim even if this write fails: a retry then waits, and never does the work twice.
  await deps.idempotency.complete(keyHash, claimId, {
    status: result.status,
    sealedBody: deps.secrets.seal(JSON.stringify(result.body), key),
  });
  return { ...result, replayed: false };
}

async function replay<T>(deps: IdempotencyDeps, key: string, keyHash: string, requestHash: string) {
  for (let step = 0; step <= WAIT_STEPS; step++) {
    const held = await deps.idempotency.get(keyHash);
    if (held && !deps.secrets.equal(held.requestHash, requestHash))
      throw new DomainError(
        'idempotency_key_reused',
        'This Idempotency-Key was used with another request; use a new key for a new request',
      );
    const body =
      held?.state === 'done' && held.sealedBody ? deps.secrets.open(held.sealedBody, key) : undefined;
    if (held?.status && body !== undefined)
      return { status: held.status, body: JSON.parse(body) as T, replayed: true };
    if (step < WAIT_STEPS) await deps.sleep(WAIT_STEP_MS);
  }
  throw new DomainError(
    'idempotency_in_progress',
    'A request with this Idempotency-Key is still in progress; retry in a few seconds',
  );
}
