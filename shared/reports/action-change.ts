import type { ActionStatus } from '../actions/action.js';
import type { Segments } from '../respondents/respondent.js';
import type { ChangeTest } from './significance.js';
import type { WithheldReason } from './withheld.js';

/** A change from the previous round to this one, in a segment or the whole organisation. */
export interface ActionChange {
  /** This round's median place minus the previous round's: negative, the customer moved up. */
  median: number;
  /** This round's top-10 share minus the previous round's. */
  top10Share: number;
  /** Whether each is beyond chance (the tests of the round's own change); absent where a round gave no places. */
  significance?: { median: ChangeTest; top10Share: ChangeTest };
}

/**
 * An action recorded after the previous round, set beside the change in its segment (or, with no segment, in
 * the whole organisation). Beside, not because of: the report claims no cause (docs/decisions.md).
 */
export interface ActionBesideChange {
  id: string;
  text: string;
  status: ActionStatus;
  /** Absent: the whole organisation. */
  segment?: Segments;
  /** Null where no change is given; `withheld` or `notComparable` says why. */
  change: ActionChange | null;
  withheld?: WithheldReason;
  notComparable?: string;
}
