import { createActionStore } from './adapters/dynamodb/action-store.js';
import { createApiKeyStore } from './adapters/dynamodb/api-key-store.js';
import { createBenchmarkStore } from './adapters/dynamodb/benchmark-store.js';
import { clientForTable } from './adapters/dynamodb/client.js';
import { createIdempotencyStore } from './adapters/dynamodb/idempotency-store.js';
import { createMailQuotaStore } from './adapters/dynamodb/mail-quota-store.js';
import { createOrganisationStore } from './adapters/dynamodb/organisation-store.js';
import { createReportStore } from './adapters/dynamodb/report-store.js';
import { createRoundStore } from './adapters/dynamodb/round-store.js';
import { createTickStateStore } from './adapters/dynamodb/tick-state-store.js';
import { createTokenStore } from './adapters/dynamodb/token-store.js';
import { createValueListStore } from './adapters/dynamodb/value-list-store.js';
import { lazyMailer, lazySmsSender, lazyTickTrigger } from './adapters/lazy.js';
import type { Clock } from './common-ports.js';
import type { IdempotencyStore } from './idempotency/idempotent.js';
import type { ChartRenderer } from './mail/chart-png.js';
import type { ApiKeyStore } from './organisations/ports.js';
import { createLimit, type FailureLimit, type Limit, type RateCounter } from './rate-limiter.js';
import { createRespondentDeps, type RespondentDeps, systemClock } from './respondent-deps.js';
import { createSecrets, type Secrets } from './security/secrets.js';
import type { ServiceSettings } from './settings/api.js';
import type { SmsSettings, TickPaceSettings } from './settings/parts.js';
import type { TickTrigger } from './tick/ports.js';
import type { TickDeps } from './tick/tick-deps.js';

export { systemClock };

/** Everything but the tick's pace: what the API serves from. */
export interface Deps extends Omit<TickDeps, keyof TickPaceSettings>, RespondentDeps {
  config: ServiceSettings;
  /** At hand from the start: the API and the tick read the pepper at load. */
  secrets: Secrets;
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

/** The API's own limits, counted in `rateCounter` (the table on AWS), subjects hashed with `secrets`. */
export function apiLimits(rateCounter: RateCounter, secrets: Secrets): Omit<Deps['limits'], 'tokenGuessing'> {
  return {
    enrolment: createLimit(rateCounter, secrets, 'enrol', [
      { limit: ENROLMENTS_PER_HOUR, windowSeconds: 3600 },
    ]),
    operatorEnrolment: createLimit(rateCounter, secrets, 'enrol-operator', [
      { limit: OPERATOR_ENROLMENTS_PER_HOUR, windowSeconds: 3600 },
    ]),
    verificationPerOrganisation: createLimit(rateCounter, secrets, 'verify-org', [
      { limit: 3, windowSeconds: 3600 },
      { limit: 10, windowSeconds: 86_400 },
    ]),
    verificationPerAddress: createLimit(rateCounter, secrets, 'verify-address', [
      { limit: 3, windowSeconds: 3600 },
      { limit: 10, windowSeconds: 86_400 },
    ]),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What differs between the entry points, so each names its own: the clock, what makes the tick run (EventBridge
 * on AWS, the in-process loop locally), and where the report chart's WASM and font come from.
 */
export interface Choices {
  clock: Clock;
  tickTrigger: TickTrigger;
  charts: ChartRenderer;
}

/** The tick's EventBridge rule; the client is built on the first change of schedule (a few a round). */
export function eventBridgeTickTrigger(config: { region: string; tickRuleName: string }): TickTrigger {
  return lazyTickTrigger(async () => {
    const { createEventBridgeTickTrigger } = await import('./adapters/eventbridge/tick-trigger.js');
    return createEventBridgeTickTrigger({ region: config.region, name: config.tickRuleName });
  });
}

/**
 * The composition root: the one place that builds AWS clients and wires adapters to the domain. The entry point
 * passes its choices; `overrides` replaces parts in tests and benchmarks.
 */
export function createDeps(config: ServiceSettings, choices: Choices, overrides: Partial<Deps> = {}): Deps {
  const db = clientForTable(config);
  const table = config.tableName;
  const clock = overrides.clock ?? choices.clock;
  const secrets = createSecrets(config.tokenPepper);
  const respondent = createRespondentDeps(config, secrets, clock, db);
  return {
    ...respondent,
    secrets,
    sleep,
    mailer: lazyMailer(async () => {
      const { createSesClient, createSesMailer } = await import('./adapters/ses/ses-mailer.js');
      const ses = { region: config.region, endpoint: config.sesEndpoint, from: config.mailFrom };
      return createSesMailer(createSesClient(ses), { ...ses, configurationSet: config.sesConfigurationSet });
    }),
    charts: choices.charts,
    tickTrigger: choices.tickTrigger,
    // The API sends no SMS; the tick's SMS channel is chosen in createTickingDeps.
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
    limits: { ...respondent.limits, ...apiLimits(respondent.rateCounter, secrets) },
    ...overrides,
  };
}

/** What the tick runs with (and the local server, which runs the tick in-process): the API's deps and a pace. */
export type TickingDeps = Deps & TickDeps;

/**
 * The SMS channel is the stage's choice, stated in its settings: an origination identity means End User
 * Messaging SMS; none means no SMS, and staff without e-mail get codes on paper (docs/decisions.md, "Issue 17: SMS"). The local
 * server's settings name none; tests that want SMS pass the recording stand-in as `sms`.
 */
export function createTickingDeps(
  config: ServiceSettings & TickPaceSettings & { sms?: SmsSettings },
  choices: Choices,
  overrides: Partial<TickingDeps> = {},
): TickingDeps {
  const sms = config.sms;
  return {
    ...createDeps(config, choices, overrides),
    sms: sms
      ? lazySmsSender(async () => {
          const { createSmsVoiceClient, createSmsVoiceSender } = await import(
            './adapters/sms-voice/sms-voice-sender.js'
          );
          return createSmsVoiceSender(createSmsVoiceClient(config), { region: config.region, ...sms });
        })
      : undefined,
    mailRatePerSecond: config.mailRatePerSecond,
    tickBudgetMs: config.tickBudgetMs,
    ...overrides,
  };
}
