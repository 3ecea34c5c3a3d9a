import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { enrolVerified } from '../support/enrol.js';
import { startTestStack } from '../support/stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

/** Sends one request through the agent and reads the whole answer. */
function send(agent: Agent, method: string, path: string, body: string, key: string) {
  const url = new URL(stack.apiUrl);
  return new Promise<{ status: number; connection?: string; json: { error?: { code: string } } }>(
    (resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method,
          agent,
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              connection: res.headers.connection,
              json: JSON.parse(text),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

const importOf = (count: number, pad: number) =>
  JSON.stringify({
    respondents: Array.from({ length: count }, (_, i) => ({
      email: `person${i}@example.org`,
      department: `d${String(i % 7).padStart(pad, '-')}`,
    })),
  });

describe('the local server after a refused body', () => {
  it('closes the connection with its 413, so the next request on a keep-alive agent is answered', async () => {
    const org = await enrolVerified(stack);
    const path = `/v1/organisations/${org.orgId}/respondents`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const oversized = importOf(1000, 2000); // about 2 MB, over the import's 1 MB limit
    const fitting = importOf(800, 99); // about 114 KB
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(2_000_000);
    expect(Buffer.byteLength(fitting)).toBeGreaterThan(110_000);

    const refused = await send(agent, 'PUT', path, oversized, org.adminKey);
    const next = await send(agent, 'PUT', path, fitting, org.adminKey);
    const after = await send(agent, 'PUT', path, fitting, org.adminKey);
    agent.destroy();

    expect(refused.status).toBe(413);
    expect(refused.json.error?.code).toBe('payload_too_large');
    expect(refused.connection).toBe('close');
    expect(next.status).toBe(200);
    expect(after.status).toBe(200);
    expect(after.connection).toBe('keep-alive');
  });
});
