import type { Organisation } from '../organisations/organisation.js';
import { button, html, mailLayout } from './html.js';
import type { OutgoingMail } from './ports.js';

/**
 * Fixed words only: the address is not verified yet, so the mail quotes nothing the enrolling caller chose (no
 * organisation name, no customer term). Otherwise enrolment would mail any text to any address.
 */
const COPY = {
  sv: {
    subject: 'Bekräfta er organisation i Kundpuls',
    intro: 'Någon har anmält en organisation till Kundpuls med den här adressen som kontakt.',
    action: 'Bekräfta organisationen',
    ignore:
      'Var det inte du? Då kan du strunta i det här brevet; ingenting skickas till era medarbetare förrän organisationen är bekräftad.',
  },
  en: {
    subject: 'Confirm your organisation on Kundpuls',
    intro: 'Someone enrolled an organisation on Kundpuls with this address as its contact.',
    action: 'Confirm the organisation',
    ignore:
      'Not you? Then ignore this message; nothing goes to your staff until the organisation is confirmed.',
  },
} as const;

export function verificationMail(
  org: Pick<Organisation, 'language' | 'contactEmail'>,
  link: string,
): OutgoingMail {
  const copy = COPY[org.language];
  const body = html`<h1 style="font-size:22px;margin:0 0 16px">${copy.subject}</h1><p>${copy.intro}</p>${button(link, copy.action)}<p style="font-size:14px;color:#444">${copy.ignore}</p>`;
  return {
    to: org.contactEmail,
    subject: copy.subject,
    html: mailLayout(org.language, copy.subject, body),
    text: `${copy.intro}\n\n${copy.action}: ${link}\n\n${copy.ignore}\n`,
    purpose: 'verification',
  };
}
