import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Deps } from '../../../shared/deps.js';
import { readRoundComments, readRoundReport, readTrend } from '../../../shared/reports/read-reports.js';
import { roundReportCsv, trendCsv } from '../../../shared/reports/report-csv.js';
import { publicReport } from '../../../shared/reports/round-report.js';
import { READERS, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { parseWith } from '../http.js';

const FormatSchema = z.object({ format: z._default(z.enum(['json', 'csv']), 'json') });

function csv(c: Context, body: string, filename: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${filename}"`,
  });
}

/** Analysts' reads: stored figures as JSON or CSV. Admin and analyst keys of the organisation only. */
export function reportRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/:orgId/rounds/:roundId/report', requireKey(deps, READERS), async (c) => {
      const { format } = parseWith(FormatSchema, c.req.query(), 'The query is not valid');
      const [orgId, roundId] = [c.req.param('orgId'), c.req.param('roundId')];
      const report = await readRoundReport(deps, orgId, roundId);
      if (format === 'csv') {
        const { comments } = await readRoundComments(deps, orgId, roundId);
        return csv(c, roundReportCsv({ ...report, comments }), `kundpuls-${report.roundId}.csv`);
      }
      return c.json({ report: publicReport(report) });
    })
    .get('/:orgId/rounds/:roundId/comments', requireKey(deps, READERS), async (c) => {
      const { comments, withheld } = await readRoundComments(
        deps,
        c.req.param('orgId'),
        c.req.param('roundId'),
      );
      return c.json({ comments, withheld });
    })
    .get('/:orgId/report', requireKey(deps, READERS), async (c) => {
      const { format } = parseWith(FormatSchema, c.req.query(), 'The query is not valid');
      const trend = await readTrend(deps, c.req.param('orgId'));
      if (format === 'csv') return csv(c, trendCsv(trend), 'kundpuls-trend.csv');
      return c.json({ report: trend });
    });
}
