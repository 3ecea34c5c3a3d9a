import type * as z from 'zod/mini';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call an operation. Keys: `admin`, `analyst` (of the organisation in the path), `operator` (the
 * enrolment key; anyone while enrolment is open). Pages: `respondent link` and `verification link` (the token in
 * the path is the key), `answer code` (typed into the kiosk). `anyone`: no key at all.
 */
export type Role =
  | 'admin'
  | 'analyst'
  | 'operator'
  | 'anyone'
  | 'respondent link'
  | 'answer code'
  | 'verification link';

export const ADMIN = ['admin'] as const satisfies Role[];
export const READERS = ['admin', 'analyst'] as const satisfies Role[];

export type BodyType =
  | 'application/json'
  | 'text/csv'
  | 'application/x-www-form-urlencoded'
  | 'text/html'
  | 'text/css'
  | 'text/javascript';

export interface BodyDeclaration<S extends z.ZodMiniType = z.ZodMiniType> {
  schema: S;
  /** A valid body: shown in the document, and a test parses it with `schema`. */
  example: unknown;
  /** Default: JSON only. */
  types?: readonly BodyType[];
  /** A CSV body as the JSON body it stands for (the respondent import). */
  fromCsv?: (csv: string) => unknown;
  csvExample?: string;
  /** The body may be left out (then the handler gets undefined). */
  optional?: true;
  /** The 400's message when the body does not match `schema`. */
  invalid?: string;
}

export interface ResponseDeclaration {
  description: string;
  /** The JSON body; with it, `example` is required and a test parses it with `schema`. */
  schema?: z.ZodMiniType;
  example?: unknown;
  /** Non-JSON bodies (pages, CSV), by type. */
  types?: readonly BodyType[];
  headers?: Record<string, string>;
}

export interface HeaderDeclaration {
  description: string;
  schema: Record<string, unknown>;
}

/** What the OpenAPI document and the docs page need from a route: everything but its handler. */
export interface OperationDeclaration {
  method: Method;
  /** OpenAPI form: `/v1/organisations/{orgId}`. */
  path: string;
  summary: string;
  roles: readonly Role[];
  query?: z.ZodMiniType;
  body?: BodyDeclaration;
  headers?: Record<string, HeaderDeclaration>;
  /** Successful responses, by status. Error responses: see `errors`. */
  responses: Record<number, ResponseDeclaration>;
  /** Error statuses this operation may answer beyond those its roles, path and body imply, by status. */
  errors?: Record<number, string>;
  /** Left out of the OpenAPI document (the document itself, the docs page). */
  undocumented?: true;
}

/** `/r/{token}` → `/r/:token`, Hono's form of the same path. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The names of a path's parameters, as a type: `'/a/{orgId}/b/{roundId}'` → `'orgId' | 'roundId'`. */
export type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
