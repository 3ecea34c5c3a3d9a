import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { Deps } from '../../../shared/deps.js';
import { eraseRespondent } from '../../../shared/respondents/erase-respondent.js';
import { importRespondents, respondentsFromCsv } from '../../../shared/respondents/import-respondents.js';
import { listRespondents } from '../../../shared/respondents/list-respondents.js';
import { ADMIN, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { parseWith, readJson, unsupportedMediaType } from '../http.js';

const ListQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
});

export function respondentRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .use('/:orgId/respondents', requireKey(deps, ADMIN))
    .use('/:orgId/respondents/*', requireKey(deps, ADMIN))
    .put('/:orgId/respondents', async (c) => {
      const type = c.req.header('content-type') ?? '';
      const body = /^text\/csv\b/i.test(type)
        ? respondentsFromCsv(await c.req.text())
        : /json/i.test(type)
          ? await readJson(c)
          : (() => {
              throw unsupportedMediaType('application/json or text/csv');
            })();
      return c.json(await importRespondents(deps, c.req.param('orgId'), body));
    })
    .get('/:orgId/respondents', async (c) => {
      const query = parseWith(ListQuerySchema, c.req.query(), 'The query is not valid');
      return c.json(await listRespondents(deps, c.req.param('orgId'), query.cursor, query.limit));
    })
    .delete('/:orgId/respondents/:emailOrEmployeeId', async (c) => {
      await eraseRespondent(deps, c.req.param('orgId'), c.req.param('emailOrEmployeeId'));
      return c.body(null, 204);
    });
}
