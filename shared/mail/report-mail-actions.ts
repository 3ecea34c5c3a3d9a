import type { ActionBesideChange } from '../reports/action-change.js';
import { changeWords, shareChangeWords } from '../reports/change-words.js';
import type { WithheldReason } from '../reports/withheld.js';
import type { ReportCopy } from './report-mail-copy.js';
import { signed } from './report-mail-heatmap.js';
import type { Section } from './report-mail-render.js';

/** Where an action applies, in the mail's words: the whole organisation, or its segment's dimensions. */
function whereOf(action: ActionBesideChange, c: ReportCopy): string {
  const named = Object.entries(action.segment ?? {}).filter(([, value]) => value !== undefined);
  if (named.length === 0) return c.actions.wholeOrganisation;
  return named.map(([dimension, value]) => `${c.dimensions[dimension] ?? dimension}: ${value}`).join(', ');
}

function changeLines(action: ActionBesideChange, c: ReportCopy, language: 'sv' | 'en', k: number): string[] {
  const change = action.change;
  if (action.notComparable)
    return [`${c.actions.change}: ${changeWords({ notComparable: action.notComparable }, language)}`];
  if (!change) return [`${c.actions.change}: ${c.actions.withheld(action.withheld as WithheldReason, k)}`];
  const median = changeWords(change, language);
  const share = shareChangeWords(change, language);
  return [
    `${c.actions.median}: ${signed(change.median)}${median ? ` (${median})` : ''}`,
    `${c.actions.top10}: ${signed(Math.round(change.top10Share * 100))} ${c.actions.points}${share ? ` (${share})` : ''}`,
  ];
}

/**
 * "You said, we did": each action recorded after the previous round, where it applies, and the change there
 * since, with whether it is beyond chance, or why no change is shown. The note says what setting them side by
 * side does not claim: that the action caused the change.
 */
export function actionsSection(
  actions: ActionBesideChange[] | undefined,
  c: ReportCopy,
  language: 'sv' | 'en',
  k: number,
): Section | undefined {
  if (!actions?.length) return undefined;
  return {
    kind: 'items',
    heading: c.actions.title,
    intro: c.actions.note,
    items: actions.map((action) => ({
      title: action.text,
      lines: [
        `${whereOf(action, c)} · ${c.actions.status[action.status]}`,
        ...changeLines(action, c, language, k),
      ],
    })),
  };
}
