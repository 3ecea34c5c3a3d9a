import type { Logger } from '../logger.js';
import type { ChartRenderer } from '../mail/chart-png.js';
import type {
  AnswerStore,
  BenchmarkStore,
  Clock,
  InvitationStore,
  Mailer,
  OrganisationStore,
  ReportStore,
  RespondentStore,
  RoundStore,
  SuppressionStore,
  TickStateStore,
  TickTrigger,
  TokenStore,
  ValueListStore,
} from '../ports.js';
import type { Secrets } from '../security/secrets.js';

export interface TickDeps {
  organisations: OrganisationStore;
  rounds: RoundStore;
  invitations: InvitationStore;
  respondents: RespondentStore;
  suppressions: SuppressionStore;
  tokens: TokenStore;
  valueLists: ValueListStore;
  answers: AnswerStore;
  reports: ReportStore;
  benchmarks: BenchmarkStore;
  mailer: Mailer;
  /** Renders the report mail's trend chart (SVG to PNG); the entry point decides where its WASM and font come from. */
  charts: ChartRenderer;
  tickTrigger: TickTrigger;
  tickState: TickStateStore;
  secrets: Secrets;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  /** Waits; injected so tests and benchmarks control time. */
  sleep: (ms: number) => Promise<void>;
  mailRatePerSecond: number;
  tickBudgetMs: number;
}

/** One tick's limits: when it must stop, and the pace mail may leave at (the SES sending quota). */
export interface TickRun {
  deadline: number;
  hasTime(): boolean;
  /** Resolves when the next e-mail may go. */
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
  deps: Pick<TickDeps, 'clock' | 'sleep' | 'mailRatePerSecond' | 'tickBudgetMs'>,
): TickRun {
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
    },
    stats: { opened: 0, sent: 0, skipped: 0, failed: 0, closed: 0, reports: 0 },
  };
}
