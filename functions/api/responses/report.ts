import * as z from 'zod/mini';
import { Count, CUSTOMER_TERM_EXAMPLE, CustomerTermSchema, Share, Time, WithheldSchema } from './common.js';

const Comments = z.record(z.string(), z.array(z.string()));

const Theme = z.looseObject({ word: z.string(), mentions: Count });

const ActionBesideChangeSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  status: z.enum(['planned', 'done']),
  segment: z.optional(z.record(z.string(), z.string())),
  change: z.nullable(z.looseObject({ median: z.number(), top10Share: z.number() })),
  withheld: z.optional(z.string()),
  notComparable: z.optional(z.string()),
});

const RankSchema = z.looseObject({
  known: Count,
  median: z.number(),
  ci95: z.nullable(z.tuple([z.number(), z.number()])),
  q1: z.number(),
  q3: z.number(),
  mean: z.number(),
  top10Share: Share,
  dontKnowShare: Share,
  histogram: z.looseObject({
    exact: z.record(z.string(), Count),
    buckets: z.array(z.looseObject({ from: z.int(), to: z.int(), count: Count })),
  }),
});

/**
 * One round's figures. Any figure may be null (a group `suppressed`) and named in `withheld` with its reason:
 * see the operation's description and docs/privacy.md. Nested figures (segments, heatmap, change, values) are
 * described loosely here; their fields are in API.md.
 */
export const RoundReportSchema = z.looseObject({
  roundId: z.string(),
  opensAt: Time,
  closesAt: Time,
  status: z.enum(['open', 'closed']),
  invited: Count,
  answered: Count,
  responseRate: Share,
  answeredByCode: z.optional(Count),
  anonymityThreshold: z.int(),
  commentThreshold: z.int(),
  language: z.enum(['sv', 'en']),
  customerTerm: CustomerTermSchema,
  rankMax: z.optional(z.int()),
  suppressed: z.boolean(),
  withheld: WithheldSchema,
  rank: z.nullable(RankSchema),
  dontKnowShare: z.nullable(Share),
  segments: z.record(z.string(), z.array(z.looseObject({ value: z.string(), suppressed: z.boolean() }))),
  heatmap: z.nullable(z.looseObject({ figures: z.array(z.string()), rows: z.array(z.unknown()) })),
  comments: Comments,
  commentCounts: z.optional(z.record(z.string(), Count)),
  themes: z.array(Theme),
  /** Question 3's themes (what would raise the customer's place), by the rules of `themes`. */
  ideas: z.array(Theme),
  /** Actions recorded after the previous round, each beside the change in its segment (claiming no cause). */
  actions: z.array(ActionBesideChangeSchema),
  change: z.optional(
    z.looseObject({
      previousRoundId: z.string(),
      median: z.optional(z.number()),
      top10Share: z.optional(z.number()),
      responseRate: z.number(),
      significance: z.optional(z.record(z.string(), z.unknown())),
      notComparable: z.optional(z.string()),
    }),
  ),
  values: z.optional(z.looseObject({ basis: z.optional(Count), customerPlace: z.unknown() })),
  computedAt: Time,
});

/** A closed round's report; while a round is open, every figure is null or empty, withheld as `round-open`. */
export const ROUND_REPORT_EXAMPLE = {
  report: {
    roundId: 'rnd_7fH2jK4mN6pQ8rS0tU1vW3',
    opensAt: '2027-03-01T08:00:00.000Z',
    closesAt: '2027-03-15T16:00:00.000Z',
    status: 'closed',
    invited: 40,
    answered: 29,
    responseRate: 0.725,
    anonymityThreshold: 5,
    commentThreshold: 10,
    language: 'sv',
    customerTerm: CUSTOMER_TERM_EXAMPLE,
    rankMax: 100,
    suppressed: false,
    withheld: { 'segments.department.Stab': 'below-threshold' },
    change: {
      previousRoundId: 'rnd_1aB3cD5eF7gH9iJ1kL3mN5',
      median: -4,
      top10Share: 0.04,
      responseRate: 0.05,
    },
    rank: {
      known: 26,
      median: 34,
      ci95: [22, 47],
      q1: 15,
      q3: 61,
      mean: 38.2,
      top10Share: 0.154,
      dontKnowShare: 0.103,
      histogram: { exact: {}, buckets: [{ from: 1, to: 10, count: 4 }] },
    },
    dontKnowShare: 0.103,
    segments: {
      department: [
        { value: 'Vård', suppressed: false, answered: 12, median: 30, top10Share: 0.167 },
        { value: 'Stab', suppressed: true },
      ],
      role: [],
      site: [],
    },
    heatmap: {
      figures: ['medianPlace', 'top10Share'],
      rows: [{ dimension: 'department', value: 'Vård', cells: { medianPlace: 30, top10Share: 0.167 } }],
      withheld: {},
    },
    comments: { rankReason: ['Budgeten styr det mesta'] },
    commentCounts: { rankReason: 1 },
    themes: [{ word: 'budget', mentions: 6 }],
    ideas: [{ word: 'kundmöten', mentions: 5 }],
    actions: [
      {
        id: 'act_3bD5fH7jL9nP1rT3vX5zA7',
        text: 'Kundmöte varje vecka i hemtjänsten',
        status: 'done',
        segment: { department: 'Vård' },
        change: { median: -6, top10Share: 0.05 },
      },
    ],
    computedAt: '2027-03-15T16:01:00.000Z',
  },
};
export const OneRoundReportSchema = z.object({ report: RoundReportSchema });

export const CommentsSchema = z.object({ comments: Comments, withheld: WithheldSchema });
export const COMMENTS_EXAMPLE = {
  comments: { rankReason: ['Budgeten styr det mesta', 'Vi pratar sällan om dem vi finns till för'] },
  withheld: { 'comments.raiseIdeas': 'below-threshold' },
};

export const TrendSchema = z.looseObject({
  series: z.array(
    z.looseObject({
      roundId: z.string(),
      closesAt: Time,
      invited: Count,
      answered: Count,
      responseRate: Share,
      suppressed: z.boolean(),
      median: z.optional(z.number()),
    }),
  ),
  slopePerYear: z.nullable(z.number()),
  slopeInterval: z.nullable(z.tuple([z.nullable(z.number()), z.nullable(z.number())])),
  slopeRounds: Count,
  measuredPlaceMethod: z.int(),
  goal: z.looseObject({
    place: z.int(),
    by: z.optional(z.string()),
    text: z.string(),
    projection: z.unknown(),
  }),
  reference: z.looseObject({ source: z.string(), comparable: z.boolean(), series: z.array(z.unknown()) }),
  benchmark: z.nullable(
    z.looseObject({ organisations: Count, medianOfMedians: z.number(), percentile: z.optional(z.number()) }),
  ),
});
export const TREND_EXAMPLE = {
  report: {
    series: [
      {
        roundId: 'rnd_7fH2jK4mN6pQ8rS0tU1vW3',
        closesAt: '2027-03-15T16:00:00.000Z',
        invited: 40,
        answered: 29,
        responseRate: 0.725,
        suppressed: false,
        median: 34,
        top10Share: 0.172,
      },
    ],
    slopePerYear: null,
    slopeInterval: null,
    slopeRounds: 1,
    measuredPlaceMethod: 2,
    goal: { place: 10, by: '2037-03-15', text: 'Plats 10 senast 2037', projection: { status: 'too-early' } },
    reference: { source: 'Barrett Values Centre', caveat: '…', comparable: true, series: [], elsewhere: '…' },
    benchmark: null,
  },
};
export const OneTrendSchema = z.object({ report: TrendSchema });
