/** `npm run tick`: one tick against the stack `npm start` runs (same DATA_DIR and ports). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../shared/config.js';
import { createTickingDeps } from '../../shared/deps.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { localChoices } from './choices.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const config = await loadConfig({
  TABLE_NAME: 'kundpuls',
  DYNAMODB_ENDPOINT: `http://127.0.0.1:${env.DYNAMODB_PORT ?? 8000}`,
  SES_ENDPOINT: `http://127.0.0.1:${env.SES_PORT ?? 8005}`,
  MAIL_FROM: 'Kundpuls <pulse@kundpuls.local>',
  PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${port}`,
  TOKEN_PEPPER: readFileSync(join(env.DATA_DIR ?? '.data', 'pepper'), 'utf8').trim(),
  MAIL_RATE_PER_SECOND: env.MAIL_RATE_PER_SECOND ?? '50',
});
console.log(JSON.stringify(await runTick(createTickingDeps(config, localChoices()))));
