import type { MailRoundReport, MailTrend } from '../../shared/mail/report-mail.js';
import type { Heatmap } from '../../shared/mail/report-mail-heatmap.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import { NATIONAL_REFERENCE, type TrendPoint } from '../../shared/reports/trend.js';

/**
 * A full report and trend for the mail, as the demo produces them, plus the two parts computed elsewhere
 * (the segment heatmap and the goal projection) in the shapes their owners publish.
 */
const test = (significant: boolean, interval: [number, number]) => ({
  significant,
  test: 'mann-whitney-hodges-lehmann',
  interval,
  p: significant ? 0.01 : 0.4,
});

/** The previous round's actions beside the change: each kind of line the section can show. */
export const ACTIONS: NonNullable<MailRoundReport['actions']> = [
  {
    id: 'act_1',
    text: 'Kundråd varje månad i alla förvaltningar, med medborgare från varje stadsdel',
    status: 'done',
    change: {
      median: -6.5,
      top10Share: 0.02,
      significance: { median: test(true, [-11, -2]), top10Share: test(false, [-0.03, 0.07]) },
    },
  },
  {
    id: 'act_2',
    text: 'Kundtjänst svarar inom en arbetsdag',
    status: 'done',
    segment: { department: 'Kundtjänst' },
    change: {
      median: -4,
      top10Share: 0.05,
      significance: { median: test(false, [-12, 3]), top10Share: test(false, [-0.1, 0.2]) },
    },
  },
  {
    id: 'act_3',
    text: 'Vården följer upp klagomål veckovis',
    status: 'planned',
    segment: { department: 'Vård' },
    change: null,
    withheld: 'below-threshold',
  },
  {
    id: 'act_4',
    text: 'Chefer på Ekonomi går bredvid i kundtjänsten: Medborgarserviceutvecklingsprogrammetsarbetsgrupp',
    status: 'planned',
    segment: { department: 'Ekonomi', role: 'Chef' },
    change: null,
    withheld: 'not-a-reported-segment',
  },
];

export function roundReport(overrides: Partial<MailRoundReport> = {}): MailRoundReport {
  return {
    roundId: 'rnd_4',
    orgId: 'org_1',
    opensAt: '2027-09-01T07:00:00.000Z',
    closesAt: '2027-09-30T15:00:00.000Z',
    status: 'closed',
    invited: 60,
    answered: 51,
    responseRate: 0.85,
    suppressed: false,
    anonymityThreshold: 5,
    commentThreshold: 5,
    language: 'sv',
    customerTerm: resolveCustomerTerm('medborgare'),
    rank: {
      known: 48,
      median: 35.5,
      ci95: [31, 41],
      q1: 27,
      q3: 46,
      mean: 37.12,
      top10Share: 0.04,
      dontKnowShare: 0.06,
      histogram: { exact: {}, buckets: [] },
    },
    segments: {
      department: [
        { value: 'Ekonomi', suppressed: false, answered: 17, median: 42.5 },
        { value: 'Kundtjänst', suppressed: false, answered: 18, median: 34 },
        { value: 'Vård', suppressed: true },
      ],
      role: [],
      site: [],
    },
    comments: {},
    commentsSuppressed: [],
    themes: [
      { word: 'medborgarna', mentions: 18 },
      { word: 'budget', mentions: 13 },
      { word: 'möten', mentions: 11 },
    ],
    change: { previousRoundId: 'rnd_3', median: -6.5, responseRate: 0.03 },
    computedAt: '2027-09-30T15:05:00.000Z',
    withheld: {},
    ...overrides,
  };
}

export const heatmap: Heatmap = {
  figures: ['medianPlace', 'top10Share', 'dontKnowShare', 'responseRate', 'change'],
  rows: [
    {
      dimension: 'department',
      value: 'Ekonomi',
      cells: { medianPlace: 42.5, top10Share: 0.06, dontKnowShare: 0.12, responseRate: 0.81, change: -3 },
    },
    {
      dimension: 'department',
      value: 'Kundtjänst och medborgarservice',
      cells: { medianPlace: 18, top10Share: 0.28, dontKnowShare: null, responseRate: 0.93, change: 16 },
    },
    {
      dimension: 'department',
      value: 'Vård',
      cells: {
        medianPlace: null,
        top10Share: null,
        dontKnowShare: null,
        responseRate: null,
        change: null,
      },
    },
    {
      dimension: 'role',
      value: 'Chef',
      cells: { medianPlace: 27, top10Share: 0.08, dontKnowShare: 0.04, responseRate: 0.9, change: null },
    },
    {
      dimension: 'site',
      value: 'Norrtälje',
      cells: { medianPlace: 51, top10Share: 0, dontKnowShare: 0.09, responseRate: 0.77, change: 2.5 },
    },
  ],
  withheld: {
    'department.Kundtjänst och medborgarservice.dontKnowShare': 'differencing',
    'department.Vård.medianPlace': 'below-threshold',
    'department.Vård.top10Share': 'below-threshold',
    'department.Vård.dontKnowShare': 'below-threshold',
    'department.Vård.change': 'below-threshold',
    'department.Vård.responseRate': 'participation',
    'role.Chef.change': 'no-previous-round',
  },
};

const point = (roundId: string, closesAt: string, median: number, ci95: [number, number]): TrendPoint => ({
  roundId,
  closesAt,
  invited: 60,
  answered: 50,
  responseRate: 0.83,
  suppressed: false,
  median,
  ci95,
  top10Share: 0.04,
  dontKnowShare: 0.06,
});

export function trend(overrides: Partial<MailTrend> = {}): MailTrend {
  return {
    series: [
      point('rnd_1', '2026-03-31T15:00:00.000Z', 52, [45, 58]),
      point('rnd_2', '2026-09-30T15:00:00.000Z', 47, [41, 53]),
      point('rnd_3', '2027-03-31T15:00:00.000Z', 42, [37, 47]),
      point('rnd_4', '2027-09-30T15:00:00.000Z', 35.5, [31, 41]),
    ],
    slopePerYear: -10.9,
    slopeInterval: [-14.2, -7.5],
    slopeRounds: 4,
    measuredPlaceMethod: 2,
    goal: {
      place: 10,
      by: '2035-12-31',
      projection: { year: 2030, band: [2029, 2033], status: 'on-track' },
    },
    reference: { ...NATIONAL_REFERENCE, comparable: true },
    benchmark: null,
    ...overrides,
  };
}

/** A value-selection round: the top-10 lists and the measured place. */
export function withValues(report: MailRoundReport): MailRoundReport {
  const value = (rank: number, name: string, customer = false) => ({
    id: `v${rank}${name}`,
    sv: name,
    en: name,
    votes: 30 - rank,
    share: (30 - rank) / 400,
    rank,
    customer,
    limiting: false,
  });
  const today = ['Kortsiktighet', 'Byråkrati', 'Brandkårsutryckningar', 'Försiktighet', 'Statusjakt'];
  const wished = ['Att skapa värde för medborgaren', 'Lyhördhet', 'Tillgänglighet', 'Humor', 'Samarbete'];
  return {
    ...report,
    values: {
      respondents: 44,
      basis: { today: 44, wishedFor: 42 },
      today: today.map((name, i) => value(i + 1, name)),
      wishedFor: wished.map((name, i) => value(i + 1, name, i < 3)),
      customerPlace: {
        today: 25,
        wishedFor: 1,
        interval: { today: [19.5, 31.2], wishedFor: [1, 3.5] },
        chance: { today: 50.5, wishedFor: 50.5 },
        reason: { today: null, wishedFor: null },
        method: 2,
      },
      perceivedMinusMeasured: 10.5,
      entropy: { today: 0.48, wishedFor: 0.17 },
      biggestGaps: [],
    },
  };
}

/** The report with the loop's parts: the previous round's actions beside the change, and ideas by theme. */
export function withLoop(report: MailRoundReport): MailRoundReport {
  return {
    ...report,
    actions: ACTIONS,
    ideas: [
      { word: 'kundråd', mentions: 9 },
      { word: 'fråga medborgarna', mentions: 7 },
    ],
  };
}
