import * as z from 'zod/mini';
import type { ApiSettings } from './api.js';
import { parseEnvironment, resolvePepper, type SecretReader } from './load.js';
import {
  links,
  log,
  mail,
  pepper,
  type SmsSettings,
  sms,
  type TickPaceSettings,
  table,
  tickPace,
  tickRule,
} from './parts.js';

/** The tick: the table, mail, SMS and links, its own rule (to sleep between rounds), and its pace. */
export const TickEnvSchema = z.object({
  ...table.shape,
  ...pepper.shape,
  ...log.shape,
  ...links.shape,
  ...mail.shape,
  ...tickRule.shape,
  ...tickPace.shape,
  ...sms.shape,
});

export interface TickSettings extends Omit<ApiSettings, 'enrolmentKey'>, TickPaceSettings {
  /** Undefined: this stage sends no SMS (staff without e-mail get codes on paper). */
  sms: SmsSettings | undefined;
}

export async function loadTickSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<TickSettings> {
  const e = parseEnvironment(TickEnvSchema, env);
  return {
    ...table.read(e),
    ...log.read(e),
    ...links.read(e),
    ...mail.read(e),
    ...tickRule.read(e),
    ...tickPace.read(e),
    ...sms.read(e),
    tokenPepper: await resolvePepper(e, readSecret),
  };
}
