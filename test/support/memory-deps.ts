import { createInProcessTickTrigger } from '../../shared/adapters/local/in-process-tick-trigger.js';
import { createRecordingSmsSender } from '../../shared/adapters/local/recording-sms-sender.js';
import { createMemoryActionStore } from '../../shared/adapters/memory/action-store.js';
import { createMemoryAnswerStore } from '../../shared/adapters/memory/answer-store.js';
import { createMemoryApiKeyStore } from '../../shared/adapters/memory/api-key-store.js';
import {
  createMemoryAttemptCounter,
  createMemoryRateCounter,
} from '../../shared/adapters/memory/counters.js';
import { createMemoryIdempotencyStore } from '../../shared/adapters/memory/idempotency-store.js';
import { createMemoryInvitationStore } from '../../shared/adapters/memory/invitation-store.js';
import { createMemoryLogger, createMemoryMailer } from '../../shared/adapters/memory/mailer.js';
import { createMemoryOrganisationStore } from '../../shared/adapters/memory/organisation-store.js';
import {
  createMemoryAnswerCodeReader,
  createMemoryAnswerLinkReader,
} from '../../shared/adapters/memory/readers.js';
import {
  createMemoryBenchmarkStore,
  createMemoryReportStore,
} from '../../shared/adapters/memory/report-store.js';
import { createMemoryRespondentStore } from '../../shared/adapters/memory/respondent-store.js';
import { createMemoryRoundStore } from '../../shared/adapters/memory/round-store.js';
import { createMemorySuppressionStore } from '../../shared/adapters/memory/suppression-store.js';
import {
  createMemoryMailQuotaStore,
  createMemoryTickStateStore,
} from '../../shared/adapters/memory/tick-state.js';
import { createMemoryTokenStore } from '../../shared/adapters/memory/token-store.js';
import { createMemoryValueListStore } from '../../shared/adapters/memory/value-list-store.js';
import type { Clock } from '../../shared/common-ports.js';
import { apiLimits, type TickingDeps } from '../../shared/deps.js';
import { readChartAssetFiles } from '../../shared/mail/chart-assets-files.js';
import { createChartRenderer } from '../../shared/mail/chart-png.js';
import { tokenGuessingLimit } from '../../shared/respondent-deps.js';
import { createSecrets } from '../../shared/security/secrets.js';
import type { ServiceSettings } from '../../shared/settings/api.js';
import { manualClock } from './clock.js';

export interface MemoryDepsOptions {
  /** Default: a manual clock at 2027-01-11 08:00 UTC (a Monday), moved by the test. */
  clock?: Clock;
  config?: Partial<ServiceSettings>;
}

/** One chart renderer per process: resvg's WASM may be instantiated only once. */
const charts = createChartRenderer(readChartAssetFiles);

/**
 * The whole composition on Map-backed adapters, for unit tests: the same domain and routes as on AWS, with no
 * table, no SES and no waiting (sleep advances nothing and returns at once). Mail, SMS and logs are kept for
 * the test to read.
 */
export function createMemoryDeps(options: MemoryDepsOptions = {}) {
  const clock = options.clock ?? manualClock(Date.parse('2027-01-11T08:00:00Z'));
  const config: ServiceSettings = {
    tableName: 'memory',
    region: 'eu-north-1',
    tokenPepper: 'memory-pepper-memory-pepper-memory-pepper',
    logLevel: 'silent',
    publicUrl: 'https://kundpuls.test',
    mailFrom: 'Kundpuls <pulse@kundpuls.test>',
    ...options.config,
  };
  const secrets = createSecrets(config.tokenPepper);
  const rateCounter = createMemoryRateCounter(clock);
  const tokens = createMemoryTokenStore();
  const rounds = createMemoryRoundStore();
  const mailer = createMemoryMailer();
  const sms = createRecordingSmsSender();
  const logger = createMemoryLogger();
  const tickTrigger = createInProcessTickTrigger();
  const mailQuota = createMemoryMailQuotaStore();
  const deps = {
    config,
    clock,
    logger,
    secrets,
    publicUrl: config.publicUrl,
    sleep: async () => {},
    mailRatePerSecond: 1000,
    tickBudgetMs: 50_000,
    mailer,
    sms,
    charts,
    tickTrigger,
    tickState: createMemoryTickStateStore(),
    mailQuota,
    organisations: createMemoryOrganisationStore(),
    apiKeys: createMemoryApiKeyStore(),
    idempotency: createMemoryIdempotencyStore(),
    tokens,
    rounds,
    invitations: createMemoryInvitationStore(),
    answers: createMemoryAnswerStore(),
    respondents: createMemoryRespondentStore(),
    suppressions: createMemorySuppressionStore(),
    reports: createMemoryReportStore(),
    benchmarks: createMemoryBenchmarkStore(),
    valueLists: createMemoryValueListStore(),
    actions: createMemoryActionStore(),
    answerLinks: createMemoryAnswerLinkReader(tokens, rounds),
    answerCodes: createMemoryAnswerCodeReader(tokens, rounds),
    counters: createMemoryAttemptCounter(),
    rateCounter,
    limits: {
      tokenGuessing: tokenGuessingLimit(rateCounter, secrets, clock),
      ...apiLimits(rateCounter, secrets),
    },
  } satisfies TickingDeps;
  return deps;
}
export type MemoryDeps = ReturnType<typeof createMemoryDeps>;
