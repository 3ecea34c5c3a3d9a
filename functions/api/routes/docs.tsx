import type { Deps } from '../../../shared/deps.js';
import { Layout } from '../pages/layout.js';
import { accessOf, buildOpenApi } from '../route-table/openapi-document.js';
import type { OperationDeclaration } from '../route-table/operation.js';
import type { PageRoute } from '../route-table/page-route.js';

/** The machine-readable contract and a plain page listing it for people; no third-party viewer is loaded. */
export function docsRoutes(operations: readonly OperationDeclaration[]): PageRoute<Deps>[] {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  return [
    {
      method: 'get',
      path: '/v1/openapi.json',
      summary: 'This document',
      roles: ['anyone'],
      responses: { 200: { description: 'The OpenAPI 3.1 document' } },
      undocumented: true,
      handle: (c, { deps }) => {
        document ??= buildOpenApi(operations, deps.publicUrl);
        return c.json(document);
      },
    },
    {
      method: 'get',
      path: '/docs',
      summary: 'The operations as a page for people',
      roles: ['anyone'],
      responses: { 200: { description: 'The page', types: ['text/html'] } },
      undocumented: true,
      handle: (c) =>
        c.html(
          <Layout language="en" title="Kundpuls API">
            <h1>Kundpuls API</h1>
            <p>
              The full contract, with request and response schemas and examples:{' '}
              <a href="/v1/openapi.json">/v1/openapi.json</a>. Authenticate with{' '}
              <code>Authorization: Bearer &lt;key&gt;</code>.
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Method and path</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {operations
                  .filter((op) => !op.undocumented)
                  .map((op) => (
                    <tr>
                      <td>
                        <code>
                          {op.method.toUpperCase()} {op.path}
                        </code>
                      </td>
                      <td>{accessOf(op.roles)}</td>
                      <td>{op.summary}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </Layout>,
        ),
    },
  ];
}
