import { Hono } from 'hono';
import type { Deps } from '../../../shared/deps.js';
import { CreateKeySchema } from '../../../shared/organisations/api-key.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../../shared/organisations/manage-api-keys.js';
import { ADMIN, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { readBody } from '../http.js';

export function keyRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .use('/:orgId/keys', requireKey(deps, ADMIN))
    .use('/:orgId/keys/*', requireKey(deps, ADMIN))
    .post('/:orgId/keys', async (c) => {
      const { role } = await readBody(c, CreateKeySchema);
      return c.json(await createApiKey(deps, c.req.param('orgId'), role), 201);
    })
    .get('/:orgId/keys', async (c) => c.json({ keys: await listApiKeys(deps, c.req.param('orgId')) }))
    .delete('/:orgId/keys/:keyId', async (c) => {
      await revokeApiKey(deps, c.get('caller'), c.req.param('keyId'));
      return c.body(null, 204);
    });
}
