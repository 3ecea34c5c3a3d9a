import type { Action } from '../actions/action.js';
import type { Segments } from '../respondents/respondent.js';
import { DEFAULT_RANK_MAX } from '../rounds/round.js';
import type { ActionBesideChange } from './action-change.js';
import type { Cell } from './release-cells.js';
import { askedCount, top10Count } from './round-change.js';
import type { RoundReport } from './round-report.js';
import { roundHalfUp } from './rounding.js';
import { type Dimension, type Group, segmentGroup, usedCells } from './segment-figures.js';
import { placeShift, shareChange } from './significance.js';

/** What of a round the change per action reads: its released figures, and its answers per release cell. */
export interface RoundSide {
  report: Pick<RoundReport, 'segments' | 'withheld' | 'anonymityThreshold' | 'rankMax'>;
  cells: () => Promise<Cell<Group>[]>;
}

type Current = RoundSide & { report: Pick<RoundReport, 'change' | 'rank'> };

/** The one dimension an action's segment names, or undefined for none or several (not a reported segment). */
function dimensionOf(segment: Segments): [Dimension, string] | undefined {
  const set = Object.entries(segment).filter(([, value]) => value !== undefined);
  return set.length === 1 ? (set[0] as [Dimension, string]) : undefined;
}

function organisationChange(
  report: Current['report'],
): Pick<ActionBesideChange, 'change' | 'withheld' | 'notComparable'> {
  const change = report.change;
  if (change?.median !== undefined && change.top10Share !== undefined)
    return {
      change: {
        median: change.median,
        top10Share: change.top10Share,
        ...(change.significance ? { significance: change.significance } : {}),
      },
    };
  if (change?.notComparable) return { change: null, notComparable: change.notComparable };
  if (!report.rank) return { change: null, withheld: report.withheld.rank ?? 'below-threshold' };
  return { change: null, withheld: 'no-previous-round' };
}

/**
 * Each action of the previous round beside the change in its segment: 1. no segment: the round's own change
 * 2. a segment of one dimension that this round reports: withheld when this round withholds it, none when the
 * previous round did not release it  3. both released: the difference of the released figures, and the tests on
 * the answers of the release cells those figures rest on (so nothing here covers a group the segments do not).
 * Anything else (several dimensions, a value the report does not list) is no reported segment: nothing derived.
 */
export async function actionsBesideChange(
  actions: Action[],
  current: Current,
  previous: RoundSide | undefined,
): Promise<ActionBesideChange[]> {
  const groups = new Map<RoundSide, Promise<{ cells: Cell<Group>[]; used: Set<string> }>>();
  const groupOf = async (side: RoundSide, dimension: Dimension, value: string) => {
    if (!groups.has(side))
      groups.set(
        side,
        side.cells().then((cells) => ({ cells, used: usedCells(cells, side.report.anonymityThreshold) })),
      );
    const { cells, used } = await (groups.get(side) as Promise<{ cells: Cell<Group>[]; used: Set<string> }>);
    return segmentGroup(cells, used, dimension, value);
  };
  const beside = async (
    action: Action,
  ): Promise<Pick<ActionBesideChange, 'change' | 'withheld' | 'notComparable'>> => {
    if (!action.segment) return organisationChange(current.report);
    const named = dimensionOf(action.segment);
    const { segments, withheld } = current.report;
    if (named && withheld.segments) return { change: null, withheld: withheld.segments };
    const now = named && segments[named[0]].find((s) => s.value === named[1]);
    if (!named || !now) return { change: null, withheld: 'not-a-reported-segment' };
    const [dimension, value] = named;
    if (now.suppressed || now.median === undefined || now.top10Share === undefined)
      return { change: null, withheld: withheld[`segments.${dimension}.${value}`] ?? 'below-threshold' };
    const before = previous?.report.segments[dimension]?.find((s) => s.value === value && !s.suppressed);
    if (!previous || before?.median === undefined || before.top10Share === undefined)
      return { change: null, withheld: 'no-previous-round' };
    const [size, previousSize] = [current.report.rankMax, previous.report.rankMax].map(
      (max) => max ?? DEFAULT_RANK_MAX,
    );
    if (size !== previousSize)
      return {
        change: null,
        notComparable: `The value lists differ in size (${previousSize} and ${size} places)`,
      };
    const [a, b] = [await groupOf(current, dimension, value), await groupOf(previous, dimension, value)];
    // The tests rest on exactly the answers the released figures rest on, or are not given.
    const same = a.answered === now.answered && b.answered === before.answered;
    const median = same ? placeShift(a.histogram, b.histogram) : undefined;
    const share = same ? shareChange(top10Count(a), askedCount(a), top10Count(b), askedCount(b)) : undefined;
    return {
      change: {
        median: now.median - before.median,
        top10Share: roundHalfUp(now.top10Share - before.top10Share, 2),
        ...(median && share ? { significance: { median, top10Share: share } } : {}),
      },
    };
  };
  const result: ActionBesideChange[] = [];
  for (const action of actions)
    result.push({
      id: action.id,
      text: action.text,
      status: action.status,
      ...(action.segment ? { segment: action.segment } : {}),
      ...(await beside(action)),
    });
  return result;
}
