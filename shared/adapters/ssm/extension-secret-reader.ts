import { get } from 'node:http';
import type { SecretReader } from '../../settings/load.js';

/**
 * Reads a SecureString through the AWS Parameters and Secrets Lambda Extension (a layer CDK adds): a GET to
 * localhost instead of an SSM client in every bundle, which keeps ~170 KB of SDK out of each cold start.
 * The extension answers only during an invocation, never at init, so entries build their app on the first
 * invocation (see functions/first-invocation.ts).
 * Through `node:http`, which the DynamoDB client has loaded already, not `fetch`: a process's first `fetch`
 * loads and compiles Node's bundled undici, ~60 ms of a cold start on this machine (decision 122).
 */
export function extensionSecretReader(env: NodeJS.ProcessEnv): SecretReader {
  return async (name) => {
    const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
    const url = `http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`;
    const { status, body } = await getText(url, {
      'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '',
    });
    // The body may name the parameter but never holds its value on failure; the status is what we keep.
    if (status !== 200) throw new Error(`reading SSM parameter ${name} failed: HTTP ${status}`);
    const value = (JSON.parse(body) as { Parameter?: { Value?: string } }).Parameter?.Value;
    if (!value) throw new Error(`SSM parameter ${name} is empty`);
    return value;
  };
}

function getText(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = get(url, { headers, timeout: 5_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('the secrets extension did not answer in 5 s')));
    request.on('error', reject);
  });
}
