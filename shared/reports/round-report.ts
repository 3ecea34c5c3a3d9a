import type { CustomerTerm } from '../organisations/customer-term.js';
import type { RoundFigures } from './aggregate-round.js';

/** A round's figures as stored at close and served as they are: a read never recomputes. */
export interface RoundReport extends RoundFigures {
  roundId: string;
  orgId: string;
  opensAt: string;
  closesAt: string;
  status: 'open' | 'closed';
  invited: number;
  responseRate: number;
  anonymityThreshold: number;
  commentThreshold: number;
  language: 'sv' | 'en';
  customerTerm: CustomerTerm;
  change?: { previousRoundId: string; median?: number; top10Share?: number; responseRate: number };
  computedAt: string;
}

/** What readers see: `suppressed` reports show only counts (the stored item never holds more anyway). */
export function publicReport(report: RoundReport) {
  const { orgId: _org, ...rest } = report;
  return rest;
}
