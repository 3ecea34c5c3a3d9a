import type * as z from 'zod/mini';

/**
 * One operation of the OpenAPI document, generated from the same zod schemas the routes validate with (zod's own
 * JSON Schema output), so the contract cannot drift from the code. Later issues add their operations to OPERATIONS.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Who may call it; 'public' needs no key. */
  access: 'public' | 'admin' | 'admin, analyst' | 'operator or public';
  body?: { schema: z.ZodMiniType; example?: unknown; contentTypes?: string[] };
  query?: Record<string, string>;
  /** Optional request headers, by name: their description. */
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
  responses: Record<number, string>;
}
