import * as z from 'zod/mini';
import { parseEnvironment, pepperWhenAsked, type SecretReader } from './load.js';
import { type LogLevel, log, pepper, type TableSettings, table } from './parts.js';

/** The answer pages read the table and hash tokens; they send no mail and build no links. */
export const AnswersEnvSchema = z.object({ ...table.shape, ...pepper.shape, ...log.shape });

/** What the respondent's pages are built from; the pepper comes apart, when a request first needs it. */
export interface RespondentSettings extends TableSettings {
  logLevel: LogLevel;
}

export interface AnswersSettings extends RespondentSettings {
  tokenPepper: string;
}

/**
 * The settings the environment holds, and the pepper to read when first needed: on AWS a round trip to the
 * secrets extension that the GET of a link never makes (decision 136).
 */
export function startAnswersSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): { settings: RespondentSettings; tokenPepper: () => Promise<string> } {
  const e = parseEnvironment(AnswersEnvSchema, env);
  return { settings: { ...table.read(e), ...log.read(e) }, tokenPepper: pepperWhenAsked(e, readSecret) };
}

export async function loadAnswersSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<AnswersSettings> {
  const { settings, tokenPepper } = startAnswersSettings(env, readSecret);
  return { ...settings, tokenPepper: await tokenPepper() };
}
