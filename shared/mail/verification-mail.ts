import type { Organisation } from '../organisations/organisation.js';
import type { OutgoingMail } from '../ports.js';
import { button, html, mailLayout } from './html.js';

const COPY = {
  sv: {
    subject: (name: string) => `Bekräfta ${name} i Kundpuls`,
    intro: (name: string) => `Någon har anmält ${name} till Kundpuls med den här adressen som kontakt.`,
    action: 'Bekräfta organisationen',
    ignore:
      'Var det inte du? Då kan du strunta i det här brevet; ingenting skickas till era medarbetare förrän organisationen är bekräftad.',
  },
  en: {
    subject: (name: string) => `Confirm ${name} on Kundpuls`,
    intro: (name: string) => `Someone enrolled ${name} on Kundpuls with this address as its contact.`,
    action: 'Confirm the organisation',
    ignore:
      'Not you? Then ignore this message; nothing goes to your staff until the organisation is confirmed.',
  },
} as const;

export function verificationMail(org: Organisation, link: string): OutgoingMail {
  const copy = COPY[org.language];
  const subject = copy.subject(org.name);
  const body = html`<h1 style="font-size:22px;margin:0 0 16px">${subject}</h1><p>${copy.intro(org.name)}</p>${button(link, copy.action)}<p style="font-size:14px;color:#444">${copy.ignore}</p>`;
  return {
    to: org.contactEmail,
    subject,
    html: mailLayout(org.language, subject, body),
    text: `${copy.intro(org.name)}\n\n${copy.action}: ${link}\n\n${copy.ignore}\n`,
    purpose: 'verification',
  };
}
