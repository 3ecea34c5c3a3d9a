import * as z from 'zod/mini';
import { parseEnvironment, resolvePepper, type SecretReader } from './load.js';
import { type LogLevel, log, pepper, type TableSettings, table } from './parts.js';

/** The answer pages read the table and hash tokens; they send no mail and build no links. */
export const AnswersEnvSchema = z.object({ ...table.shape, ...pepper.shape, ...log.shape });

export interface AnswersSettings extends TableSettings {
  tokenPepper: string;
  logLevel: LogLevel;
}

/**
 * The settings the environment holds, and the pepper on its way: on AWS a round trip to the secrets extension
 * that the caller overlaps with building its client (a cold start's ~10 ms, decision 122).
 */
export function startAnswersSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): { settings: Omit<AnswersSettings, 'tokenPepper'>; tokenPepper: Promise<string> } {
  const e = parseEnvironment(AnswersEnvSchema, env);
  return { settings: { ...table.read(e), ...log.read(e) }, tokenPepper: resolvePepper(e, readSecret) };
}

export async function loadAnswersSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<AnswersSettings> {
  const { settings, tokenPepper } = startAnswersSettings(env, readSecret);
  return { ...settings, tokenPepper: await tokenPepper };
}
