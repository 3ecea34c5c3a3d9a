import type { SecretReader } from '../../settings/load.js';

/**
 * Reads a SecureString through the AWS Parameters and Secrets Lambda Extension (a layer CDK adds): a GET to
 * localhost instead of an SSM client in every bundle, which keeps ~170 KB of SDK out of each cold start.
 * The extension answers only during an invocation, never at init, so entries build their app on the first
 * invocation (see functions/first-invocation.ts).
 */
export function extensionSecretReader(env: NodeJS.ProcessEnv, fetchFn: typeof fetch = fetch): SecretReader {
  return async (name) => {
    const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
    const url = `http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`;
    const response = await fetchFn(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
    });
    // The body may name the parameter but never holds its value on failure; the status is what we keep.
    if (!response.ok) throw new Error(`reading SSM parameter ${name} failed: HTTP ${response.status}`);
    const body = (await response.json()) as { Parameter?: { Value?: string } };
    const value = body.Parameter?.Value;
    if (!value) throw new Error(`SSM parameter ${name} is empty`);
    return value;
  };
}
