/** What the mails need from outside: a sender. The SES adapter implements it. */

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** Content-ID for an inline image the HTML refers to as cid:… */
  cid?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** What kind of mail this is, for logs and SES tags; never personal data. */
  purpose: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}
