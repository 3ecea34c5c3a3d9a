import { TZDate } from '@date-fns/tz';
import type { Cadence } from './cadence-schema.js';

export { type Cadence, CadenceSchema } from './cadence-schema.js';

const MONTHS: Record<'twice-yearly' | 'quarterly' | 'monthly', number[]> = {
  'twice-yearly': [3, 9],
  quarterly: [1, 4, 7, 10],
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
};
const OPENING_HOUR = 9;

function candidates(cadence: Exclude<Cadence, 'manual'>, timezone: string, from: Date): Date[] {
  if (typeof cadence === 'object') {
    return cadence.dates.map((date) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return new Date(new TZDate(y, m - 1, d, OPENING_HOUR, 0, 0, timezone).getTime());
    });
  }
  const year = new TZDate(from.getTime(), timezone).getFullYear();
  return [year, year + 1].flatMap((y) =>
    MONTHS[cadence].map(
      (month) => new Date(new TZDate(y, month - 1, 1, OPENING_HOUR, 0, 0, timezone).getTime()),
    ),
  );
}

/** The first scheduled opening strictly after `after`, or undefined when the cadence is manual or exhausted. */
export function nextRoundAt(cadence: Cadence, timezone: string, after: Date): Date | undefined {
  if (cadence === 'manual') return undefined;
  return candidates(cadence, timezone, after)
    .filter((at) => at.getTime() > after.getTime())
    .sort((a, b) => a.getTime() - b.getTime())[0];
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
