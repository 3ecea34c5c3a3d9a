import { CreateKeySchema } from '../../../shared/organisations/api-key.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../../shared/organisations/manage-api-keys.js';
import { KeyListSchema, NEW_KEY_EXAMPLE, NewKeySchema } from '../responses/organisation.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN } from '../route-table/operation.js';

export const keyRoutes = [
  apiRoute({
    method: 'post',
    path: '/v1/organisations/{orgId}/keys',
    summary: 'Create an admin or analyst key; shown once',
    roles: ADMIN,
    body: { schema: CreateKeySchema, example: { role: 'analyst' } },
    responses: {
      201: { description: 'The key, shown once', schema: NewKeySchema, example: NEW_KEY_EXAMPLE },
    },
    handle: async ({ c, deps, params, body }) =>
      c.json(await createApiKey(deps, params.orgId, body.role), 201),
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/keys',
    summary: 'List keys (never the keys themselves)',
    roles: ADMIN,
    responses: {
      200: {
        description: 'Every key of the organisation, revoked ones with `revokedAt`',
        schema: KeyListSchema,
        example: {
          keys: [{ id: NEW_KEY_EXAMPLE.id, role: 'analyst', createdAt: NEW_KEY_EXAMPLE.createdAt }],
        },
      },
    },
    handle: async ({ c, deps, params }) => c.json({ keys: await listApiKeys(deps, params.orgId) }),
  }),
  apiRoute({
    method: 'delete',
    path: '/v1/organisations/{orgId}/keys/{keyId}',
    summary: 'Revoke a key',
    roles: ADMIN,
    responses: { 204: { description: 'Revoked' } },
    handle: async ({ c, deps, params }) => {
      await revokeApiKey(deps, c.get('caller'), params.keyId);
      return c.body(null, 204);
    },
  }),
];
