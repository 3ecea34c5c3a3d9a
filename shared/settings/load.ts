import * as z from 'zod/mini';

/** Reads a SecureString from SSM, where production keeps the pepper; injected so settings stay testable. */
export type SecretReader = (parameterName: string) => Promise<string>;

/** Parses the environment against one function's schema; a missing required setting fails the cold start. */
export function parseEnvironment<T>(schema: z.ZodMiniType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = z.safeParse(schema, env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

type PepperEnvironment = { TOKEN_PEPPER?: string; TOKEN_PEPPER_PARAMETER?: string };
const NO_PEPPER = 'Invalid environment: TOKEN_PEPPER or TOKEN_PEPPER_PARAMETER is required';

/** The pepper for token hashes: given directly (local), or read from the SSM parameter it names (AWS). */
export function resolvePepper(e: PepperEnvironment, readSecret?: SecretReader): Promise<string> {
  try {
    return pepperWhenAsked(e, readSecret)();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The pepper, read when first asked for: the answer pages' GET of a link needs none (decision 136). Whether one
 * can be had at all is checked now, so a function without one still fails at load, not at its first POST.
 */
export function pepperWhenAsked(e: PepperEnvironment, readSecret?: SecretReader): () => Promise<string> {
  const { TOKEN_PEPPER: pepper, TOKEN_PEPPER_PARAMETER: parameter } = e;
  if (pepper) return () => Promise.resolve(pepper);
  if (!parameter || !readSecret) throw new Error(NO_PEPPER);
  return async () => {
    const read = await readSecret(parameter);
    if (!read) throw new Error(NO_PEPPER);
    return read;
  };
}
