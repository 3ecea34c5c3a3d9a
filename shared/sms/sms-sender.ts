/** A text message to one mobile number (E.164). */
export interface OutgoingSms {
  to: string;
  text: string;
  /** What kind of message this is, for logs; never personal data. */
  purpose: string;
}

/**
 * Sends text messages: invitations and reminders to staff with a mobile number and no e-mail. Locally and in
 * tests a recording stand-in; on AWS, End User Messaging SMS (`shared/adapters/sms-voice/`). A refusal that
 * retrying cannot heal (this number) throws `SmsRejected`; anything else (throttling, an outage, the account's
 * spend limit) throws an error a later run may retry. Errors never carry the number.
 */
export interface SmsSender {
  send(message: OutgoingSms): Promise<{ messageId: string }>;
}

/** The provider refused this number for good (not a mobile number, opted out, its country blocked). */
export class SmsRejected extends Error {
  constructor(readonly reason: string) {
    super(`SMS rejected: ${reason}`);
    this.name = 'SmsRejected';
  }
}

// GSM 03.38's basic set (with å, ä, ö, é): 160 characters a part, 153 once split; anything else goes UCS-2.
const GSM =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** How many billed parts a text takes: the unit End User Messaging SMS prices by. */
export function smsParts(text: string): number {
  const gsm = [...text].every((char) => GSM.includes(char));
  const length = [...text].length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return length <= single ? 1 : Math.ceil(length / multi);
}
