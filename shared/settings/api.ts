import * as z from 'zod/mini';
import type { AnswersSettings } from './answers.js';
import { parseEnvironment, resolvePepper, type SecretReader } from './load.js';
import { enrolment, links, log, type MailSettings, mail, pepper, table, tickRule } from './parts.js';

/** The API: the table, mail (verification), links, the tick's rule (to wake it), the enrolment key. */
export const ApiEnvSchema = z.object({ ...mailingShape(), ...enrolment.shape });

/** The variables behind `readMailingParts`, for the API's and the tick's schemas. */
export function mailingShape() {
  return { ...table.shape, ...pepper.shape, ...log.shape, ...links.shape, ...mail.shape, ...tickRule.shape };
}

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
  return { ...(await readMailingParts(e, readSecret)), ...enrolment.read(e) };
}

type MailingEnvironment = Parameters<typeof table.read>[0] &
  Parameters<typeof log.read>[0] &
  Parameters<typeof links.read>[0] &
  Parameters<typeof mail.read>[0] &
  Parameters<typeof tickRule.read>[0] & { TOKEN_PEPPER?: string; TOKEN_PEPPER_PARAMETER?: string };

/** What the API and the tick both read: the table, logs, links, mail, the tick's rule and the pepper. */
export async function readMailingParts(e: MailingEnvironment, readSecret?: SecretReader) {
  return {
    ...table.read(e),
    ...log.read(e),
    ...links.read(e),
    ...mail.read(e),
    ...tickRule.read(e),
    tokenPepper: await resolvePepper(e, readSecret),
  };
}
