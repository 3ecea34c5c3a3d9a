import { describe, expect, it } from 'vitest';
import { isValidTimezone, nextRoundAt } from '../../shared/organisations/cadence.js';
import { computeBenchmark } from '../../shared/reports/benchmark.js';
import { scheduledRoundId } from '../../shared/rounds/round.js';

const at = (iso: string) => new Date(iso);

describe('cadence', () => {
  it('opens twice a year on 1 March and 1 September at 09:00 local time, across daylight saving', () => {
    expect(nextRoundAt('twice-yearly', 'Europe/Stockholm', at('2026-11-22T12:00:00Z'))?.toISOString()).toBe(
      '2027-03-01T08:00:00.000Z',
    );
    expect(nextRoundAt('twice-yearly', 'Europe/Stockholm', at('2027-03-01T08:00:00Z'))?.toISOString()).toBe(
      '2027-09-01T07:00:00.000Z',
    );
  });

  it('follows quarterly and monthly cadences and the time zone', () => {
    expect(nextRoundAt('quarterly', 'Europe/Stockholm', at('2027-04-01T07:00:00Z'))?.toISOString()).toBe(
      '2027-07-01T07:00:00.000Z',
    );
    expect(nextRoundAt('monthly', 'America/New_York', at('2027-01-15T00:00:00Z'))?.toISOString()).toBe(
      '2027-02-01T14:00:00.000Z',
    );
  });

  it('uses listed dates, and stops when they run out', () => {
    const dates = { dates: ['2027-05-10', '2027-02-03'] };
    expect(nextRoundAt(dates, 'Europe/Stockholm', at('2027-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2027-02-03T08:00:00.000Z',
    );
    expect(nextRoundAt(dates, 'Europe/Stockholm', at('2027-06-01T00:00:00Z'))).toBeUndefined();
  });

  it('never schedules a manual cadence', () => {
    expect(nextRoundAt('manual', 'Europe/Stockholm', at('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('knows IANA time zones', () => {
    expect(isValidTimezone('Europe/Stockholm')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });

  it('derives a scheduled round id from its time, so two ticks open the same round', () => {
    expect(scheduledRoundId('2027-03-01T08:00:00.000Z')).toBe('rnd_20270301T080000Z');
  });
});

describe('cross-organisation benchmark', () => {
  // Issue 12: at least ten others, the reader's own organisation left out, coarse figures only.
  it("is withheld below ten other organisations, the reader's own not counted", () => {
    const medians = new Map(Array.from({ length: 10 }, (_, i) => [`o${i}`, 10 + i * 5]));
    expect(computeBenchmark(medians, 'o0')).toBeNull();
    expect(computeBenchmark(medians, 'someone-else')).not.toBeNull();
  });

  it("gives the others' median of medians to 5 places and the share at the same or a worse place in quarters", () => {
    const medians = new Map([
      ['me', 22],
      ...Array.from({ length: 11 }, (_, i) => [`o${i}`, 11 + i * 4] as const),
    ]);
    // Others: 11, 15, …, 51; their median 31 → 30; 8 of 11 at 22 or worse (73 %) → the third quarter, 75.
    expect(computeBenchmark(medians, 'me')).toEqual({
      organisations: 11,
      medianOfMedians: 30,
      percentile: 75,
    });
  });
});
