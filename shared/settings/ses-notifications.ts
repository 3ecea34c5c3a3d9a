import * as z from 'zod/mini';
import type { AnswersSettings } from './answers.js';
import { parseEnvironment, resolvePepper, type SecretReader } from './load.js';
import { log, pepper, table } from './parts.js';

/** Bounces and complaints: the table (suppression items) and the pepper (address hashes), nothing else. */
export const NotificationEnvSchema = z.object({ ...table.shape, ...pepper.shape, ...log.shape });

export type NotificationSettings = AnswersSettings;

export async function loadNotificationSettings(
  env: NodeJS.ProcessEnv,
  readSecret?: SecretReader,
): Promise<NotificationSettings> {
  const e = parseEnvironment(NotificationEnvSchema, env);
  return { ...table.read(e), ...log.read(e), tokenPepper: await resolvePepper(e, readSecret) };
}
