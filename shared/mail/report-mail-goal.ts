import type { ReportCopy } from './report-mail-copy.js';
import type { Section } from './report-mail-render.js';

/** Where the organisation stands against its goal place, as the trend report carries it (computed elsewhere). */
export interface GoalStanding {
  place: number;
  by?: string;
  projection?: {
    year: number | null;
    band: [number, number] | null;
    status: 'on-track' | 'not-on-track' | 'no-clear-trend' | 'too-few-rounds';
  };
}

/** The goal, the projected year with its band, and on track or not; no year where the trend is unclear. */
export function goalSection(goal: GoalStanding, c: ReportCopy): Section | undefined {
  if (!goal.by || !goal.projection) return undefined;
  const { year, band, status } = goal.projection;
  const rows = [{ label: c.goalTarget, value: c.goalPlace(goal.place, goal.by) }];
  if (status === 'on-track' || status === 'not-on-track')
    rows.push({
      label: c.projection,
      value: year === null ? c.projectionNever : c.projectionYear(year, band),
    });
  rows.push({ label: c.standing, value: c.status[status] });
  return { kind: 'figures', heading: c.goal, rows };
}
