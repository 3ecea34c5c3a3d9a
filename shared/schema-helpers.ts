import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// English messages only: `z.locales` would pull every locale (~260 KB) into the Lambda bundle.
z.config(en());

/** One line of text that may reach a mail header or a page title: no CR/LF, no control characters. */
export const singleLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    z.regex(/^[^\u0000-\u001f\u007f]*$/, 'Line breaks and control characters are not allowed'),
  );

/** An e-mail address as we store it: trimmed, lower-cased, one line. */
export const emailAddress = () =>
  z.pipe(
    z.string().check(z.trim(), z.maxLength(254)),
    z.string().check(z.toLowerCase(), z.email('Not a valid e-mail address')),
  );

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
