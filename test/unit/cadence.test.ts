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
  it('is withheld below five organisations', () => {
    expect(
      computeBenchmark(
        new Map([
          ['a', 10],
          ['b', 20],
          ['c', 30],
          ['d', 40],
        ]),
        'a',
      ),
    ).toBeNull();
  });

  it('gives the median of medians and the share at the same or a worse place', () => {
    const medians = new Map([
      ['a', 10],
      ['b', 20],
      ['c', 30],
      ['d', 40],
      ['e', 50],
      ['f', 60],
    ]);
    expect(computeBenchmark(medians, 'b')).toEqual({ organisations: 6, medianOfMedians: 35, percentile: 83 });
  });
});
