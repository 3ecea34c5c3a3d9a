import type { Secrets } from '../security/secrets.js';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper has no look-alikes. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
/** 10 characters of 5 bits: 2^50 ≈ 1.13 × 10^15 codes (docs/privacy.md, "Answer codes"). */
export const CODE_BITS = CODE_LENGTH * 5;

/**
 * A respondent's personal answer code for one round: an HMAC (the server's pepper) of round and respondent,
 * cut to 50 bits. Derived, never stored in clear, so the sheet can be printed again and a leaked table holds
 * only a keyed hash of it. The one exception to the 128-bit rule for tokens: guessing is held off by limits.
 */
export function answerCodeOf(secrets: Secrets, roundId: string, respondentKey: string): string {
  let bits = BigInt(`0x${secrets.hash(`answer-code:${roundId}:${respondentKey}`).slice(0, 13)}`) >> 2n;
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** As printed: two groups of five, easier to read and type. */
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * What someone typed, as a code: case, spaces and dashes ignored, I and L read as 1, O as 0 (Crockford).
 * Undefined when it cannot be a code at all, so it costs no read (it still counts as a failed attempt).
 */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : undefined;
}

/** The key a code's token is stored under: a keyed hash, as for links. */
export const codeTokenHash = (secrets: Secrets, code: string) => secrets.hash(`code:${code}`);
