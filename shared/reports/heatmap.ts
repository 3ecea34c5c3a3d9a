import type { SegmentTurnout } from './participation.js';
import { round2 } from './rank-stats.js';
import type { Dimension, Segmented, SegmentFigures } from './segment-figures.js';
import type { Withheld, WithheldReason } from './withheld.js';

export const HEATMAP_FIGURES = [
  'medianPlace',
  'top10Share',
  'dontKnowShare',
  'responseRate',
  'change',
] as const;
export type HeatmapFigure = (typeof HEATMAP_FIGURES)[number];

export interface HeatmapRow {
  dimension: Dimension;
  value: string;
  /** A number, or null when withheld (the reason is in `withheld` under `dimension.value.figure`). */
  cells: Record<HeatmapFigure, number | null>;
}

export interface Heatmap {
  figures: HeatmapFigure[];
  rows: HeatmapRow[];
  withheld: Withheld;
}

/**
 * Segments × figures, every cell taken from a released figure: place figures from the segment figures (whole
 * release cells of k known places), the response rate from the participation rows (cells of k answered and k
 * not), the change from this round's and the previous round's released medians. Nothing here is computed from
 * answers directly, so the heatmap releases nothing the segments and participation rows do not.
 */
export function buildHeatmap(
  segments: Segmented<SegmentFigures>,
  segmentsWithheld: Withheld,
  turnout: { rows: SegmentTurnout[]; withheld: Withheld },
  previous: Segmented<SegmentFigures> | undefined,
): Heatmap {
  const withheld: Withheld = {};
  const keys = new Map<string, { dimension: Dimension; value: string }>();
  for (const [dimension, list] of Object.entries(segments) as [Dimension, SegmentFigures[]][])
    for (const { value } of list) keys.set(`${dimension}.${value}`, { dimension, value });
  for (const { dimension, value } of turnout.rows) keys.set(`${dimension}.${value}`, { dimension, value });
  for (const key of Object.keys(turnout.withheld)) {
    const [dimension, ...rest] = key.split('.');
    keys.set(key, { dimension: dimension as Dimension, value: rest.join('.') });
  }
  const rows = [...keys.values()]
    .sort((a, b) => a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value, 'sv'))
    .map(({ dimension, value }) => {
      const key = `${dimension}.${value}`;
      const segment = segments[dimension].find((s) => s.value === value);
      const released = segment && !segment.suppressed ? segment : undefined;
      const placeReason: WithheldReason = segmentsWithheld[`segments.${key}`] ?? 'below-threshold';
      const turnoutRow = turnout.rows.find((r) => r.dimension === dimension && r.value === value);
      const before = previous?.[dimension]?.find((s) => s.value === value && !s.suppressed);
      const cells: HeatmapRow['cells'] = {
        medianPlace: released?.median ?? null,
        top10Share: released?.top10Share ?? null,
        dontKnowShare: released?.dontKnowShare ?? null,
        responseRate: turnoutRow ? round2(turnoutRow.answered / turnoutRow.invited) : null,
        change:
          released?.median !== undefined && before?.median !== undefined
            ? released.median - before.median
            : null,
      };
      for (const figure of ['medianPlace', 'top10Share', 'dontKnowShare'] as const)
        if (cells[figure] === null) withheld[`${key}.${figure}`] = placeReason;
      if (cells.responseRate === null) withheld[`${key}.responseRate`] = 'participation';
      if (cells.change === null) withheld[`${key}.change`] = released ? 'no-previous-round' : placeReason;
      return { dimension, value, cells };
    });
  return { figures: [...HEATMAP_FIGURES], rows, withheld };
}
