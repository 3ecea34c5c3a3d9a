import {
  AccessDeniedException,
  ConflictException,
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsVoiceSender } from '../../shared/adapters/sms-voice/sms-voice-sender.js';
import { SmsRejected } from '../../shared/sms/sms-sender.js';
import { isThrottling } from '../../shared/tick/delivery.js';

// No End User Messaging emulator runs here: these pin the request's shape and inject the service's failures.
const smsVoice = mockClient(PinpointSMSVoiceV2Client);
afterEach(() => smsVoice.reset());

const NUMBER = '+46701234567';
const IDENTITY = 'arn:aws:sms-voice:eu-north-1:123456789012:sender-id/Kundpuls/SE';
const sender = (configurationSet?: string) =>
  createSmsVoiceSender(new PinpointSMSVoiceV2Client({ region: 'eu-north-1' }), {
    region: 'eu-north-1',
    originationIdentity: IDENTITY,
    configurationSet,
  });
const message = { to: NUMBER, text: 'Svara anonymt: https://pulse.example.org/r/x', purpose: 'invite-sms' };
const meta = { $metadata: {} };

/** What the sender threw, as text a log line could carry: name, message and stack. */
async function failureOf(send: Promise<unknown>): Promise<Error> {
  try {
    await send;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the send succeeded');
}
const logged = (error: Error) => `${error.name} ${error.message} ${error.stack} ${JSON.stringify(error)}`;

describe('the End User Messaging SMS sender', () => {
  it('sends one transactional text from the configured identity and set, and returns its id', async () => {
    smsVoice.on(SendTextMessageCommand).resolves({ MessageId: 'sms-1' });

    const result = await sender('kundpuls-prod').send(message);

    expect(result).toEqual({ messageId: 'sms-1' });
    expect(smsVoice.commandCalls(SendTextMessageCommand).map((call) => call.args[0].input)).toEqual([
      {
        DestinationPhoneNumber: NUMBER,
        OriginationIdentity: IDENTITY,
        MessageBody: message.text,
        MessageType: 'TRANSACTIONAL',
        ConfigurationSetName: 'kundpuls-prod',
        Context: { purpose: 'invite-sms' },
      },
    ]);
  });

  it('names no configuration set when none is configured', async () => {
    smsVoice.on(SendTextMessageCommand).resolves({ MessageId: 'sms-2' });

    await sender().send(message);

    expect(smsVoice.commandCalls(SendTextMessageCommand)[0]?.args[0].input).not.toHaveProperty(
      'ConfigurationSetName',
    );
  });

  it('lets throttling through as throttling, so the run stops and a later one sends', async () => {
    smsVoice
      .on(SendTextMessageCommand)
      .rejects(new ThrottlingException({ ...meta, message: 'Rate exceeded' }));

    const error = await failureOf(sender().send(message));

    expect(isThrottling(error)).toBe(true);
    expect(error).not.toBeInstanceOf(SmsRejected);
  });

  it('treats the spend limit as a limit: the run stops rather than fail every text in it', async () => {
    smsVoice.on(SendTextMessageCommand).rejects(
      new ServiceQuotaExceededException({
        ...meta,
        message: 'Monthly spend limit reached',
        Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
      }),
    );

    const error = await failureOf(sender().send(message));

    expect(isThrottling(error)).toBe(true);
    expect(error.message).toContain('MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT');
  });

  it('rejects for good a number the service cannot use, quoting none of its message', async () => {
    const refusals = [
      new ValidationException({
        ...meta,
        message: `Invalid destination phone number ${NUMBER}`,
        Reason: 'INVALID_PARAMETER',
        Fields: [{ Name: 'DestinationPhoneNumber', Message: `${NUMBER} is not a valid number` }],
      }),
      new ValidationException({
        ...meta,
        message: `${NUMBER} blocked`,
        Reason: 'DESTINATION_COUNTRY_BLOCKED',
      }),
      new ConflictException({
        ...meta,
        message: `${NUMBER} opted out`,
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        ResourceType: 'opted-out-number',
        ResourceId: NUMBER,
      }),
    ];
    for (const refusal of refusals) {
      smsVoice.on(SendTextMessageCommand).rejects(refusal);

      const error = await failureOf(sender().send(message));

      expect(error).toBeInstanceOf(SmsRejected);
      expect(isThrottling(error)).toBe(false);
      expect(logged(error)).not.toContain('701234567');
    }
  });

  it('keeps errors about its own set-up retryable, by name, without the service’s message', async () => {
    smsVoice
      .on(SendTextMessageCommand)
      .rejects(
        new AccessDeniedException({ ...meta, message: `User is not authorized to send to ${NUMBER}` }),
      );

    const error = await failureOf(sender().send(message));

    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.name).toBe('AccessDeniedException');
    expect(logged(error)).not.toContain('701234567');
  });
});
