import * as z from 'zod/mini';
import { answerSchema } from '../../shared/answers/answer.js';
import { CreateKeySchema } from '../../shared/organisations/api-key.js';
import {
  CreateOrganisationSchema,
  UpdateOrganisationSchema,
} from '../../shared/organisations/organisation.js';
import { ImportRespondentsSchema } from '../../shared/respondents/respondent.js';
import { OpenRoundSchema } from '../../shared/rounds/round.js';
import { CustomValueListSchema } from '../../shared/values/value-list.js';
import { LOOP_OPERATIONS } from './openapi-loop.js';
import type { Operation } from './openapi-operation.js';

const errors = {
  400: 'validation_failed',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not_found (also any path id longer than a valid one, before the key is checked)',
};

/** The longest valid value of each path parameter (functions/api/request-guards.ts answers 404 beyond it). */
const PATH_PARAMETER_MAX: Record<string, number> = { email: 254, token: 140 };
const DEFAULT_PATH_PARAMETER_MAX = 64;

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/organisations',
    summary: 'Enrol an organisation; the admin key is shown once',
    access: 'operator or public',
    headers: {
      'Idempotency-Key': {
        description:
          'Makes a retry safe: the same key with the same body within 24 hours returns the same organisation and ' +
          'admin key (201, header Idempotent-Replayed: true) and creates nothing; the same key with another body ' +
          'gets 422. Use a fresh random value (e.g. a UUID) for each new enrolment: the key opens the stored answer.',
        schema: { type: 'string', minLength: 16, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      },
    },
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
      201: '{ organisation, adminKey }',
      400: errors[400],
      409: 'idempotency_in_progress: a request with this Idempotency-Key is still running',
      413: 'payload_too_large',
      415: 'unsupported_media_type',
      422: 'idempotency_key_reused: this Idempotency-Key came with another body',
      429: 'rate_limited: 10 enrolments an hour per client, 3 verification mails an hour and 10 a day per contact address; Retry-After says when to come back',
    },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}',
    summary:
      'The organisation; an analyst sees it without contactEmail and reportRecipients (nothing personal)',
    access: 'admin, analyst',
    responses: { 200: '{ organisation }', ...errors },
  },
  {
    method: 'patch',
    path: '/v1/organisations/{orgId}',
    summary: 'Change settings (from the next round on)',
    access: 'admin',
    body: { schema: UpdateOrganisationSchema, example: { customerTerm: 'patient', reminderDays: [4] } },
    responses: { 200: '{ organisation }', ...errors },
  },
  {
    method: 'post',
    path: '/v1/organisations/{orgId}/verification',
    summary:
      'Send the verification e-mail again (fixed words only: it quotes nothing the caller chose until verified)',
    access: 'admin',
    responses: {
      200: '{ verified: true, sent: false }: already verified, nothing sent',
      202: '{ verified: false, sent: true }',
      ...errors,
      429: 'rate_limited: 3 an hour and 10 a day per organisation and per address; Retry-After says when to come back',
      503: 'service_unavailable: the mail service did not take the message',
    },
  },
  {
    method: 'post',
    path: '/v1/organisations/{orgId}/keys',
    summary: 'Create an admin or analyst key; shown once',
    access: 'admin',
    body: { schema: CreateKeySchema, example: { role: 'analyst' } },
    responses: { 201: '{ id, role, key }', ...errors },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/keys',
    summary: 'List keys (never the keys themselves)',
    access: 'admin',
    responses: { 200: '{ keys }', ...errors },
  },
  {
    method: 'delete',
    path: '/v1/organisations/{orgId}/keys/{keyId}',
    summary: 'Revoke a key',
    access: 'admin',
    responses: { 204: 'revoked', ...errors },
  },
  {
    method: 'put',
    path: '/v1/organisations/{orgId}/respondents',
    summary:
      'Import up to 1,000 respondents, idempotent by e-mail, or by employeeId for staff without e-mail (optional mobile, E.164)',
    access: 'admin',
    body: {
      schema: ImportRespondentsSchema,
      contentTypes: ['application/json', 'text/csv'],
      example: { respondents: [{ email: 'anna@example.org', department: 'Vård' }] },
    },
    responses: {
      200: '{ created, updated, unchanged }',
      ...errors,
      413: 'payload_too_large',
      415: 'unsupported_media_type',
    },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/respondents',
    summary: 'List respondents, paginated',
    access: 'admin',
    query: { cursor: 'from nextCursor', limit: '1–500, default 100' },
    responses: { 200: '{ respondents, nextCursor? }', ...errors },
  },
  {
    method: 'delete',
    path: '/v1/organisations/{orgId}/respondents/{emailOrEmployeeId}',
    summary: 'Erase a respondent, named by e-mail or employee id (anonymous answers stay)',
    access: 'admin',
    responses: { 204: 'erased', ...errors },
  },
  {
    method: 'post',
    path: '/v1/organisations/{orgId}/rounds',
    summary: 'Open a round now; invitations go out with the next tick',
    access: 'admin',
    body: { schema: OpenRoundSchema, example: { closesAt: '2027-03-15T16:00:00Z' } },
    responses: { 201: '{ round }', ...errors, 409: 'conflict: not verified, or a round is open' },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds',
    summary: 'List rounds, newest first',
    access: 'admin, analyst',
    responses: { 200: '{ rounds }', ...errors },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}',
    summary: 'A round: status, invited, answered, suppressed, responseRate',
    access: 'admin, analyst',
    responses: { 200: '{ round }', ...errors },
  },
  {
    method: 'post',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/close',
    summary: 'Close a round now; the report follows with the next tick',
    access: 'admin',
    responses: { 200: '{ round }', ...errors, 409: 'conflict: already closed' },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/report',
    summary:
      "One round's figures, stored at close. While the round is open: counts only (invited, answered, responseRate); rank, heatmap are null and segments, comments, themes empty, each named in `withheld` with `round-open`. After the close a figure is null (or a group `suppressed`) and named in `withheld` with its reason where releasing it would let a reader derive something about fewer than k people: `below-threshold` (under k answers, or under the comment threshold of writers), `too-few-places` (the round's place figures need k who gave a place), `differencing` (a segment whose people sit in department × role × site cells too small to release), `participation` (a response rate per segment needs k who answered and k who did not), `no-previous-round`, `not-a-reported-segment` (an action's segment that the report does not list: nothing is derived for it). `actions`: what the organisation recorded after the previous round, each beside the change in its segment (or, with no segment, the whole organisation) from that round to this one, with the tests of the round's own change; set side by side, this claims no cause. `ideas`: question 3 (what would raise the customer's place) by theme, under the rules of `themes`. CSV (long form: section, dimension, group, metric, value) adds rows `round,,,answeredByCode,n` where released, `idea,,<theme>,mentions,n`, and `action,<actionId>,,<metric>,<value>` (text, status, segment.<dimension>, change.median, change.top10Share, change.<figure>.significant|low|high|p, withheld, notComparable). See docs/privacy.md.",
    access: 'admin, analyst',
    query: { format: 'json (default) or csv' },
    responses: {
      200: '{ report: { roundId, status, invited, answered, responseRate, suppressed, withheld: { "<figure or group>": reason }, rank: { known, median, ci95, q1, q3, mean, top10Share, dontKnowShare, histogram } | null, dontKnowShare (of those who gave a place or chose "don\'t know", once k did) | null, segments: { department|role|site: [{ value, suppressed, answered?, median?, top10Share?, dontKnowShare? }] }, heatmap: { figures: [medianPlace, top10Share, dontKnowShare, responseRate, change], rows: [{ dimension, value, cells: { <figure>: number | null } }], withheld: { "<dimension>.<value>.<figure>": reason } } | null, answeredByCode? (answers that came by answer code; withheld below k, or when the link answers are under k), comments (the first 20 a question), commentCounts, themes: [{ word, mentions }], ideas: [{ word, mentions }], actions: [{ id, text, status, segment?, change: { median, top10Share, significance?: { median, top10Share: { significant, test, interval, p, estimate? } } } | null, withheld? (reason), notComparable? }], change: { median, top10Share, responseRate, significance: { median, top10Share: { significant, test, interval, p } }, notComparable? }, values: { basis, customerPlace: { today, wishedFor, interval, chance, reason, method }, … } } }',
      ...errors,
    },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/comments',
    summary:
      "Every comment of a round's sample (up to 100 a question, random order); none while the round is open or under the comment threshold (named in `withheld`)",
    access: 'admin, analyst',
    responses: {
      200: '{ comments: { rankReason?, raiseIdeas?, consequencesNow?, consequencesIfRaised? }, withheld: { "comments" | "comments.<question>": reason } }',
      ...errors,
    },
  },
  {
    method: 'get',
    path: '/v1/value-lists/default',
    summary: 'The default list of 100 values (id, version, values: id, sv, en, customer, limiting)',
    access: 'public',
    responses: { 200: '{ id, version, values }' },
  },
  {
    method: 'post',
    path: '/v1/organisations/{orgId}/value-lists',
    summary: "Upload the organisation's own value list; each upload is a new list with a new id",
    access: 'admin',
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
    responses: { 201: '{ id, version, values }', ...errors },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/value-lists/{listId}',
    summary: "One of the organisation's value lists, or `default`",
    access: 'admin, analyst',
    responses: { 200: '{ id, version, values }', ...errors },
  },
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/report',
    summary:
      'The trend across closed rounds, the national reference line, the goal and the benchmark. The benchmark (null until at least 10 other organisations qualify) counts other organisations only, each verified, enrolled at least 180 days before its round closed and with at least 20 answers in it: `medianOfMedians` to the nearest 5 places, `percentile` in quarters.',
    access: 'admin, analyst',
    query: { format: 'json (default) or csv' },
    responses: {
      200: '{ report: { series, slopePerYear, slopeInterval, slopeRounds, measuredPlaceMethod, goal: { place, by, projection: { year, band, status } }, reference, benchmark } }',
      ...errors,
    },
  },
  {
    method: 'get',
    path: '/r/{token}',
    summary: 'The answer form (HTML)',
    access: 'public',
    responses: { 200: 'form', 404: 'unknown link', 410: 'round closed', 429: 'rate_limited' },
  },
  {
    method: 'post',
    path: '/r/{token}',
    summary:
      'Submit or replace an answer (form or JSON). rank: a plain decimal integer from 1 to the list size, or "dont-know"; empty or missing: the question is skipped. valuesToday, valuesWishedFor: up to 10 picks each (not exactly 10 as in Barrett\'s method: each person\'s picks share one vote). An answer with nothing in it → 400.',
    access: 'public',
    body: {
      schema: answerSchema(100),
      contentTypes: ['application/x-www-form-urlencoded', 'application/json'],
      example: { rank: 42, rankReason: 'Budgeten styr' },
    },
    responses: {
      200: 'thanks page, or { stored: true }',
      // 400 also for an empty answer: details[0].code "empty_answer".
      400: errors[400],
      404: 'unknown link',
      409: 'round closed (JSON)',
      410: 'round closed (form)',
      415: 'unsupported_media_type: another type, a charset other than UTF-8, or multipart without a boundary',
      429: 'rate_limited: too many unknown links from this client',
    },
  },
  {
    method: 'get',
    path: '/r/{token}/unsubscribe',
    summary: 'The unsubscribe page; its button POSTs',
    access: 'public',
    responses: { 200: 'page', 404: 'unknown link' },
  },
  {
    method: 'post',
    path: '/r/{token}/unsubscribe',
    summary: "Unsubscribe (the page's button and RFC 8058 one-click)",
    access: 'public',
    responses: { 200: 'done', 404: 'unknown link' },
  },
  ...LOOP_OPERATIONS,
];

const ErrorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['code', 'message', 'details'],
    },
  },
};

function jsonSchema(schema: z.ZodMiniType) {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

export function buildOpenApi(operations: Operation[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: PATH_PARAMETER_MAX[m[1] as string] ?? DEFAULT_PATH_PARAMETER_MAX,
        },
      })),
      ...Object.entries(op.query ?? {}).map(([name, description]) => ({
        name,
        in: 'query',
        required: false,
        description,
        schema: { type: 'string' },
      })),
      ...Object.entries(op.headers ?? {}).map(([name, { description, schema }]) => ({
        name,
        in: 'header',
        required: false,
        description,
        schema,
      })),
    ];
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = {
      summary: op.summary,
      description: `Access: ${op.access}.`,
      ...(op.access === 'admin' || op.access === 'admin, analyst' ? { security: [{ bearer: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                (op.body.contentTypes ?? ['application/json']).map((type) => [
                  type,
                  type === 'text/csv'
                    ? {
                        schema: { type: 'string' },
                        example: 'email,department,role,site\nanna@example.org,Vård,,',
                      }
                    : {
                        schema: jsonSchema(op.body?.schema as z.ZodMiniType),
                        ...(op.body?.example ? { example: op.body.example } : {}),
                      },
                ]),
              ),
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, description]) => [
          status,
          {
            description,
            ...(status === '429'
              ? {
                  headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
                }
              : {}),
            ...(Number(status) >= 400
              ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
              : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kundpuls API',
      version: '1.0.0',
      description:
        'Pulse of customer focus inside organisations. Bodies are UTF-8: a request declaring another charset gets 415. Errors always come as { error: { code, message, details } }.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: ErrorSchema },
    },
    paths,
  };
}
