import * as z from 'zod/mini';
import { eraseRespondent } from '../../../shared/respondents/erase-respondent.js';
import { importRespondents, respondentsFromCsv } from '../../../shared/respondents/import-respondents.js';
import { listRespondents } from '../../../shared/respondents/list-respondents.js';
import { ImportRespondentsSchema } from '../../../shared/respondents/respondent.js';
import {
  ImportCountsSchema,
  RESPONDENT_PAGE_EXAMPLE,
  RespondentPageSchema,
} from '../responses/respondent.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN } from '../route-table/operation.js';

const ListQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
});

export const respondentRoutes = [
  apiRoute({
    method: 'put',
    path: '/v1/organisations/{orgId}/respondents',
    summary:
      'Import up to 1,000 respondents, idempotent by e-mail, or by employeeId for staff without e-mail (optional mobile, E.164)',
    roles: ADMIN,
    body: {
      schema: ImportRespondentsSchema,
      fromCsv: respondentsFromCsv,
      example: { respondents: [{ email: 'anna@example.org', department: 'Vård' }] },
      csvExample: 'email,department,role,site\nanna@example.org,Vård,,',
      invalid: 'Some respondents are not valid',
    },
    responses: {
      200: {
        description: 'How many were created, changed and left as they were',
        schema: ImportCountsSchema,
        example: { created: 1, updated: 0, unchanged: 0 },
      },
    },
    handle: async ({ c, deps, params, body }) => c.json(await importRespondents(deps, params.orgId, body)),
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/respondents',
    summary: 'List respondents, paginated (`cursor` from `nextCursor`; `limit` 1–500, default 100)',
    roles: ADMIN,
    query: ListQuerySchema,
    responses: {
      200: { description: 'One page', schema: RespondentPageSchema, example: RESPONDENT_PAGE_EXAMPLE },
    },
    handle: async ({ c, deps, params, query }) =>
      c.json(await listRespondents(deps, params.orgId, query.cursor, query.limit)),
  }),
  apiRoute({
    method: 'delete',
    path: '/v1/organisations/{orgId}/respondents/{emailOrEmployeeId}',
    summary: 'Erase a respondent, named by e-mail or employee id (anonymous answers stay)',
    roles: ADMIN,
    responses: { 204: { description: 'Erased (also when there was no one to erase)' } },
    handle: async ({ c, deps, params }) => {
      await eraseRespondent(deps, params.orgId, params.emailOrEmployeeId);
      return c.body(null, 204);
    },
  }),
];
