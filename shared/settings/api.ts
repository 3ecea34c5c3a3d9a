import * as z from 'zod/mini';
import type { AnswersSettings } from './answers.js';
import { parseEnvironment, resolvePepper, type SecretReader } from './load.js';
import { enrolment, links, log, type MailSettings, mail, pepper, table, tickRule } from './parts.js';

/** The API: the table, mail (verification), links, the tick's rule (to wake it), the enrolment key. */
export const ApiEnvSchema = z.object({
  ...table.shape,
  ...pepper.shape,
  ...log.shape,
  ...links.shape,
  ...mail.shape,
  ...tickRule.shape,
  ...enrolment.shape,
});

/** What the API serves with on any host: the local server reads the same, without a tick rule. */
export interface ServiceSettings extends AnswersSettings, MailSettings {
  publicUrl: string;
  enrolmentKey?: string;
}

export interface ApiSettings extends ServiceSettings {
  tickRuleName: string;
}

export async function loadApiSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<ApiSettings> {
  const e = parseEnvironment(ApiEnvSchema, env);
  return {
    ...table.read(e),
    ...log.read(e),
    ...links.read(e),
    ...mail.read(e),
    ...tickRule.read(e),
    ...enrolment.read(e),
    tokenPepper: await resolvePepper(e, readSecret),
  };
}
