import type { MailKind } from '../rounds/invitation.js';
import type { RoundSnapshot } from '../rounds/round.js';
import { dayIn } from '../rounds/round-dates.js';
import { doneActionsHtml, doneActionsText } from './done-actions-mail.js';
import { button, html, mailLayout } from './html.js';
import type { OutgoingMail } from './ports.js';

function copy(snapshot: RoundSnapshot, reminder: boolean, closesAt: string) {
  const term = snapshot.customerTerm;
  const closes = dayIn(snapshot.language, closesAt);
  if (snapshot.language === 'sv')
    return {
      subject: `${reminder ? 'Påminnelse: ' : ''}Var hamnar ${term.sv.definite} hos ${snapshot.orgName}?`,
      intro: `${reminder ? 'Vi har inte sett ditt svar ännu. ' : ''}${snapshot.orgName} tar tempen på kundfokus: var hamnar ${term.sv.definite} bland era värderingar, och vad skulle det ändra om ${term.sv.definite} kom högre?`,
      action: 'Svara på en minut',
      closes: `Pulsen är öppen till och med ${closes}. Du kan ändra ditt svar så länge den är öppen.`,
      anonymity: `Dina svar sparas utan ditt namn och din e-postadress. Resultat visas först när omgången har stängt, och varje siffra bygger på minst ${snapshot.anonymityThreshold} personers svar, hur rapporterna än läggs ihop. Fritext visas ordagrant, utan namn eller grupp, bara om minst ${snapshot.commentThreshold} har skrivit på samma fråga.`,
      unsubscribe: 'Vill du inte få fler pulsmätningar? Avregistrera dig',
    };
  return {
    subject: `${reminder ? 'Reminder: ' : ''}Where does the ${term.en.singular} rank at ${snapshot.orgName}?`,
    intro: `${reminder ? "We haven't seen your answer yet. " : ''}${snapshot.orgName} is taking the temperature of customer focus: where does the ${term.en.singular} rank among your values, and what would a higher rank change?`,
    action: 'Answer in one minute',
    closes: `The pulse is open until ${closes}. You can change your answer while it is open.`,
    anonymity: `Your answers are stored without your name or e-mail address. Results are shown only after the round closes, and every figure rests on the answers of at least ${snapshot.anonymityThreshold} people, however reports are combined. Free text is shown word for word, without name or group, only when at least ${snapshot.commentThreshold} people wrote on the same question.`,
    unsubscribe: "Don't want more pulses? Unsubscribe",
  };
}

/** The personal invitation or reminder: the link is the only personal thing in it, and no tracking pixel. */
export function invitationMail(
  to: string,
  snapshot: RoundSnapshot,
  kind: MailKind,
  closesAt: string,
  link: string,
): OutgoingMail {
  const text = copy(snapshot, kind !== 'invite', closesAt);
  const unsubscribeUrl = `${link}/unsubscribe`;
  const body = html`<h1 style="font-size:22px;margin:0 0 16px">${text.subject}</h1>
<p>${text.intro}</p>
${doneActionsHtml(snapshot)}
${button(link, text.action)}
<p>${text.closes}</p>
<p style="font-size:14px;color:#444">${text.anonymity}</p>
<p style="font-size:13px;color:#444;margin-top:24px"><a href="${unsubscribeUrl}" style="color:#0b5394">${text.unsubscribe}</a></p>`;
  return {
    to,
    subject: text.subject,
    html: mailLayout(snapshot.language, text.subject, body),
    text: `${text.intro}\n\n${doneActionsText(snapshot)}${text.action}: ${link}\n\n${text.closes}\n\n${text.anonymity}\n\n${text.unsubscribe}: ${unsubscribeUrl}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    purpose: kind,
  };
}
