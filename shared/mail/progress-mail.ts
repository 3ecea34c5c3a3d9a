import type { SegmentTurnout } from '../reports/participation.js';
import type { RoundSnapshot } from '../rounds/round.js';
import { html, mailLayout } from './html.js';
import type { OutgoingMail } from './ports.js';

const percent = (answered: number, invited: number) =>
  invited === 0 ? '–' : `${Math.round((answered / invited) * 100)} %`;

/**
 * To the admin contact at each reminder: participation so far, per group only where at least k have answered
 * and k have not, so no row points at the few who have not (see segmentTurnout).
 */
export function progressMail(
  snapshot: RoundSnapshot,
  invited: number,
  answered: number,
  segments: SegmentTurnout[],
  roundUrl: string,
): OutgoingMail {
  const sv = snapshot.language === 'sv';
  const subject = sv
    ? `Svarsfrekvens hittills: ${percent(answered, invited)} – ${snapshot.orgName}`
    : `Response rate so far: ${percent(answered, invited)} – ${snapshot.orgName}`;
  const intro = sv
    ? `${answered} av ${invited} inbjudna har svarat. En påminnelse går nu ut till dem som inte har svarat.`
    : `${answered} of ${invited} invited have answered. A reminder is going out now to those who have not.`;
  const note = sv
    ? `En grupp visas bara där minst ${snapshot.anonymityThreshold} har svarat och minst ${snapshot.anonymityThreshold} inte har svarat, så att ingen siffra pekar ut någon.`
    : `A group is shown only where at least ${snapshot.anonymityThreshold} have answered and at least ${snapshot.anonymityThreshold} have not, so no figure points at anyone.`;
  const rows = segments.map(
    (s) =>
      html`<tr><td style="padding:4px 8px;border-bottom:1px solid #ddd">${s.dimension}: ${s.value}</td><td style="padding:4px 8px;border-bottom:1px solid #ddd;text-align:right">${s.answered} / ${s.invited}</td><td style="padding:4px 8px;border-bottom:1px solid #ddd;text-align:right">${percent(s.answered, s.invited)}</td></tr>`,
  );
  const body = html`<h1 style="font-size:22px;margin:0 0 16px">${subject}</h1><p>${intro}</p>
${segments.length ? html`<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:15px">${rows}</table>` : ''}
<p style="font-size:14px;color:#444">${note}</p><p style="font-size:14px"><a href="${roundUrl}" style="color:#0b5394">${roundUrl}</a></p>`;
  const textRows = segments
    .map(
      (s) => `- ${s.dimension}: ${s.value}: ${s.answered} / ${s.invited} (${percent(s.answered, s.invited)})`,
    )
    .join('\n');
  return {
    to: snapshot.contactEmail,
    subject,
    html: mailLayout(snapshot.language, subject, body),
    text: `${intro}\n\n${textRows}${textRows ? '\n\n' : ''}${note}\n${roundUrl}\n`,
    purpose: 'progress',
  };
}
