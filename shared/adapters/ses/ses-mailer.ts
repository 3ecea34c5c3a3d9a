import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailer, OutgoingMail } from '../../mail/ports.js';

export interface SesConfig {
  region: string;
  endpoint?: string;
  from: string;
  configurationSet?: string;
}

export function createSesClient(config: SesConfig): SESClient {
  return new SESClient({
    region: config.region,
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 3,
  });
}

/** Builds the MIME message (nodemailer's composer: multipart/alternative, inline images, header encoding). */
export async function composeMime(from: string, mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers ?? {},
    attachments: (mail.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content),
      ...(attachment.cid ? { cid: attachment.cid, contentDisposition: 'inline' as const } : {}),
    })),
  });
  return composer.compile().build();
}

/** Sends through SES SendRawEmail: the only SES call that carries our own headers (List-Unsubscribe). */
export function createSesMailer(ses: SESClient, config: SesConfig): Mailer {
  return {
    async send(mail) {
      const raw = await composeMime(config.from, mail);
      const result = await ses.send(
        new SendRawEmailCommand({
          RawMessage: { Data: raw },
          Destinations: [mail.to],
          ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
          Tags: [{ Name: 'purpose', Value: mail.purpose }],
        }),
      );
      return { messageId: result.MessageId ?? '' };
    },
  };
}
