import type { Heatmap, HeatmapFigure } from '../reports/heatmap.js';
import type { ReportCopy } from './report-mail-copy.js';
import type { Cell, Section } from './report-mail-render.js';

export type { Heatmap, HeatmapFigure };

export const percent = (share: number | undefined | null) =>
  share === undefined || share === null ? '–' : `${Math.round(share * 100)} %`;
export const signed = (change: number) => (change > 0 ? `+${change}` : String(change));

const FORMAT: Record<HeatmapFigure, (value: number) => string> = {
  medianPlace: String,
  top10Share: percent,
  dontKnowShare: percent,
  responseRate: percent,
  change: signed,
};

/** How strongly a cell is tinted, 0 to 1: a better place, a larger top-10 share, a higher response rate. */
const STRENGTH: Partial<Record<HeatmapFigure, (value: number) => number>> = {
  medianPlace: (place) => (60 - place) / 50,
  top10Share: (share) => share / 0.5,
  responseRate: (rate) => rate,
};
const LIGHT = [244, 248, 252];
const DARK = [158, 194, 230];
function tint(strength: number): string {
  const t = Math.min(1, Math.max(0, strength));
  const [r, g, b] = LIGHT.map((light, i) => Math.round(light + ((DARK[i] as number) - light) * t));
  return `rgb(${r},${g},${b})`;
}

/** The heatmap as a grid section: one group per dimension, withheld cells as "–" with the reason attached. */
export function heatmapSection(heatmap: Heatmap, c: ReportCopy, threshold: number): Section {
  const dimensions = [...new Set(heatmap.rows.map((row) => row.dimension))];
  const cell = (row: Heatmap['rows'][number], figure: HeatmapFigure): Cell => {
    const value = row.cells[figure];
    if (value === null || value === undefined)
      return {
        text: '–',
        withheld: heatmap.withheld[`${row.dimension}.${row.value}.${figure}`] ?? c.withheld,
      };
    if (typeof value === 'string') return { text: value };
    const strength = STRENGTH[figure];
    return { text: FORMAT[figure](value), ...(strength ? { shade: tint(strength(value)) } : {}) };
  };
  return {
    kind: 'grid',
    id: 'segments',
    heading: c.segments,
    columns: heatmap.figures.map((figure) => c.heatmapColumns[figure]),
    rowHeaders: true,
    groups: dimensions.map((dimension) => ({
      title: c.dimensions[dimension] ?? dimension,
      rows: heatmap.rows
        .filter((row) => row.dimension === dimension)
        .map((row) => [{ text: row.value }, ...heatmap.figures.map((figure) => cell(row, figure))]),
    })),
    note: c.withheldLegend(threshold),
  };
}
