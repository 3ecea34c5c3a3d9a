import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from '../../functions/api/app.js';
import type { InProcessTickTrigger } from '../../shared/adapters/local/in-process-tick-trigger.js';
import { type Config, loadConfig } from '../../shared/config.js';
import { createTickingDeps, type TickingDeps } from '../../shared/deps.js';
import { localChoices } from './choices.js';
import { ensureTable, startDynalite, startSes } from './embedded.js';

export interface LocalStackOptions {
  port: number;
  dynamoPort: number;
  sesPort: number;
  /** Where dynalite keeps its data and the pepper lives; undefined keeps everything in memory (tests). */
  dataDir?: string;
  publicUrl?: string;
  /** Extra environment, e.g. ENROLMENT_KEY or LOG_LEVEL. */
  env?: Record<string, string>;
  /** Replace parts of the composition (a clock in tests). */
  overrides?: Partial<TickingDeps>;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  sesUrl: string;
  config: Config;
  deps: TickingDeps;
  /** The trigger the deps were built with, which `npm start`'s loop asks before each tick. */
  tickTrigger: InProcessTickTrigger;
  close(): Promise<void>;
}

/** The pepper for local hashes: made once per data directory, so links keep working across restarts. */
function localPepper(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'pepper');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * A 413 is sent before the body it refuses has been read. Node would then read the rest of that body as the
 * next request on a keep-alive connection (or drop the socket under it), so the connection ends with this
 * response and the client's next request opens a new one. API Gateway manages its own connections on AWS.
 */
function closeAfterRefusedBody(response: Response): Response {
  if (response.status === 413) response.headers.set('connection', 'close');
  return response;
}

/** The whole service on loopback: dynalite, aws-ses-v2-local and the API, wired as on AWS but for endpoints. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dynamo = await startDynalite(
    options.dynamoPort,
    options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
  );
  const ses = await startSes(options.sesPort);
  const dynamoEndpoint = `http://127.0.0.1:${dynamo.port}`;
  const tableName = 'kundpuls';
  await ensureTable(dynamoEndpoint, tableName);

  let apiPort = options.port;
  const env = {
    TABLE_NAME: tableName,
    AWS_REGION: 'eu-north-1',
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SES_ENDPOINT: `http://127.0.0.1:${ses.port}`,
    MAIL_FROM: 'Kundpuls <pulse@kundpuls.local>',
    TOKEN_PEPPER: localPepper(options.dataDir),
    PUBLIC_URL: options.publicUrl ?? 'http://localhost:0',
    TICK_BUDGET_SECONDS: '50',
    MAIL_RATE_PER_SECOND: '50',
    ...options.env,
  };
  // The public URL needs the API's port, which is known only after listening when the port is 0 (tests).
  const server = serve({
    fetch: async (request, bindings) => closeAfterRefusedBody(await app.fetch(request, bindings)),
    port: apiPort,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  apiPort = (server.address() as AddressInfo).port;
  if (!options.publicUrl) env.PUBLIC_URL = `http://localhost:${apiPort}`;
  const config = await loadConfig(env);
  const choices = localChoices();
  const deps = createTickingDeps(config, choices, options.overrides);
  const app = createApp(deps, { clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' });

  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    dynamoEndpoint,
    sesUrl: `http://127.0.0.1:${ses.port}`,
    config,
    deps,
    tickTrigger: choices.tickTrigger,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ses.close();
      await dynamo.close();
    },
  };
}
