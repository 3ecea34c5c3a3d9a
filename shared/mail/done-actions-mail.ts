import type { RoundSnapshot } from '../rounds/round.js';
import { html, type SafeHtml } from './html.js';

/** The heading of "what we did since the last pulse", in the round's language; shared by mail and form. */
export const doneActionsHeading = (language: RoundSnapshot['language']) =>
  language === 'sv'
    ? 'Ni sa – vi gjorde: sedan förra pulsen har vi'
    : 'You said, we did: since the last pulse we have';

/** The invitation's paragraph on what was done since the last pulse; empty when nothing was. Texts are escaped. */
export function doneActionsHtml(snapshot: RoundSnapshot): SafeHtml | '' {
  const done = snapshot.doneActions ?? [];
  if (done.length === 0) return '';
  return html`<p style="margin:16px 0 4px;font-weight:bold">${doneActionsHeading(snapshot.language)}</p>
<ul style="margin:0 0 16px;padding-left:20px">${done.map((text) => html`<li>${text}</li>`)}</ul>`;
}

export function doneActionsText(snapshot: RoundSnapshot): string {
  const done = snapshot.doneActions ?? [];
  if (done.length === 0) return '';
  return `${doneActionsHeading(snapshot.language)}:\n${done.map((text) => `- ${text}`).join('\n')}\n\n`;
}
