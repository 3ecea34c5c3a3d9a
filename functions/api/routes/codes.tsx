import { Hono } from 'hono';
import * as z from 'zod/mini';
import { formatCode } from '../../../shared/codes/answer-code.js';
import { codeSheet } from '../../../shared/codes/code-sheet.js';
import type { Deps } from '../../../shared/deps.js';
import { toCsv } from '../../../shared/reports/csv.js';
import { ADMIN, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { parseWith } from '../http.js';
import { CodeSheetPage } from '../pages/code-sheet.js';

const FormatSchema = z.object({ format: z._default(z.enum(['html', 'csv']), 'html') });

/** A round's personal answer codes for staff without e-mail: a sheet to print, or a CSV. Admins only. */
export function codeRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/:orgId/rounds/:roundId/codes', requireKey(deps, ADMIN), async (c) => {
    const { format } = parseWith(FormatSchema, c.req.query(), 'The query is not valid');
    const sheet = await codeSheet(deps, c.req.param('orgId'), c.req.param('roundId'));
    deps.logger.info('answer codes read', { orgId: sheet.round.orgId, roundId: sheet.round.id, format });
    const filename = `kundpuls-codes-${sheet.round.id}.${format}`;
    const headers = { 'content-disposition': `attachment; filename="${filename}"` };
    if (format === 'csv')
      return c.body(
        toCsv(
          ['employeeId', 'department', 'role', 'site', 'code', 'url'],
          sheet.slips.map((slip) => [
            slip.employeeId,
            slip.department,
            slip.role,
            slip.site,
            formatCode(slip.code),
            `${deps.publicUrl}/k?code=${slip.code}`,
          ]),
        ),
        200,
        { ...headers, 'content-type': 'text/csv; charset=utf-8; header=present' },
      );
    return c.html(<CodeSheetPage sheet={sheet} publicUrl={deps.publicUrl} />, 200, headers);
  });
}
