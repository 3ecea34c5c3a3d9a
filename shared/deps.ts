import { createApiKeyStore } from './adapters/dynamodb/api-key-store.js';
import { createDocumentClient } from './adapters/dynamodb/client.js';
import { createOrganisationStore } from './adapters/dynamodb/organisation-store.js';
import { createRespondentStore } from './adapters/dynamodb/respondent-store.js';
import { createTokenStore } from './adapters/dynamodb/token-store.js';
import { createSesClient, createSesMailer } from './adapters/ses/ses-mailer.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { ApiKeyStore, Clock, Mailer, OrganisationStore, RespondentStore, TokenStore } from './ports.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { createSecrets, type Secrets } from './security/secrets.js';

export interface Deps {
  config: Config;
  clock: Clock;
  logger: Logger;
  secrets: Secrets;
  mailer: Mailer;
  organisations: OrganisationStore;
  apiKeys: ApiKeyStore;
  tokens: TokenStore;
  respondents: RespondentStore;
  publicUrl: string;
  limits: { enrolment: RateLimiter; tokenGuessing: RateLimiter };
}

export const systemClock: Clock = { now: () => new Date() };

/** The composition root: the one place that builds AWS clients and wires adapters to the domain. */
export function createDeps(config: Config, overrides: Partial<Deps> = {}): Deps {
  const db = createDocumentClient({
    tableName: config.tableName,
    region: config.region,
    endpoint: config.dynamoEndpoint,
  });
  const ses = createSesClient({ region: config.region, endpoint: config.sesEndpoint, from: config.mailFrom });
  const clock = overrides.clock ?? systemClock;
  return {
    config,
    clock,
    logger: createLogger(config.logLevel),
    secrets: createSecrets(config.tokenPepper),
    mailer: createSesMailer(ses, {
      region: config.region,
      from: config.mailFrom,
      configurationSet: config.sesConfigurationSet,
    }),
    organisations: createOrganisationStore(db, config.tableName),
    apiKeys: createApiKeyStore(db, config.tableName),
    tokens: createTokenStore(db, config.tableName),
    respondents: createRespondentStore(db, config.tableName),
    publicUrl: config.publicUrl,
    limits: {
      enrolment: createRateLimiter(clock, 10, 60 * 60_000),
      // Counts only failed token look-ups, so staff behind one office NAT never trip it by answering.
      tokenGuessing: createRateLimiter(clock, 20, 10 * 60_000),
    },
    ...overrides,
  };
}
