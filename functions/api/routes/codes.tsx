import * as z from 'zod/mini';
import { formatCode } from '../../../shared/codes/answer-code.js';
import { codeSheet } from '../../../shared/codes/code-sheet.js';
import { toCsv } from '../../../shared/reports/csv.js';
import { CodeSheetPage } from '../pages/code-sheet.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN } from '../route-table/operation.js';

const FormatSchema = z.object({ format: z._default(z.enum(['html', 'csv']), 'html') });

/** A round's personal answer codes for staff without e-mail: a sheet to print, or a CSV. Admins only. */
export const codeRoutes = [
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/codes',
    summary:
      'The personal answer codes of staff without e-mail, while the round is open: a sheet to print (one slip a person: code, short URL, QR code), or CSV (`?format=csv`)',
    roles: ADMIN,
    query: FormatSchema,
    responses: { 200: { description: 'The sheet, or the codes as CSV', types: ['text/html', 'text/csv'] } },
    errors: { 409: 'conflict: the round has closed' },
    handle: async ({ c, deps, params, query: { format } }) => {
      const sheet = await codeSheet(deps, params.orgId, params.roundId);
      deps.logger.info('answer codes read', { orgId: sheet.round.orgId, roundId: sheet.round.id, format });
      const filename = `kundpuls-codes-${sheet.round.id}.${format}`;
      const headers = { 'content-disposition': `attachment; filename="${filename}"` };
      if (format === 'html')
        return c.html(<CodeSheetPage sheet={sheet} publicUrl={deps.publicUrl} />, 200, headers);
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
    },
  }),
];
