import { TICK_BUDGET_SECONDS } from '../../infra/stacks/service-stack.js';
import { QUICK } from './support/stats.js';

/** Row 10's shapes, model and configurations, read by the bench (`many-organisations.ts`) and its lines. */
export interface Shape {
  orgs: number;
  respondents: number;
}

/**
 * The shape, 2,000 organisations of 300 (600,000 invitations), runs on the memory stores standing for the
 * table: dynalite serves ~800 requests a second here, ~5 h a configuration at the shape. The
 * substitution is checked by running a reduced shape (2,000 × BENCH_MANY_RESPONDENTS, default 3) on both and
 * comparing. Quick: 520 organisations (still more than the old cap of 500 rounds) of 60, checked at 520 × 2.
 */
export const FULL: Shape = QUICK ? { orgs: 520, respondents: 60 } : { orgs: 2000, respondents: 300 };
export const CHECK: Shape = QUICK
  ? { orgs: 520, respondents: 2 }
  : { orgs: 2000, respondents: Number(process.env.BENCH_MANY_RESPONDENTS ?? 3) };
/** How far the memory stores' figures may be from dynalite's at the same shape for the substitution to hold. */
export const AGREE = 0.05;
/** Modelled in-region latencies (row 8's model, not measurable here): one SES call, one DynamoDB request. */
export const SES_MS = 30;
export const DB_MS = 5;
/** As deployed. */
export const TICK_BUDGET_S = TICK_BUDGET_SECONDS;

export const CONFIGURATIONS = [
  [14, 1],
  [200, 1],
  [200, 2],
] as const;
/** Above one worker's pace (~350 mails/s at the shape): whether more workers reach what one cannot. */
export const ABOVE_ONE_WORKER = [
  [500, 1],
  [500, 2],
] as const;
