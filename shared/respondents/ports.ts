/** The stores of respondents and of who may not be mailed; the DynamoDB adapters own the keys. */

import type { Page } from '../common-ports.js';
import type { Respondent } from './respondent.js';

export interface RespondentStore {
  /** Up to 100 at once, keyed by respondent key; missing ones are absent from the map. */
  getMany(orgId: string, respondentKeys: string[]): Promise<Map<string, Respondent>>;
  /** Writes each respondent; unconditional, so a retry of the same import converges. */
  putMany(respondents: Respondent[]): Promise<void>;
  list(orgId: string, cursor: string | undefined, limit: number): Promise<Page<Respondent>>;
  get(orgId: string, respondentKey: string): Promise<Respondent | undefined>;
  delete(orgId: string, respondentKey: string): Promise<boolean>;
  setStatus(orgId: string, respondentKey: string, status: Respondent['status'], at: string): Promise<boolean>;
}

/**
 * Who may not be mailed, by a keyed hash of the normalised address (the respondent key), so the choice outlives
 * the respondent's erasure and a later import. Bounces and complaints hold for every organisation; an
 * unsubscribe holds for the organisation it was made from.
 */
export interface SuppressionStore {
  suppress(respondentKey: string, reason: 'bounce' | 'complaint', at: string): Promise<void>;
  unsubscribe(orgId: string, respondentKey: string, at: string): Promise<void>;
  /** Which of these respondents this organisation may not mail: bounced, complained, or unsubscribed from it. */
  suppressedAmong(orgId: string, respondentKeys: string[]): Promise<Set<string>>;
  /** Which of these respondents unsubscribed from this organisation. */
  unsubscribedAmong(orgId: string, respondentKeys: string[]): Promise<Set<string>>;
}
