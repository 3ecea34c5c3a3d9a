import { createActionStore } from './adapters/dynamodb/action-store.js';
import { createApiKeyStore } from './adapters/dynamodb/api-key-store.js';
import { createBenchmarkStore } from './adapters/dynamodb/benchmark-store.js';
import { createDocumentClient } from './adapters/dynamodb/client.js';
import { createIdempotencyStore } from './adapters/dynamodb/idempotency-store.js';
import { createMailQuotaStore } from './adapters/dynamodb/mail-quota-store.js';
import { createOrganisationStore } from './adapters/dynamodb/organisation-store.js';
import { createReportStore } from './adapters/dynamodb/report-store.js';
import { createRoundStore } from './adapters/dynamodb/round-store.js';
import { createTickStateStore } from './adapters/dynamodb/tick-state-store.js';
import { createTokenStore } from './adapters/dynamodb/token-store.js';
import { createValueListStore } from './adapters/dynamodb/value-list-store.js';
import { lazyMailer, lazyTickTrigger } from './adapters/lazy.js';
import { createInProcessTickTrigger } from './adapters/local/in-process-tick-trigger.js';
import type { IdempotencyStore } from './idempotency/idempotent.js';
import { readChartAssetFiles } from './mail/chart-assets-files.js';
import { createChartRenderer } from './mail/chart-png.js';
import type { ApiKeyStore } from './organisations/ports.js';
import { createLimit, type FailureLimit, type Limit } from './rate-limiter.js';
import { createRespondentDeps, type RespondentDeps, systemClock } from './respondent-deps.js';
import type { ApiSettings } from './settings/api.js';
import type { TickPaceSettings } from './settings/parts.js';
import type { TickDeps } from './tick/tick-deps.js';

export { systemClock };

/** Everything but the tick's pace: what the API serves from. */
export interface Deps extends Omit<TickDeps, keyof TickPaceSettings>, RespondentDeps {
  config: ApiSettings;
  apiKeys: ApiKeyStore;
  idempotency: IdempotencyStore;
  limits: {
    enrolment: Limit;
    operatorEnrolment: Limit;
    tokenGuessing: FailureLimit;
    verificationPerOrganisation: Limit;
    verificationPerAddress: Limit;
  };
}

/** Enrolments an hour from one address without the operator key (open self-service). */
export const ENROLMENTS_PER_HOUR = 10;
/** Enrolments an hour with the operator key, one counter for the operator: 290 municipalities in one sitting. */
export const OPERATOR_ENROLMENTS_PER_HOUR = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The composition root: the one place that builds AWS clients and wires adapters to the domain. */
export function createDeps(config: ApiSettings, overrides: Partial<Deps> = {}): Deps {
  const db = createDocumentClient({
    tableName: config.tableName,
    region: config.region,
    endpoint: config.dynamoEndpoint,
  });
  const table = config.tableName;
  const clock = overrides.clock ?? systemClock;
  const respondent = createRespondentDeps(config, clock, db);
  return {
    ...respondent,
    sleep,
    mailer: lazyMailer(async () => {
      const { createSesClient, createSesMailer } = await import('./adapters/ses/ses-mailer.js');
      const ses = { region: config.region, endpoint: config.sesEndpoint, from: config.mailFrom };
      return createSesMailer(createSesClient(ses), { ...ses, configurationSet: config.sesConfigurationSet });
    }),
    // From source (npm start, tests) the chart's WASM and font are read from node_modules; the tick Lambda
    // passes the copies esbuild embedded in its bundle instead (functions/tick/lambda.ts).
    charts: createChartRenderer(readChartAssetFiles),
    tickTrigger: config.tickRuleName
      ? lazyTickTrigger(async () => {
          const { createEventBridgeTickTrigger } = await import('./adapters/eventbridge/tick-trigger.js');
          return createEventBridgeTickTrigger({ region: config.region, name: config.tickRuleName as string });
        })
      : createInProcessTickTrigger(),
    // No SMS channel on AWS yet: the End User Messaging SMS adapter is the next step (decision 30).
    sms: undefined,
    tickState: createTickStateStore(db, table),
    mailQuota: createMailQuotaStore(db, table),
    organisations: createOrganisationStore(db, table),
    apiKeys: createApiKeyStore(db, table),
    idempotency: createIdempotencyStore(db, table),
    tokens: createTokenStore(db, table),
    rounds: createRoundStore(db, table),
    reports: createReportStore(db, table),
    benchmarks: createBenchmarkStore(db, table),
    valueLists: createValueListStore(db, table),
    actions: createActionStore(db, table),
    config,
    publicUrl: config.publicUrl,
    limits: {
      ...respondent.limits,
      enrolment: createLimit(respondent.rateCounter, respondent.secrets, 'enrol', [
        { limit: ENROLMENTS_PER_HOUR, windowSeconds: 3600 },
      ]),
      operatorEnrolment: createLimit(respondent.rateCounter, respondent.secrets, 'enrol-operator', [
        { limit: OPERATOR_ENROLMENTS_PER_HOUR, windowSeconds: 3600 },
      ]),
      verificationPerOrganisation: createLimit(respondent.rateCounter, respondent.secrets, 'verify-org', [
        { limit: 3, windowSeconds: 3600 },
        { limit: 10, windowSeconds: 86_400 },
      ]),
      verificationPerAddress: createLimit(respondent.rateCounter, respondent.secrets, 'verify-address', [
        { limit: 3, windowSeconds: 3600 },
        { limit: 10, windowSeconds: 86_400 },
      ]),
    },
    ...overrides,
  };
}

/** What the tick runs with (and the local server, which runs the tick in-process): the API's deps and a pace. */
export type TickingDeps = Deps & TickDeps;

export function createTickingDeps(
  config: ApiSettings & TickPaceSettings,
  overrides: Partial<TickingDeps> = {},
): TickingDeps {
  return {
    ...createDeps(config, overrides),
    mailRatePerSecond: config.mailRatePerSecond,
    tickBudgetMs: config.tickBudgetMs,
    ...overrides,
  };
}
