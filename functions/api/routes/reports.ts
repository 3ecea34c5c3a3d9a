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
  "One round's figures, stored at close (`?format=csv` for CSV). While the round is open: counts only (invited, answered, responseRate); rank, heatmap are null and segments, comments, themes empty, each named in `withheld` with `round-open`. After the close a figure is null (or a group `suppressed`) and named in `withheld` with its reason where releasing it would let a reader derive something about fewer than k people: `below-threshold` (under k answers, or under the comment threshold of writers), `too-few-places` (the round's place figures need k who gave a place), `differencing` (a segment whose people sit in department × role × site cells too small to release), `participation` (a response rate per segment needs k who answered and k who did not), `no-previous-round`. See docs/privacy.md.";

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
        description: '{ report }, or the report as CSV',
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
