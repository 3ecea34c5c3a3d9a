import type { Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { ClientAddress } from '../http.js';
import { honoPath, type OperationDeclaration } from './operation.js';

export interface PageServices<D> {
  deps: D;
  clientAddress: ClientAddress;
}

/**
 * A page (HTML, the token or code in the request is the key) or a document: declared like an API operation, so
 * the route table and the OpenAPI document list it, but its handler reads its own body. Pages answer a form's
 * mistakes inside the form, in the reader's language, where the API answers a JSON 400.
 */
export interface PageRoute<D> extends OperationDeclaration {
  handle: (c: Context<AppEnv>, services: PageServices<D>) => Response | Promise<Response>;
}

/** Builds Hono's routes from page declarations; kept apart from the API's so the answers Lambda stays small. */
export function mountPages<D>(app: Hono<AppEnv>, routes: readonly PageRoute<D>[], services: PageServices<D>) {
  for (const route of routes)
    app.on(route.method.toUpperCase(), honoPath(route.path), (c) => route.handle(c, services));
}
