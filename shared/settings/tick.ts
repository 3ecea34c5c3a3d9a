import * as z from 'zod/mini';
import { type ApiSettings, mailingShape, readMailingParts } from './api.js';
import { parseEnvironment, type SecretReader } from './load.js';
import { type SmsSettings, sms, type TickPaceSettings, tickPace } from './parts.js';

/** The tick: the table, mail, SMS and links, its own rule (to sleep between rounds), and its pace. */
export const TickEnvSchema = z.object({ ...mailingShape(), ...tickPace.shape, ...sms.shape });

export interface TickSettings extends Omit<ApiSettings, 'enrolmentKey'>, TickPaceSettings {
  /** Undefined: this stage sends no SMS (staff without e-mail get codes on paper). */
  sms: SmsSettings | undefined;
}

export async function loadTickSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<TickSettings> {
  const e = parseEnvironment(TickEnvSchema, env);
  return { ...(await readMailingParts(e, readSecret)), ...tickPace.read(e), ...sms.read(e) };
}
