import { SEGMENT_FIELDS } from '../respondents/respondent.js';
import type { TurnoutCell } from '../rounds/round-view.js';
import { releaseCells } from './release-cells.js';
import type { Dimension } from './segment-figures.js';
import type { Withheld } from './withheld.js';

/** Invited and answered of one segment value, counted over the cells that may be shown. */
export interface SegmentTurnout {
  dimension: Dimension;
  value: string;
  invited: number;
  answered: number;
}

/**
 * Participation per segment value that points at no one: a cell (department × role × site) counts only with at
 * least k who answered and k who did not, so a ratio such as 4 / 5 never shows; the rest (with the people erased
 * while the round ran) is one pool that must hold either no one or k of each, or the smallest shown cell joins it.
 * Sums and differences of the rows across dimensions are sums over whole cells of that kind.
 */
export function segmentTurnout(
  cells: Iterable<TurnoutCell>,
  threshold: number,
  erased: { invited: number; answered: number } = { invited: 0, answered: 0 },
): { rows: SegmentTurnout[]; withheld: Withheld } {
  const all = [...cells];
  const both = (t: { invited: number; answered: number }) =>
    t.answered >= threshold && t.invited - t.answered >= threshold;
  const used = releaseCells<{ invited: number; answered: number; erased?: boolean }>(
    [...all, { key: '\u0001erased', segments: {}, tally: { ...erased, erased: true } }],
    (t) => !t.erased && both(t),
    (pool) => {
      const invited = pool.reduce((sum, t) => sum + t.invited, 0);
      const answered = pool.reduce((sum, t) => sum + t.answered, 0);
      return invited === 0 || both({ invited, answered });
    },
    (t) => t.invited,
  );
  const rows: SegmentTurnout[] = [];
  const withheld: Withheld = {};
  for (const dimension of SEGMENT_FIELDS) {
    const values = [...new Set(all.map((cell) => cell.segments[dimension] ?? ''))].filter(Boolean);
    for (const value of values.sort((a, b) => a.localeCompare(b, 'sv'))) {
      const mine = all.filter((cell) => cell.segments[dimension] === value && used.has(cell.key));
      if (mine.length === 0) {
        withheld[`${dimension}.${value}`] = 'participation';
        continue;
      }
      rows.push({
        dimension,
        value,
        invited: mine.reduce((sum, cell) => sum + cell.tally.invited, 0),
        answered: mine.reduce((sum, cell) => sum + cell.tally.answered, 0),
      });
    }
  }
  return { rows, withheld };
}
