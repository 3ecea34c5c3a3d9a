import { createAnswerCodeReader } from './adapters/dynamodb/answer-code-reader.js';
import { createAnswerLinkReader } from './adapters/dynamodb/answer-link-reader.js';
import { createAnswerStore } from './adapters/dynamodb/answer-store.js';
import { clientForTable } from './adapters/dynamodb/client.js';
import { createCounterStore } from './adapters/dynamodb/counter-store.js';
import { createInvitationStore } from './adapters/dynamodb/invitation-store.js';
import { createRateCounter } from './adapters/dynamodb/rate-counter.js';
import { createRespondentStore } from './adapters/dynamodb/respondent-store.js';
import { createSuppressionStore } from './adapters/dynamodb/suppression-store.js';
import { createLogger } from './adapters/logging/json-logger.js';
import type { AnswerLinkReader, AnswerStore } from './answers/ports.js';
import type { AttemptCounter } from './codes/guess-limits.js';
import type { AnswerCodeReader } from './codes/ports.js';
import type { Clock } from './common-ports.js';
import type { Logger } from './logger.js';
import { createFailureLimit, createLimit, type FailureLimit, type RateCounter } from './rate-limiter.js';
import type { RespondentStore, SuppressionStore } from './respondents/ports.js';
import type { InvitationStore } from './rounds/ports.js';
import type { SecretsSource } from './security/secrets.js';
import type { RespondentSettings } from './settings/answers.js';

/** What the respondent's pages need: the link, the answer, unsubscribing. No mailer, no reports. */
export interface RespondentDeps {
  config: RespondentSettings;
  clock: Clock;
  logger: Logger;
  /** On the answer pages, read when a request first needs the pepper: a link's GET never does. */
  secrets: SecretsSource;
  answerLinks: AnswerLinkReader;
  answers: AnswerStore;
  invitations: InvitationStore;
  respondents: RespondentStore;
  suppressions: SuppressionStore;
  /** Fixed-window counters in the table, for every limit that must hold across containers. */
  rateCounter: RateCounter;
  limits: { tokenGuessing: FailureLimit };
  /** The kiosk (`/k`): answer codes, and the failed-code counters it reads before every guess. */
  answerCodes: AnswerCodeReader;
  counters: AttemptCounter;
}

export const systemClock: Clock = { now: () => new Date() };

/** Failed link look-ups from one client address: 20 in ten minutes. */
export const tokenGuessingLimit = (rateCounter: RateCounter, secrets: SecretsSource, clock: Clock) =>
  createFailureLimit(
    createLimit(rateCounter, secrets, 'link-guess', [{ limit: 20, windowSeconds: 600 }]),
    clock,
  );

/**
 * The answer pages' composition root. The answer-pages Lambda is built from this alone, so its bundle holds
 * no SES client or MIME composer and the page a respondent clicks starts as fast as Hono and DynamoDB allow.
 */
export function createRespondentDeps(
  config: RespondentSettings,
  secrets: SecretsSource,
  clock: Clock,
  db = clientForTable(config),
): RespondentDeps {
  const table = config.tableName;
  const rateCounter = createRateCounter(db, table, clock);
  return {
    config,
    clock,
    logger: createLogger(config.logLevel),
    secrets,
    answerLinks: createAnswerLinkReader(db, table),
    answers: createAnswerStore(db, table),
    invitations: createInvitationStore(db, table),
    respondents: createRespondentStore(db, table),
    suppressions: createSuppressionStore(db, table),
    rateCounter,
    // Counts only failed link look-ups, so staff behind one office NAT never trip it by answering.
    limits: { tokenGuessing: tokenGuessingLimit(rateCounter, secrets, clock) },
    answerCodes: createAnswerCodeReader(db, table),
    counters: createCounterStore(db, table),
  };
}
