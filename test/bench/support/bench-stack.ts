import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { createApp } from '../../../functions/api/app.js';
import { localChoices } from '../../../infra/local/choices.js';
import type { LocalStack } from '../../../infra/local/stack.js';
import { createActionStore } from '../../../shared/adapters/dynamodb/action-store.js';
import { createAnswerLinkReader } from '../../../shared/adapters/dynamodb/answer-link-reader.js';
import { createAnswerStore } from '../../../shared/adapters/dynamodb/answer-store.js';
import { createApiKeyStore } from '../../../shared/adapters/dynamodb/api-key-store.js';
import { createBenchmarkStore } from '../../../shared/adapters/dynamodb/benchmark-store.js';
import { clientForTable } from '../../../shared/adapters/dynamodb/client.js';
import { createInvitationStore } from '../../../shared/adapters/dynamodb/invitation-store.js';
import { createMailQuotaStore } from '../../../shared/adapters/dynamodb/mail-quota-store.js';
import { createOrganisationStore } from '../../../shared/adapters/dynamodb/organisation-store.js';
import { createReportStore } from '../../../shared/adapters/dynamodb/report-store.js';
import { createRespondentStore } from '../../../shared/adapters/dynamodb/respondent-store.js';
import { createRoundStore } from '../../../shared/adapters/dynamodb/round-store.js';
import { createSuppressionStore } from '../../../shared/adapters/dynamodb/suppression-store.js';
import { createTickStateStore } from '../../../shared/adapters/dynamodb/tick-state-store.js';
import { createTokenStore } from '../../../shared/adapters/dynamodb/token-store.js';
import { createValueListStore } from '../../../shared/adapters/dynamodb/value-list-store.js';
import { loadConfig } from '../../../shared/config.js';
import { createTickingDeps, type TickingDeps } from '../../../shared/deps.js';
import { type Meter, meterClient } from './meter.js';
import type { Services } from './services.js';

export interface BenchStack extends LocalStack {
  app: ReturnType<typeof createApp>;
  /** The document client every store of `deps` uses, with the capacity and round-trip meter on it. */
  db: DynamoDBDocumentClient;
  meter: Meter;
  /** The environment the stack was configured from (for Lambda bundles and child processes). */
  env: Record<string, string>;
}

export interface BenchStackOptions {
  env?: Record<string, string>;
  overrides?: Partial<TickingDeps>;
  /** The pepper, when a child process or a bundle must hash links the same way. */
  pepper?: string;
}

/** The environment the service reads, pointing at the embedded services (as infra/local/stack.ts sets it). */
export function serviceEnv(services: Services, pepper: string, publicUrl: string): Record<string, string> {
  return {
    TABLE_NAME: services.tableName,
    AWS_REGION: 'eu-north-1',
    DYNAMODB_ENDPOINT: services.dynamoEndpoint,
    SES_ENDPOINT: services.sesUrl,
    MAIL_FROM: 'Kundpuls <pulse@kundpuls.local>',
    TOKEN_PEPPER: pepper,
    PUBLIC_URL: publicUrl,
    TICK_BUDGET_SECONDS: '600',
    MAIL_RATE_PER_SECOND: '1000000',
    LOG_LEVEL: 'silent',
  };
}

/**
 * The service wired as infra/local/stack.ts wires it (createDeps + createApp + the Node server), against
 * services started elsewhere, with every store on one metered document client.
 */
export async function startBenchStack(
  services: Services,
  options: BenchStackOptions = {},
): Promise<BenchStack> {
  const pepper = options.pepper ?? randomBytes(32).toString('base64url');
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({
    fetch: (request, bindings) => (app as NonNullable<typeof app>).fetch(request, bindings),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  const port = (server.address() as AddressInfo).port;
  const env = { ...serviceEnv(services, pepper, `http://localhost:${port}`), ...options.env };
  const config = await loadConfig(env);
  const db = clientForTable(config);
  const meter = meterClient(db);
  const t = config.tableName;
  const choices = localChoices();
  const deps = createTickingDeps(config, choices, {
    organisations: createOrganisationStore(db, t),
    apiKeys: createApiKeyStore(db, t),
    tokens: createTokenStore(db, t),
    respondents: createRespondentStore(db, t),
    rounds: createRoundStore(db, t),
    invitations: createInvitationStore(db, t),
    answers: createAnswerStore(db, t),
    reports: createReportStore(db, t),
    benchmarks: createBenchmarkStore(db, t),
    suppressions: createSuppressionStore(db, t),
    answerLinks: createAnswerLinkReader(db, t),
    valueLists: createValueListStore(db, t),
    actions: createActionStore(db, t),
    tickState: createTickStateStore(db, t),
    mailQuota: createMailQuotaStore(db, t),
    ...options.overrides,
  });
  app = createApp(deps, { clientAddress: () => '127.0.0.1' });
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    dynamoEndpoint: services.dynamoEndpoint,
    sesUrl: services.sesUrl,
    config,
    deps,
    tickTrigger: choices.tickTrigger,
    app,
    db,
    meter,
    env,
    async close() {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.destroy();
    },
  };
}
