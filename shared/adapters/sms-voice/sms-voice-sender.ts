import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SmsRejected, type SmsSender } from '../../sms/sms-sender.js';

export interface SmsVoiceConfig {
  region: string;
  /** The ARN of the phone number, sender ID or pool the messages go from (its grant names the same ARN). */
  originationIdentity: string;
  configurationSet?: string;
}

/** The rehearsal points the client at its stand-in with `AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2`. */
export function createSmsVoiceClient(config: Pick<SmsVoiceConfig, 'region'>): PinpointSMSVoiceV2Client {
  return new PinpointSMSVoiceV2Client({ region: config.region, maxAttempts: 3 });
}

/** Refusals about this one number: sending it again cannot succeed. */
const REJECTED = new Set([
  // ValidationException
  'CANNOT_PARSE',
  'COUNTRY_CODE_MISMATCH',
  'COUNTRY_NOT_ENABLED',
  'DESTINATION_COUNTRY_BLOCKED',
  'INTERNATIONAL_SENDING_NOT_SUPPORTED',
  'INVALID_IDENTITY_FOR_DESTINATION_COUNTRY',
  'PRICE_OVER_THRESHOLD',
  // ConflictException
  'DESTINATION_PHONE_NUMBER_OPTED_OUT',
  'DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
  'DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE',
  'DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION',
]);

interface ServiceError {
  name?: string;
  Reason?: string;
  Fields?: { Name?: string }[];
}

/**
 * What the tick may know of a failed send, without the service's message (which may quote the number):
 * `SmsRejected` for a refusal of this number, the spend limit as a limit (the run stops, as when throttled),
 * anything else by its name (`ThrottlingException` stops the run; the rest release the claim for a retry).
 */
export function smsSendError(error: unknown): Error {
  const { name = 'Error', Reason: reason, Fields: fields } = (error ?? {}) as ServiceError;
  const aboutTheNumber = fields?.some((field) => field.Name === 'DestinationPhoneNumber');
  if (
    (name === 'ValidationException' || name === 'ConflictException') &&
    ((reason && REJECTED.has(reason)) || aboutTheNumber)
  )
    return new SmsRejected(reason ?? 'INVALID_DESTINATION');
  const failure = new Error(reason ? `${name}: ${reason}` : name);
  failure.name = name === 'ServiceQuotaExceededException' ? 'SmsLimitExceeded' : name;
  return failure;
}

/** Sends through End User Messaging SMS `SendTextMessage`: transactional, from the configured identity. */
export function createSmsVoiceSender(client: PinpointSMSVoiceV2Client, config: SmsVoiceConfig): SmsSender {
  return {
    async send(message) {
      try {
        const result = await client.send(
          new SendTextMessageCommand({
            DestinationPhoneNumber: message.to,
            OriginationIdentity: config.originationIdentity,
            MessageBody: message.text,
            MessageType: 'TRANSACTIONAL',
            ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
            Context: { purpose: message.purpose },
          }),
        );
        return { messageId: result.MessageId ?? '' };
      } catch (error) {
        throw smsSendError(error);
      }
    },
  };
}
