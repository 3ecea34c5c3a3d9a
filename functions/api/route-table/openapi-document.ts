import * as z from 'zod/mini';
import { ErrorSchema } from '../responses/common.js';
import type { OperationDeclaration, ResponseDeclaration, Role } from './operation.js';
import { PATH_PARAMETERS } from './path-parameters.js';

const KEY_ROLES: readonly Role[] = ['admin', 'analyst'];

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output') {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** Who may call, in words: the docs page's column and each operation's description. */
export const accessOf = (roles: readonly Role[]) =>
  roles
    .map((role) => (role === 'operator' ? 'operator or public' : role === 'anyone' ? 'public' : role))
    .join(', ');

/** Security requirements: a key with one of the roles (OpenAPI 3.1 role names), or the operator's key or none. */
function securityOf(roles: readonly Role[]) {
  const keys = roles.filter((role) => KEY_ROLES.includes(role));
  if (keys.length > 0) return { security: keys.map((role) => ({ bearer: [role] })) };
  if (roles.includes('operator')) return { security: [{ operatorKey: [] }, {}] };
  return {};
}

/** The error statuses an operation's roles, path and body imply, and its own, with their descriptions. */
function errorsOf(op: OperationDeclaration): Record<number, string> {
  const keyed = op.roles.some((role) => KEY_ROLES.includes(role));
  return <Record<number, string>>{
    ...(op.body || op.query ? { 400: 'validation_failed' } : {}),
    ...(keyed || op.roles.includes('operator') ? { 401: 'unauthorised' } : {}),
    ...(keyed ? { 403: 'forbidden' } : {}),
    ...(op.path.includes('{')
      ? { 404: 'not_found (also any path id longer than a valid one, before the key is checked)' }
      : {}),
    ...(op.body ? { 413: 'payload_too_large', 415: 'unsupported_media_type' } : {}),
    ...op.errors,
  };
}

function parametersOf(op: OperationDeclaration) {
  const query = op.query ? (jsonSchema(op.query, 'input').properties as Record<string, object>) : {};
  return [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
      name,
      in: 'path',
      required: true,
      schema: jsonSchema(PATH_PARAMETERS[name] ?? z.string(), 'input'),
    })),
    ...Object.entries(query).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    ...Object.entries(op.headers ?? {}).map(([name, header]) => ({
      name,
      in: 'header',
      required: false,
      ...header,
    })),
  ];
}

function requestBodyOf({ body }: OperationDeclaration) {
  if (!body) return {};
  const schema = jsonSchema(body.schema, 'input');
  const types = body.types ?? (body.fromCsv ? ['application/json', 'text/csv'] : ['application/json']);
  const content = Object.fromEntries(
    types.map((type) => [
      type,
      type === 'text/csv'
        ? { schema: { type: 'string' }, ...(body.csvExample ? { example: body.csvExample } : {}) }
        : { schema, example: body.example },
    ]),
  );
  return { requestBody: { required: !body.optional, content } };
}

function responseOf(declared: ResponseDeclaration) {
  const content = {
    ...(declared.schema
      ? { 'application/json': { schema: jsonSchema(declared.schema, 'output'), example: declared.example } }
      : {}),
    ...Object.fromEntries((declared.types ?? []).map((type) => [type, { schema: { type: 'string' } }])),
  };
  const headers = Object.entries(declared.headers ?? {}).map(([name, description]) => [
    name,
    { description, schema: { type: 'string' } },
  ]);
  return {
    description: declared.description,
    ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
}

const errorResponse = (status: string, description: string) => ({
  description,
  ...(status === '429'
    ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
    : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The OpenAPI 3.1 document, built from the route table: paths, roles, request and response schemas, examples. */
export function buildOpenApi(operations: readonly OperationDeclaration[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations.filter((o) => !o.undocumented)) {
    const parameters = parametersOf(op);
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = {
      summary: op.summary,
      description: `Access: ${accessOf(op.roles)}.`,
      ...securityOf(op.roles),
      ...(parameters.length ? { parameters } : {}),
      ...requestBodyOf(op),
      responses: {
        ...Object.fromEntries(Object.entries(op.responses).map(([status, r]) => [status, responseOf(r)])),
        ...Object.fromEntries(
          Object.entries(errorsOf(op)).map(([status, description]) => [
            status,
            errorResponse(status, description),
          ]),
        ),
      },
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
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: "An organisation's admin or analyst key; the role names say which an operation takes",
        },
        operatorKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'The operator key (ENROLMENT_KEY), required only where enrolment is closed',
        },
      },
      schemas: { Error: jsonSchema(ErrorSchema, 'output') },
    },
    paths,
  };
}
