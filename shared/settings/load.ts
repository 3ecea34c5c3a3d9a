import * as z from 'zod/mini';

/** Reads a SecureString from SSM, where production keeps the pepper; injected so settings stay testable. */
export type SecretReader = (parameterName: string) => Promise<string>;

/** Parses the environment against one function's schema; a missing required setting fails the cold start. */
export function parseEnvironment<T>(schema: z.ZodMiniType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = z.safeParse(schema, env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The pepper for token hashes: given directly (local), or read from the SSM parameter it names (AWS). */
export async function resolvePepper(
  e: { TOKEN_PEPPER?: string; TOKEN_PEPPER_PARAMETER?: string },
  readSecret?: SecretReader,
): Promise<string> {
  let pepper = e.TOKEN_PEPPER;
  if (!pepper && e.TOKEN_PEPPER_PARAMETER && readSecret) pepper = await readSecret(e.TOKEN_PEPPER_PARAMETER);
  if (!pepper) throw new Error('Invalid environment: TOKEN_PEPPER or TOKEN_PEPPER_PARAMETER is required');
  return pepper;
}
