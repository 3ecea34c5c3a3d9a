import { parseIdempotencyKey } from '../../../shared/idempotency/idempotent.js';
import { enrolOrganisation } from '../../../shared/organisations/enrol-organisation.js';
import {
  CreateOrganisationSchema,
  publicOrganisation,
  UpdateOrganisationSchema,
} from '../../../shared/organisations/organisation.js';
import { readOrganisation } from '../../../shared/organisations/read-organisation.js';
import { resendVerification } from '../../../shared/organisations/resend-verification.js';
import { updateOrganisation } from '../../../shared/organisations/update-organisation.js';
import { RateLimited } from '../../../shared/rate-limiter.js';
import {
  ENROLMENT_EXAMPLE,
  EnrolmentSchema,
  OneOrganisationSchema,
  ORGANISATION_EXAMPLE,
  VerificationOutcomeSchema,
} from '../responses/organisation.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN, READERS } from '../route-table/operation.js';

const IDEMPOTENCY_KEY = {
  description:
    'Makes a retry safe: the same key with the same body within 24 hours returns the same organisation and ' +
    'admin key (201, header Idempotent-Replayed: true) and creates nothing; the same key with another body ' +
    'gets 422. Use a fresh random value (e.g. a UUID) for each new enrolment: the key opens the stored answer.',
  schema: { type: 'string', minLength: 16, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/** Enrolment and settings. Enrolment is open unless ENROLMENT_KEY is set (docs/decisions.md). */
export const organisationRoutes = [
  apiRoute({
    method: 'post',
    path: '/v1/organisations',
    summary: 'Enrol an organisation; the admin key is shown once',
    roles: ['operator'],
    headers: { 'Idempotency-Key': IDEMPOTENCY_KEY },
    body: {
      schema: CreateOrganisationSchema,
      example: {
        name: 'Exempelkommunen',
        contactEmail: 'admin@example.org',
        language: 'sv',
        customerTerm: 'medborgare',
      },
    },
    responses: {
      201: {
        description: 'The organisation and its admin key (shown once)',
        schema: EnrolmentSchema,
        example: ENROLMENT_EXAMPLE,
        headers: { 'Idempotent-Replayed': '`true` when this is the stored answer to an earlier request' },
      },
    },
    errors: {
      409: 'idempotency_in_progress: a request with this Idempotency-Key is still running',
      422: 'idempotency_key_reused: this Idempotency-Key came with another body',
      429: 'rate_limited: 10 enrolments an hour per client, 3 verification mails an hour and 10 a day per contact address; Retry-After says when to come back',
    },
    // Before the body is read, so refused and malformed requests count against the limit too.
    before: async ({ c, deps, clientAddress }) => {
      // The operator provisions many organisations at once (a country's municipalities): its own, higher limit.
      const enrolments = c.get('operator')
        ? await deps.limits.operatorEnrolment.hit('operator')
        : await deps.limits.enrolment.hit(clientAddress(c));
      if (enrolments.allowed) return;
      deps.logger.warn('enrolment rate limited', { route: 'enrol' });
      throw new RateLimited('Too many enrolments from this address; try again later', enrolments.retryAfter);
    },
    handle: async ({ c, deps, body }) => {
      const key = c.req.header('idempotency-key');
      const enrolled = await enrolOrganisation(
        deps,
        body,
        key === undefined ? undefined : parseIdempotencyKey(key),
      );
      if (enrolled.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(enrolled.body, 201);
    },
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}',
    summary:
      'The organisation; an analyst sees it without contactEmail and reportRecipients (nothing personal)',
    roles: READERS,
    responses: {
      200: {
        description: 'The organisation',
        schema: OneOrganisationSchema,
        example: { organisation: ORGANISATION_EXAMPLE },
      },
    },
    handle: async ({ c, deps, params }) =>
      c.json({ organisation: await readOrganisation(deps, params.orgId, c.get('caller').role) }),
  }),
  apiRoute({
    method: 'patch',
    path: '/v1/organisations/{orgId}',
    summary: 'Change settings (from the next round on)',
    roles: ADMIN,
    body: { schema: UpdateOrganisationSchema, example: { customerTerm: 'patient', reminderDays: [4] } },
    responses: {
      200: {
        description: 'The organisation as changed',
        schema: OneOrganisationSchema,
        example: { organisation: { ...ORGANISATION_EXAMPLE, reminderDays: [4] } },
      },
    },
    handle: async ({ c, deps, params, body }) =>
      c.json({ organisation: publicOrganisation(await updateOrganisation(deps, params.orgId, body)) }),
  }),
  apiRoute({
    method: 'post',
    path: '/v1/organisations/{orgId}/verification',
    summary:
      'Send the verification e-mail again (fixed words only: it quotes nothing the caller chose until verified)',
    roles: ADMIN,
    responses: {
      200: {
        description: 'Already verified, nothing sent',
        schema: VerificationOutcomeSchema,
        example: { verified: true, sent: false },
      },
      202: {
        description: 'The mail is on its way',
        schema: VerificationOutcomeSchema,
        example: { verified: false, sent: true },
      },
    },
    errors: {
      429: 'rate_limited: 3 an hour and 10 a day per organisation and per address; Retry-After says when to come back',
      503: 'service_unavailable: the mail service did not take the message',
    },
    handle: async ({ c, deps, params }) => {
      const outcome = await resendVerification(deps, params.orgId);
      return c.json(outcome, outcome.sent ? 202 : 200);
    },
  }),
];
