import { errorName } from '../logger.js';

/** How one invitation or reminder went, whichever way it was delivered. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'not-claimed' | 'failed';

/** Errors that say "slow down": the run stops and the next tick resumes. */
export const isThrottling = (error: unknown) =>
  /Throttl|TooManyRequests|MaxSendRate|LimitExceeded/i.test(errorName(error));
