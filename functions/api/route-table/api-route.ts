import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { Deps } from '../../../shared/deps.js';
import { notFound } from '../../../shared/errors.js';
import { checkEnrolmentPolicy, checkKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { bodyTypeOf, type ClientAddress, parseWith, readJson, unsupportedMediaType } from '../http.js';
import type { BodyDeclaration, OperationDeclaration, ParamNames } from './operation.js';
import { honoPath } from './operation.js';
import { PATH_PARAMETERS } from './path-parameters.js';

type Parsed<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

/** What a handler gets: the request already authorised and its params, query and body parsed. */
export interface RouteInput<P extends string, Q, B> {
  c: Context<AppEnv>;
  deps: Deps;
  clientAddress: ClientAddress;
  params: Record<ParamNames<P>, string>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

export interface ApiRouteDeclaration<P extends string, Q, B> extends OperationDeclaration {
  path: P;
  query?: Q & z.ZodMiniType;
  body?: BodyDeclaration<B & z.ZodMiniType>;
  /** Runs after the role check and before the body is read (enrolment's rate limit). */
  before?: (input: Omit<RouteInput<P, Q, B>, 'query' | 'body'>) => Promise<void>;
  handle: (input: RouteInput<P, Q, B>) => Response | Promise<Response>;
}

/** A declaration as the route table holds it: the handler's input types erased. */
type AnyInput = RouteInput<string, z.ZodMiniType, z.ZodMiniType>;
export type ApiRoute = OperationDeclaration & {
  before?: (input: AnyInput) => Promise<void>;
  handle: (input: AnyInput) => Response | Promise<Response>;
};

/** Declares one operation of the API; the types of `params`, `query` and `body` follow from its schemas. */
export function apiRoute<P extends string, Q = undefined, B = undefined>(
  declaration: ApiRouteDeclaration<P, Q, B>,
): ApiRoute {
  return declaration as unknown as ApiRoute;
}

/** A declared body: JSON, or CSV where the route takes it (turned into the JSON it stands for). */
export async function readBodyOf(c: Context, body: { fromCsv?: (csv: string) => unknown }): Promise<unknown> {
  if (body.fromCsv && bodyTypeOf(c) === 'csv') return body.fromCsv(await c.req.text());
  if (body.fromCsv && bodyTypeOf(c) !== 'json') throw unsupportedMediaType('application/json or text/csv');
  return readJson(c);
}

/** A request with a body says so by its length or its type; without either, an optional body is absent. */
const hasBody = (c: Context) =>
  (c.req.header('content-length') ?? '0') !== '0' || c.req.header('content-type') !== undefined;

/**
 * Builds Hono's routes from the declarations. Each request goes: 1. the role check (key, or enrolment policy)
 * 2. path ids against their schemas (404)  3. `before`  4. the query (400)  5. the body's type (415) and
 * content (400)  6. the handler.
 */
export function mountApiRoutes(
  app: Hono<AppEnv>,
  routes: readonly ApiRoute[],
  services: { deps: Deps; clientAddress: ClientAddress },
) {
  const { deps } = services;
  for (const route of routes) {
    const keyRoles = route.roles.filter((role) => role === 'admin' || role === 'analyst');
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      if (keyRoles.length > 0) await checkKey(deps, c, keyRoles);
      else if (route.roles.includes('operator')) checkEnrolmentPolicy(deps, c);
      const params = c.req.param() as Record<string, string>;
      for (const [name, value] of Object.entries(params))
        if (!(PATH_PARAMETERS[name]?.safeParse(value).success ?? true)) throw notFound('Resource');
      const input = { c, deps, clientAddress: services.clientAddress, params };
      await route.before?.({ ...input, query: undefined, body: undefined });
      const query = route.query ? parseWith(route.query, c.req.query(), 'The query is not valid') : undefined;
      const declared = route.body;
      const body =
        declared && (!declared.optional || hasBody(c))
          ? parseWith(declared.schema, await readBodyOf(c, declared), declared.invalid)
          : undefined;
      return route.handle({ ...input, query, body });
    });
  }
}
