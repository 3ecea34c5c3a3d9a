/** A day as the round's language writes it ("31 mars", "31 March"), in UTC as the round's dates are kept. */
export const dayIn = (language: 'sv' | 'en', iso: string) =>
  new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(iso));
