import { SEGMENT_FIELDS } from '../respondents/respondent.js';
import { RankHistogram, rankFigures, round2 } from './rank-stats.js';
import { type Cell, noneOrAtLeast, releaseCells } from './release-cells.js';
import type { WithheldReason } from './withheld.js';

/** The answers of one group: a histogram of places and a count of "don't know". */
export class Group {
  readonly histogram: RankHistogram;
  dontKnow = 0;
  /** Answered the pulse but skipped question 1: neither a place nor "don't know". */
  skipped = 0;
  constructor(readonly rankMax: number) {
    this.histogram = new RankHistogram(rankMax);
  }
  add(rank: number | null | undefined) {
    if (rank === undefined) this.skipped++;
    else if (rank === null) this.dontKnow++;
    else this.histogram.add(rank);
  }
  /** Adds another group's answers to this one. */
  absorb(other: Group) {
    other.histogram.counts.forEach((count, rank) => {
      for (let i = 0; i < count; i++) this.histogram.add(rank);
    });
    this.dontKnow += other.dontKnow;
    this.skipped += other.skipped;
  }
  get answered() {
    return this.histogram.n + this.dontKnow + this.skipped;
  }
  /** Those who answered question 1: a place or "don't know". */
  get asked() {
    return this.histogram.n + this.dontKnow;
  }
  get known() {
    return this.histogram.n;
  }
}

/** A segment value's figures, computed from the release cells it may use; nothing per person, no mean. */
export interface SegmentFigures {
  value: string;
  suppressed: boolean;
  /** The answers these figures rest on (those in cells that may be released). */
  answered?: number;
  median?: number;
  top10Share?: number;
  dontKnowShare?: number;
}

export type Dimension = (typeof SEGMENT_FIELDS)[number];
export type Segmented<T> = Record<Dimension, T[]>;

/**
 * Figures per department, role and site. A cell (department × role × site) is used only with at least k known
 * places, and what is left over is either nothing or at least k answers and k places (see `releaseCells`): so
 * every segment figure, and every sum or difference of them, covers whole cells of at least k people.
 */
export function segmentFigures(
  cells: Cell<Group>[],
  threshold: number,
  /** The round's segment values frozen at open: listed even where nobody answered (see `RoundProgress`). */
  frozen: Partial<Record<Dimension, string[]>> = {},
): { segments: Segmented<SegmentFigures>; withheld: Record<string, WithheldReason>; used: Set<string> } {
  const used = usedCells(cells, threshold);
  const withheld: Record<string, WithheldReason> = {};
  const segments = {} as Segmented<SegmentFigures>;
  for (const dimension of SEGMENT_FIELDS) {
    const values = [
      ...new Set([...cells.map((cell) => cell.segments[dimension] ?? ''), ...(frozen[dimension] ?? [])]),
    ].filter(Boolean);
    segments[dimension] = values
      .sort((a, b) => a.localeCompare(b, 'sv'))
      .map((value) => {
        const mine = cells.filter((cell) => cell.segments[dimension] === value);
        const merged = segmentGroup(mine, used, dimension, value);
        const rank = merged.known > 0 ? rankFigures(merged.histogram, merged.dontKnow) : undefined;
        if (!rank) {
          withheld[`segments.${dimension}.${value}`] = whyHidden(mine, threshold);
          return { value, suppressed: true };
        }
        return {
          value,
          suppressed: false,
          answered: merged.answered,
          median: rank.median,
          top10Share: rank.top10Share,
          dontKnowShare: round2(merged.dontKnow / merged.answered),
        };
      });
  }
  return { segments, withheld, used };
}

/** The release cells segment figures may use (see `releaseCells`): k known places each, and a safe pool. */
export function usedCells(cells: Cell<Group>[], threshold: number): Set<string> {
  return releaseCells(
    cells,
    (group) => group.known >= threshold,
    (pool) =>
      noneOrAtLeast(
        pool.reduce((sum, g) => sum + g.answered, 0),
        threshold,
      ) &&
      noneOrAtLeast(
        pool.reduce((sum, g) => sum + g.known, 0),
        threshold,
      ),
    (group) => group.answered,
  );
}

/** One segment value's answers over the used cells: what its released figures (and their changes) rest on. */
export function segmentGroup(
  cells: Cell<Group>[],
  used: Set<string>,
  dimension: Dimension,
  value: string,
): Group {
  const mine = cells.filter((cell) => cell.segments[dimension] === value);
  const merged = new Group(mine[0]?.tally.rankMax ?? cells[0]?.tally.rankMax ?? 1);
  for (const cell of mine) if (used.has(cell.key)) merged.absorb(cell.tally);
  return merged;
}

/**
 * The reason says no more than the segment's answer count (which is participation, not what was answered): how
 * many of a hidden group gave a place would itself be a figure of fewer than k people.
 */
function whyHidden(cells: Cell<Group>[], threshold: number): WithheldReason {
  const answered = cells.reduce((sum, cell) => sum + cell.tally.answered, 0);
  return answered < threshold ? 'below-threshold' : 'differencing';
}
