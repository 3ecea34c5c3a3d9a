import type { OutgoingSms, SmsSender } from '../../sms/sms-sender.js';

/** The local stand-in for End User Messaging SMS: keeps what it was asked to send, for tests and `npm start`. */
export function createRecordingSmsSender(): SmsSender & { sent: OutgoingSms[] } {
  const sent: OutgoingSms[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      return { messageId: `local-sms-${sent.length}` };
    },
  };
}
