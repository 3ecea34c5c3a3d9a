import { createAnswerLinkReader } from './adapters/dynamodb/answer-link-reader.js';
import { createAnswerStore } from './adapters/dynamodb/answer-store.js';
import { createApiKeyStore } from './adapters/dynamodb/api-key-store.js';
import { createBenchmarkStore } from './adapters/dynamodb/benchmark-store.js';
import { createDocumentClient } from './adapters/dynamodb/client.js';
import { createInvitationStore } from './adapters/dynamodb/invitation-store.js';
import { createOrganisationStore } from './adapters/dynamodb/organisation-store.js';
import { createReportStore } from './adapters/dynamodb/report-store.js';
import { createRespondentStore } from './adapters/dynamodb/respondent-store.js';
import { createRoundStore } from './adapters/dynamodb/round-store.js';
import { createSuppressionStore } from './adapters/dynamodb/suppression-store.js';
import { createTokenStore } from './adapters/dynamodb/token-store.js';
import { createValueListStore } from './adapters/dynamodb/value-list-store.js';
import { createSesClient, createSesMailer } from './adapters/ses/ses-mailer.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { AnswerLinkReader, ApiKeyStore, Clock } from './ports.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { createSecrets, type Secrets } from './security/secrets.js';
import type { TickDeps } from './tick/tick-deps.js';

export interface Deps extends TickDeps {
  config: Config;
  logger: Logger;
  secrets: Secrets;
  apiKeys: ApiKeyStore;
  answerLinks: AnswerLinkReader;
  limits: { enrolment: RateLimiter; tokenGuessing: RateLimiter };
}

export const systemClock: Clock = { now: () => new Date() };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The composition root: the one place that builds AWS clients and wires adapters to the domain. */
export function createDeps(config: Config, overrides: Partial<Deps> = {}): Deps {
  const db = createDocumentClient({
    tableName: config.tableName,
    region: config.region,
    endpoint: config.dynamoEndpoint,
  });
  const ses = createSesClient({ region: config.region, endpoint: config.sesEndpoint, from: config.mailFrom });
  const table = config.tableName;
  const clock = overrides.clock ?? systemClock;
  return {
    config,
    clock,
    sleep,
    logger: createLogger(config.logLevel),
    secrets: createSecrets(config.tokenPepper),
    mailer: createSesMailer(ses, {
      region: config.region,
      from: config.mailFrom,
      configurationSet: config.sesConfigurationSet,
    }),
    organisations: createOrganisationStore(db, table),
    apiKeys: createApiKeyStore(db, table),
    tokens: createTokenStore(db, table),
    respondents: createRespondentStore(db, table),
    rounds: createRoundStore(db, table),
    invitations: createInvitationStore(db, table),
    answers: createAnswerStore(db, table),
    reports: createReportStore(db, table),
    benchmarks: createBenchmarkStore(db, table),
    suppressions: createSuppressionStore(db, table),
    answerLinks: createAnswerLinkReader(db, table),
    valueLists: createValueListStore(db, table),
    publicUrl: config.publicUrl,
    mailRatePerSecond: config.mailRatePerSecond,
    tickBudgetMs: config.tickBudgetMs,
    limits: {
      enrolment: createRateLimiter(clock, 10, 60 * 60_000),
      // Counts only failed link look-ups, so staff behind one office NAT never trip it by answering.
      tokenGuessing: createRateLimiter(clock, 20, 10 * 60_000),
    },
    ...overrides,
  };
}
