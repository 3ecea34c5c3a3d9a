/**
 * One formatter per language, made on first use: a formatter holds ~11 KB of ICU memory outside the JS heap, which
 * the garbage collector does not see, so one made per mail grew a tick sending 100,000 invitations by over a
 * gigabyte before it was collected (bench row 10).
 */
const formats = new Map<'sv' | 'en', Intl.DateTimeFormat>();

/** A day as the round's language writes it ("31 mars", "31 March"), in UTC as the round's dates are kept. */
export function dayIn(language: 'sv' | 'en', iso: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    formats.set(language, format);
  }
  return format.format(new Date(iso));
}
