import * as z from 'zod/mini';
import type { ServiceSettings } from './settings/api.js';
import { parseEnvironment, resolvePepper, type SecretReader } from './settings/load.js';
import {
  enrolment,
  links,
  log,
  mail,
  pepper,
  type TickPaceSettings,
  table,
  tickPace,
} from './settings/parts.js';

export type { SecretReader };

/**
 * The local server's settings (`npm start`, tests, benchmarks): one process that serves the API and the
 * answer pages and runs the tick, so it reads every part. Each Lambda loads only its own schema from
 * shared/settings/ (api, answers, tick, ses-notifications).
 */
const LocalEnvSchema = z.object({
  ...table.shape,
  ...pepper.shape,
  ...log.shape,
  ...links.shape,
  ...mail.shape,
  ...tickPace.shape,
  ...enrolment.shape,
});

/** No tick rule: the local server's tick trigger is the in-process one (infra/local/stack.ts). */
export interface Config extends ServiceSettings, TickPaceSettings {}

export async function loadConfig(env: NodeJS.ProcessEnv, readSecret?: SecretReader): Promise<Config> {
  const e = parseEnvironment(LocalEnvSchema, env);
  return {
    ...table.read(e),
    ...log.read(e),
    ...links.read(e),
    ...mail.read(e),
    ...tickPace.read(e),
    ...enrolment.read(e),
    tokenPepper: await resolvePepper(e, readSecret),
  };
}
