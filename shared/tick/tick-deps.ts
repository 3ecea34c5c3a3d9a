import type { ActionStore } from '../actions/ports.js';
import type { AnswerStore } from '../answers/ports.js';
import type { Clock } from '../common-ports.js';
import type { Logger } from '../logger.js';
import type { ChartRenderer } from '../mail/chart-png.js';
import type { Mailer } from '../mail/ports.js';
import type { OrganisationStore } from '../organisations/ports.js';
import type { BenchmarkStore, ReportStore } from '../reports/ports.js';
import type { RespondentStore, SuppressionStore } from '../respondents/ports.js';
import type { InvitationStore, RoundStore } from '../rounds/ports.js';
import type { Secrets } from '../security/secrets.js';
import type { SmsSender } from '../sms/sms-sender.js';
import type { TokenStore } from '../tokens/ports.js';
import type { ValueListStore } from '../values/ports.js';
import { createMailQuota } from './mail-quota.js';
import type { MailQuotaStore, TickStateStore, TickTrigger } from './ports.js';

export interface TickDeps {
  organisations: OrganisationStore;
  rounds: RoundStore;
  invitations: InvitationStore;
  respondents: RespondentStore;
  suppressions: SuppressionStore;
  tokens: TokenStore;
  valueLists: ValueListStore;
  actions: ActionStore;
  answers: AnswerStore;
  reports: ReportStore;
  benchmarks: BenchmarkStore;
  mailer: Mailer;
  /** Undefined where no SMS channel is set up: staff without e-mail then get codes on paper only. */
  sms: SmsSender | undefined;
  /** Renders the report mail's trend chart (SVG to PNG); the entry point decides where its WASM and font come from. */
  charts: ChartRenderer;
  tickTrigger: TickTrigger;
  tickState: TickStateStore;
  /** The account-wide send bucket every tick worker takes its slots from. */
  mailQuota: MailQuotaStore;
  secrets: Secrets;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  /** Waits; injected so tests and benchmarks control time. */
  sleep: (ms: number) => Promise<void>;
  /** The account's SES sending quota, shared by every tick worker running at once. */
  mailRatePerSecond: number;
  tickBudgetMs: number;
}

/** One tick's limits: when it must stop, and the pace mail may leave at (the account's SES sending quota). */
export interface TickRun {
  deadline: number;
  hasTime(): boolean;
  /** Resolves when the next e-mail may go: this worker's pace, then a slot from the account-wide bucket. */
  nextMailSlot(): Promise<void>;
  stats: { opened: number; sent: number; skipped: number; failed: number; closed: number; reports: number };
}

/**
 * Slots left unused while no mail was ready (a page boundary, a slow DynamoDB write) may be used later, up to
 * this much time's worth: a token bucket, as SES's own quota is ("you can exceed it for short bursts, not for
 * a sustained period"). The sustained pace stays at the configured rate; any one second carries at most
 * 1.2 × the rate.
 */
export const MAIL_CREDIT_MS = 200;

export function startTickRun(
  deps: Pick<TickDeps, 'clock' | 'sleep' | 'mailRatePerSecond' | 'tickBudgetMs' | 'mailQuota'>,
): TickRun {
  const quota = createMailQuota(deps);
  const start = deps.clock.now().getTime();
  const deadline = start + deps.tickBudgetMs;
  const interval = 1000 / deps.mailRatePerSecond;
  // No credit before the first mail: a run that starts late has missed no slots.
  let nextSlot: number | undefined;
  return {
    deadline,
    hasTime: () => deps.clock.now().getTime() < deadline,
    async nextMailSlot() {
      const now = deps.clock.now().getTime();
      const slot = nextSlot === undefined ? now : Math.max(nextSlot, now - MAIL_CREDIT_MS);
      nextSlot = slot + interval;
      if (slot > now) await deps.sleep(slot - now);
      await quota.take();
    },
    stats: { opened: 0, sent: 0, skipped: 0, failed: 0, closed: 0, reports: 0 },
  };
}
