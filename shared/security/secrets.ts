import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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
  };
}
