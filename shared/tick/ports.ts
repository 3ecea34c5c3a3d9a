/** What the tick needs from outside: its trigger, its own state and the shared send bucket. */

/**
 * What makes the tick run on AWS: every minute while work is under way; between rounds only once, when the
 * next scheduled round is due (docs/decisions.md 22). Locally the in-process loop honours the same two modes.
 */
export interface TickTrigger {
  everyMinute(): Promise<void>;
  /** No more runs every minute; one run at `at` (an ISO time), or none at all when it is undefined. */
  idleUntil(at: string | undefined): Promise<void>;
}

export interface TickState {
  /** When the API last woke the tick (ISO); a tick stays awake a while after, for the work to land. */
  wokenAt?: string;
  idle: boolean;
}

/** The account-wide send bucket as stored: tokens left at `at` (epoch ms), and a version for conditional writes. */
export interface MailBucket {
  tokens: number;
  at: number;
  version: number;
}

/** One item every tick worker takes its send slots from, so together they keep to the account's SES quota. */
export interface MailQuotaStore {
  /** The bucket as last written (strongly consistent); undefined before the first take. */
  read(): Promise<MailBucket | undefined>;
  /** Writes `next` only if the stored version is still `seenVersion` (0: never written); false if another wrote first. */
  replace(next: MailBucket, seenVersion: number): Promise<boolean>;
}

/** One item: the tick's mode, changed only by conditional writes so a wake is never overwritten by a sleep. */
export interface TickStateStore {
  get(): Promise<TickState>;
  markWoken(at: string): Promise<void>;
  markActive(): Promise<void>;
  /** Goes idle only if no wake came since `wokenAt` was read; false when one did. */
  markIdle(wokenAt: string | undefined): Promise<boolean>;
}
