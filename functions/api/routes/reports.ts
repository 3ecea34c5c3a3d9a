import type { Context } from 'hono';
import * as z from 'zod/mini';
import { readRoundComments, readRoundReport, readTrend } from '../../../shared/reports/read-reports.js';
import { roundReportCsv, trendCsv } from '../../../shared/reports/report-csv.js';
import { publicReport } from '../../../shared/reports/round-report.js';
import {
  COMMENTS_EXAMPLE,
  CommentsSchema,
  OneRoundReportSchema,
  OneTrendSchema,
  ROUND_REPORT_EXAMPLE,
  TREND_EXAMPLE,
} from '../responses/report.js';
import { apiRoute } from '../route-table/api-route.js';
import { READERS } from '../route-table/operation.js';

const FormatSchema = z.object({ format: z._default(z.enum(['json', 'csv']), 'json') });

function csv(c: Context, body: string, filename: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${filename}"`,
  });
}

const ROUND_REPORT_SUMMARY =
  "One round's figures, stored at close. While the round is open: counts only (invited, answered, responseRate); rank, heatmap are null and segments, comments, themes empty, each named in `withheld` with `round-open`. After the close a figure is null (or a group `suppressed`) and named in `withheld` with its reason where releasing it would let a reader derive something about fewer than k people: `below-threshold` (under k answers, or under the comment threshold of writers), `too-few-places` (the round's place figures need k who gave a place), `differencing` (a segment whose people sit in department × role × site cells too small to release), `participation` (a response rate per segment needs k who answered and k who did not), `no-previous-round`, `not-a-reported-segment` (an action's segment that the report does not list: nothing is derived for it). `actions`: what the organisation recorded after the previous round, each beside the change in its segment (or, with no segment, the whole organisation) from that round to this one, with the tests of the round's own change; set side by side, this claims no cause. `ideas`: question 3 (what would raise the customer's place) by theme, under the rules of `themes`. CSV (long form: section, dimension, group, metric, value) adds rows `round,,,answeredByCode,n` where released, `idea,,<theme>,mentions,n`, and `action,<actionId>,,<metric>,<value>` (text, status, segment.<dimension>, change.median, change.top10Share, change.<figure>.significant|low|high|p, withheld, notComparable). See docs/privacy.md.";

/** The report's fields in brief, as clients have read them; the schema below holds them exactly. */
const ROUND_REPORT_FIELDS =
  '{ report: { roundId, status, invited, answered, responseRate, suppressed, withheld: { "<figure or group>": reason }, rank: { known, median, ci95, q1, q3, mean, top10Share, dontKnowShare, histogram } | null, dontKnowShare (of those who gave a place or chose "don\'t know", once k did) | null, segments: { department|role|site: [{ value, suppressed, answered?, median?, top10Share?, dontKnowShare? }] }, heatmap: { figures: [medianPlace, top10Share, dontKnowShare, responseRate, change], rows: [{ dimension, value, cells: { <figure>: number | null } }], withheld: { "<dimension>.<value>.<figure>": reason } } | null, answeredByCode? (answers that came by answer code; withheld below k, or when the link answers are under k), comments (the first 20 a question), commentCounts, themes: [{ word, mentions }], ideas: [{ word, mentions }], actions: [{ id, text, status, segment?, change: { median, top10Share, significance?: { median, top10Share: { significant, test, interval, p, estimate? } } } | null, withheld? (reason), notComparable? }], change: { median, top10Share, responseRate, significance: { median, top10Share: { significant, test, interval, p } }, notComparable? }, values: { basis, customerPlace: { today, wishedFor, interval, chance, reason, method }, … } } }';

/** Analysts' reads: stored figures as JSON or CSV. Admin and analyst keys of the organisation only. */
export const reportRoutes = [
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/report',
    summary: ROUND_REPORT_SUMMARY,
    roles: READERS,
    query: FormatSchema,
    responses: {
      200: {
        description: `${ROUND_REPORT_FIELDS}, or the report as CSV (?format=csv)`,
        schema: OneRoundReportSchema,
        example: ROUND_REPORT_EXAMPLE,
        types: ['text/csv'],
      },
    },
    handle: async ({ c, deps, params, query }) => {
      const report = await readRoundReport(deps, params.orgId, params.roundId);
      if (query.format === 'json') return c.json({ report: publicReport(report) });
      const { comments } = await readRoundComments(deps, params.orgId, params.roundId);
      return csv(c, roundReportCsv({ ...report, comments }), `kundpuls-${report.roundId}.csv`);
    },
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/comments',
    summary:
      "Every comment of a round's sample (up to 100 a question, random order); none while the round is open or under the comment threshold (named in `withheld`)",
    roles: READERS,
    responses: { 200: { description: 'The comments', schema: CommentsSchema, example: COMMENTS_EXAMPLE } },
    handle: async ({ c, deps, params }) =>
      c.json(await readRoundComments(deps, params.orgId, params.roundId)),
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/report',
    summary:
      'The trend across closed rounds, the national reference line, the goal and the benchmark (`?format=csv` for CSV). The benchmark (null until at least 10 other organisations qualify) counts other organisations only, each verified, enrolled at least 180 days before its round closed and with at least 20 answers in it: `medianOfMedians` to the nearest 5 places, `percentile` in quarters.',
    roles: READERS,
    query: FormatSchema,
    responses: {
      200: {
        description: '{ report }, or the series as CSV',
        schema: OneTrendSchema,
        example: TREND_EXAMPLE,
        types: ['text/csv'],
      },
    },
    handle: async ({ c, deps, params, query }) => {
      const trend = await readTrend(deps, params.orgId);
      if (query.format === 'csv') return csv(c, trendCsv(trend), 'kundpuls-trend.csv');
      return c.json({ report: trend });
    },
  }),
];
