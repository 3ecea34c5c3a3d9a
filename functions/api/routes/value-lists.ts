import { Hono } from 'hono';
import type { Deps } from '../../../shared/deps.js';
import { notFound } from '../../../shared/errors.js';
import { DEFAULT_VALUE_LIST } from '../../../shared/values/default-value-list.js';
import { CustomValueListSchema } from '../../../shared/values/value-list.js';
import { ADMIN, READERS, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { readBody } from '../http.js';

/** The default value list, and organisations' own lists (each upload is a new list: rounds froze the old). */
export function valueListRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/v1/value-lists/default', (c) =>
      c.json(DEFAULT_VALUE_LIST, 200, { 'cache-control': 'public, max-age=3600' }),
    )
    .post('/v1/organisations/:orgId/value-lists', requireKey(deps, ADMIN), async (c) => {
      const { values } = await readBody(c, CustomValueListSchema);
      const list = { id: deps.secrets.newId('vl'), version: 1, values };
      await deps.valueLists.put(c.req.param('orgId'), list);
      return c.json(list, 201);
    })
    .get('/v1/organisations/:orgId/value-lists/:listId', requireKey(deps, READERS), async (c) => {
      const listId = c.req.param('listId');
      const list =
        listId === DEFAULT_VALUE_LIST.id
          ? DEFAULT_VALUE_LIST
          : await deps.valueLists.get(c.req.param('orgId'), listId);
      if (!list) throw notFound('Value list');
      return c.json(list);
    });
}
