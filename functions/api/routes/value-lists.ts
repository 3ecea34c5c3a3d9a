import { DEFAULT_VALUE_LIST } from '../../../shared/values/default-value-list.js';
import { readValueList, uploadValueList } from '../../../shared/values/manage-value-lists.js';
import { CustomValueListSchema } from '../../../shared/values/value-list.js';
import { VALUE_LIST_EXAMPLE, ValueListSchema } from '../responses/value-list.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN, READERS } from '../route-table/operation.js';

/** The default value list, and organisations' own lists (each upload is a new list: rounds froze the old). */
export const valueListRoutes = [
  apiRoute({
    method: 'get',
    path: '/v1/value-lists/default',
    summary: 'The default list of 100 values (id, version, values: id, sv, en, customer, limiting)',
    roles: ['anyone'],
    responses: { 200: { description: 'The list', schema: ValueListSchema, example: VALUE_LIST_EXAMPLE } },
    handle: ({ c }) => c.json(DEFAULT_VALUE_LIST, 200, { 'cache-control': 'public, max-age=3600' }),
  }),
  apiRoute({
    method: 'post',
    path: '/v1/organisations/{orgId}/value-lists',
    summary: "Upload the organisation's own value list; each upload is a new list with a new id",
    roles: ADMIN,
    body: {
      schema: CustomValueListSchema,
      // 20 to 150 values, at least one marked customer.
      example: {
        values: [
          { id: 'kund', sv: 'Kunden', en: 'The customer', customer: true },
          { id: 'budget', sv: 'Budgeten', en: 'The budget', limiting: true },
          ...Array.from({ length: 18 }, (_, i) => ({
            id: `v${i + 3}`,
            sv: `Värde ${i + 3}`,
            en: `Value ${i + 3}`,
          })),
        ],
      },
    },
    responses: {
      201: { description: 'The new list and its id', schema: ValueListSchema, example: VALUE_LIST_EXAMPLE },
    },
    handle: async ({ c, deps, params, body }) =>
      c.json(await uploadValueList(deps, params.orgId, body.values), 201),
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/value-lists/{listId}',
    summary: "One of the organisation's value lists, or `default`",
    roles: READERS,
    responses: { 200: { description: 'The list', schema: ValueListSchema, example: VALUE_LIST_EXAMPLE } },
    handle: async ({ c, deps, params }) => c.json(await readValueList(deps, params.orgId, params.listId)),
  }),
];
