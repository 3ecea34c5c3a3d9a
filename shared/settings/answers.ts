import * as z from 'zod/mini';
import { parseEnvironment, resolvePepper, type SecretReader } from './load.js';
import { type LogLevel, log, pepper, type TableSettings, table } from './parts.js';

/** The answer pages read the table and hash tokens; they send no mail and build no links. */
export const AnswersEnvSchema = z.object({ ...table.shape, ...pepper.shape, ...log.shape });

export interface AnswersSettings extends TableSettings {
  tokenPepper: string;
  logLevel: LogLevel;
}

export async function loadAnswersSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<AnswersSettings> {
  const e = parseEnvironment(AnswersEnvSchema, env);
  return { ...table.read(e), ...log.read(e), tokenPepper: await resolvePepper(e, readSecret) };
}
