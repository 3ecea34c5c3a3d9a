import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { buildOpenApi } from '../openapi.js';
import type { Operation } from '../openapi-operation.js';
import { Layout } from '../pages/layout.js';

/** The machine-readable contract and a plain page listing it for people; no third-party viewer is loaded. */
export function docsRoutes(operations: Operation[], publicUrl: string) {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  return new Hono<AppEnv>()
    .get('/v1/openapi.json', (c) => {
      document ??= buildOpenApi(operations, publicUrl);
      return c.json(document);
    })
    .get('/docs', (c) =>
      c.html(
        <Layout language="en" title="Kundpuls API">
          <h1>Kundpuls API</h1>
          <p>
            The full contract, with request schemas and examples:{' '}
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
              {operations.map((op) => (
                <tr>
                  <td>
                    <code>
                      {op.method.toUpperCase()} {op.path}
                    </code>
                  </td>
                  <td>{op.access}</td>
                  <td>{op.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Layout>,
      ),
    );
}
