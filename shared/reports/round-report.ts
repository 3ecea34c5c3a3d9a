import type { FreeTextField } from '../answers/answer.js';
import type { CustomerTerm } from '../organisations/customer-term.js';
import type { ActionBesideChange } from './action-change.js';
import type { RoundFigures } from './aggregate-round.js';
import type { Heatmap } from './heatmap.js';
import type { ChangeTest } from './significance.js';

/** A round's figures as stored at close and served as they are: a read never recomputes. */
export interface RoundReport extends RoundFigures {
  roundId: string;
  orgId: string;
  opensAt: string;
  closesAt: string;
  status: 'open' | 'closed';
  invited: number;
  responseRate: number;
  /** Answers that came by personal answer code; absent when fewer than k (or the link answers are). */
  answeredByCode?: number;
  anonymityThreshold: number;
  commentThreshold: number;
  language: 'sv' | 'en';
  customerTerm: CustomerTerm;
  /** The value list's size: places run from 1 to this (absent in reports stored before: 100). */
  rankMax?: number;
  change?: {
    previousRoundId: string;
    median?: number;
    top10Share?: number;
    responseRate: number;
    /** Whether each change is beyond chance: the test, its 95 % interval and p. */
    significance?: { median: ChangeTest; top10Share: ChangeTest };
    /** Why no change of places is given, where the rounds cannot be compared. */
    notComparable?: string;
  };
  /** Segments × figures, each cell released or null with its reason; null for a round under k or still open. */
  heatmap: Heatmap | null;
  /**
   * What the organisation recorded after the previous round, each beside the change in its segment since then:
   * set side by side, claiming no cause. Absent in reports stored before, and while the round is open.
   */
  actions?: ActionBesideChange[];
  /** How many comments each question has at `/comments` (the report shows the first COMMENTS_IN_REPORT). */
  commentCounts?: Partial<Record<FreeTextField, number>>;
  computedAt: string;
}

/**
 * Comments a question shows in the report itself. The sample holds up to 100 a question, in random order;
 * all of them are at `GET …/rounds/{roundId}/comments` and in the CSV. A fixed page keeps a report read the
 * same size, and so the same cost, for 100 answers or 100,000.
 */
export const COMMENTS_IN_REPORT = 20;
/** …and at most this many bytes of them a question, so long comments cannot push the report item past its limit. */
export const COMMENT_PAGE_BYTES = 16_000;

type Comments = RoundFigures['comments'];
const utf8 = new TextEncoder();

/** The report with each question's first comments and the counts of all; idempotent. */
export function withCommentPage(report: RoundReport): RoundReport {
  const comments: Comments = {};
  const commentCounts: Partial<Record<FreeTextField, number>> = { ...report.commentCounts };
  for (const [field, list] of Object.entries(report.comments) as [FreeTextField, string[]][]) {
    let bytes = 0;
    comments[field] = list.slice(0, COMMENTS_IN_REPORT).filter((comment, index) => {
      bytes += utf8.encode(comment).length;
      return index === 0 || bytes <= COMMENT_PAGE_BYTES;
    });
    commentCounts[field] ??= list.length;
  }
  return { ...report, comments, commentCounts };
}

/** What readers see: `suppressed` reports show only counts (the stored item never holds more anyway). */
export function publicReport(report: RoundReport) {
  const { orgId: _org, ...rest } = report;
  return {
    ...rest,
    rank: rest.rank ?? null,
    // Reports stored before the round-level share carry it only inside `rank`.
    dontKnowShare: rest.dontKnowShare ?? rest.rank?.dontKnowShare ?? null,
    heatmap: rest.heatmap ?? null,
    actions: rest.actions ?? [],
    ideas: rest.ideas ?? [],
    withheld: rest.withheld ?? {},
  };
}
