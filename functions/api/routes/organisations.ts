import { Hono } from 'hono';
import type { Deps } from '../../../shared/deps.js';
import { DomainError, notFound } from '../../../shared/errors.js';
import { parseIdempotencyKey } from '../../../shared/idempotency/idempotent.js';
import { enrolOrganisation } from '../../../shared/organisations/enrol-organisation.js';
import {
  CreateOrganisationSchema,
  organisationView,
  publicOrganisation,
  UpdateOrganisationSchema,
} from '../../../shared/organisations/organisation.js';
import { resendVerification } from '../../../shared/organisations/resend-verification.js';
import { updateOrganisation } from '../../../shared/organisations/update-organisation.js';
import { RateLimited } from '../../../shared/rate-limiter.js';
import { ADMIN, READERS, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { type ClientAddress, readBody } from '../http.js';

/** Enrolment and settings. Enrolment is open unless ENROLMENT_KEY is set (docs/decisions.md). */
export function organisationRoutes(deps: Deps, clientAddress: ClientAddress) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const operatorKey = deps.config.enrolmentKey;
      const operator = operatorKey !== undefined && c.req.header('authorization') === `Bearer ${operatorKey}`;
      if (operatorKey && !operator)
        throw new DomainError('unauthorised', 'Enrolment needs the operator key on this deployment');
      // The operator provisions many organisations at once (a country's municipalities): its own, higher limit.
      const enrolments = operator
        ? await deps.limits.operatorEnrolment.hit('operator')
        : await deps.limits.enrolment.hit(clientAddress(c));
      if (!enrolments.allowed) {
        deps.logger.warn('enrolment rate limited', { route: 'enrol' });
        throw new RateLimited(
          'Too many enrolments from this address; try again later',
          enrolments.retryAfter,
        );
      }
      const key = c.req.header('idempotency-key');
      const input = await readBody(c, CreateOrganisationSchema);
      const enrolled = await enrolOrganisation(
        deps,
        input,
        key === undefined ? undefined : parseIdempotencyKey(key),
      );
      if (enrolled.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(enrolled.body, 201);
    })
    .get('/:orgId', requireKey(deps, READERS), async (c) => {
      const org = await deps.organisations.get(c.req.param('orgId'));
      if (!org) throw notFound('Organisation');
      return c.json({ organisation: organisationView(org, c.get('caller').role) });
    })
    .patch('/:orgId', requireKey(deps, ADMIN), async (c) => {
      const input = await readBody(c, UpdateOrganisationSchema);
      const org = await updateOrganisation(deps, c.req.param('orgId'), input);
      return c.json({ organisation: publicOrganisation(org) });
    })
    .post('/:orgId/verification', requireKey(deps, ADMIN), async (c) => {
      const outcome = await resendVerification(deps, c.req.param('orgId'));
      return c.json(outcome, outcome.sent ? 202 : 200);
    });
}
