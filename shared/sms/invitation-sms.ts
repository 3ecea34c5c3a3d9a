import type { MailKind } from '../rounds/invitation.js';
import type { RoundSnapshot } from '../rounds/round.js';
import { dayIn } from '../rounds/round-dates.js';
import type { OutgoingSms } from './sms-sender.js';

/**
 * The invitation or reminder by SMS: short (two parts with the link), GSM characters only, the link the only
 * personal thing in it. Stopping SMS goes through the admin (erasure or a re-import without the number).
 */
export function invitationSms(
  to: string,
  snapshot: RoundSnapshot,
  kind: MailKind,
  closesAt: string,
  link: string,
): OutgoingSms {
  const closes = dayIn(snapshot.language, closesAt);
  const term = snapshot.customerTerm;
  const text =
    snapshot.language === 'sv'
      ? `${kind === 'invite' ? '' : 'Påminnelse: '}${snapshot.orgName} frågar: var hamnar ${term.sv.definite}? Svara anonymt till och med ${closes}: ${link}`
      : `${kind === 'invite' ? '' : 'Reminder: '}${snapshot.orgName} asks: where does the ${term.en.singular} rank? Answer anonymously until ${closes}: ${link}`;
  return { to, text, purpose: `${kind}-sms` };
}
