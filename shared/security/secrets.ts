import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets are 256-bit CSPRNG strings; only their keyed hash (HMAC-SHA256 with a server-side pepper) is stored,
 * so a leaked table yields nothing that opens a link or authenticates a call.
 */
export interface Secrets {
  /** A new random secret, base64url, 256 bits. */
  newSecret(): string;
  /** A new random opaque id with the given prefix, 128 bits. */
  newId(prefix: string): string;
  /** Keyed hash of a secret or an e-mail address, hex. */
  hash(value: string): string;
  /** Constant-time comparison of two hex hashes. */
  equal(a: string, b: string): boolean;
  /**
   * Encrypts a value (AES-256-GCM) under a key made from the pepper and `secret`, e.g. a client's idempotency
   * key: opening it takes both, so the table alone reveals nothing.
   */
  seal(value: string, secret: string): string;
  /** The sealed value, or undefined if `secret` is not the one it was sealed with. */
  open(sealed: string, secret: string): string | undefined;
}

/**
 * Secrets at hand, or still on their way: the answer pages read the pepper only when a request first hashes
 * with it (a GET of a link never does). Code that may run there takes this and `await`s it.
 */
export type SecretsSource = Secrets | PromiseLike<Secrets>;

/**
 * Secrets whose pepper is read on the first `await`, not before; a failed read is not kept, so the next request
 * tries again (decision 136).
 */
export function secretsWhenNeeded(readPepper: () => Promise<string>): PromiseLike<Secrets> {
  let secrets: Promise<Secrets> | undefined;
  const load = () => {
    secrets ??= readPepper()
      .then(createSecrets)
      .catch((error: unknown) => {
        secrets = undefined;
        throw error;
      });
    return secrets;
  };
  // biome-ignore lint/suspicious/noThenProperty: a lazy promise on purpose: the read starts at the first await
  return { then: (onFulfilled, onRejected) => load().then(onFulfilled, onRejected) };
}

export function createSecrets(pepper: string): Secrets {
  if (pepper.length < 32) throw new Error('The token pepper must be at least 32 characters');
  return {
    newSecret: () => randomBytes(32).toString('base64url'),
    newId: (prefix) =>
      `${prefix}_${randomBytes(16).toString('base64url').replaceAll('-', 'x').replaceAll('_', 'z')}`,
    hash: (value) => createHmac('sha256', pepper).update(value).digest('hex'),
    equal: (a, b) => {
      const left = Buffer.from(a, 'hex');
      const right = Buffer.from(b, 'hex');
      return left.length === right.length && timingSafeEqual(left, right);
    },
    seal: (value, secret) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey(pepper, secret), iv);
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open: (sealed, secret) => {
      const bytes = Buffer.from(sealed, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey(pepper, secret), bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

const sealKey = (pepper: string, secret: string) =>
  createHmac('sha256', pepper).update(`seal\0${secret}`).digest();
