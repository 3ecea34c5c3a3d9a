import { Hono } from 'hono';
import {
  createAction,
  deleteAction,
  listActions,
  updateAction,
} from '../../../shared/actions/manage-actions.js';
import type { Deps } from '../../../shared/deps.js';
import { ADMIN, READERS, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { readJson } from '../http.js';

/** The action loop: what the organisation will do, or did, after a round. Admins write; analysts read. */
export function actionRoutes(deps: Deps) {
  const base = '/:orgId/rounds/:roundId/actions';
  return new Hono<AppEnv>()
    .post(base, requireKey(deps, ADMIN), async (c) => {
      const action = await createAction(
        deps,
        c.req.param('orgId'),
        c.req.param('roundId'),
        await readJson(c),
      );
      return c.json({ action }, 201);
    })
    .get(base, requireKey(deps, READERS), async (c) =>
      c.json({ actions: await listActions(deps, c.req.param('orgId'), c.req.param('roundId')) }),
    )
    .patch(`${base}/:actionId`, requireKey(deps, ADMIN), async (c) => {
      const { orgId, roundId, actionId } = c.req.param();
      return c.json({ action: await updateAction(deps, orgId, roundId, actionId, await readJson(c)) });
    })
    .delete(`${base}/:actionId`, requireKey(deps, ADMIN), async (c) => {
      const { orgId, roundId, actionId } = c.req.param();
      await deleteAction(deps, orgId, roundId, actionId);
      return c.body(null, 204);
    });
}
