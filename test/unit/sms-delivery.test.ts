import {
  ConflictException,
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ThrottlingException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsVoiceSender } from '../../shared/adapters/sms-voice/sms-voice-sender.js';
import { answerCodeOf, codeTokenHash } from '../../shared/codes/answer-code.js';
import type { Logger } from '../../shared/logger.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import type { Respondent } from '../../shared/respondents/respondent.js';
import type { Invitation, MailKind } from '../../shared/rounds/invitation.js';
import type { Round } from '../../shared/rounds/round.js';
import { createSecrets } from '../../shared/security/secrets.js';
import { deliverWithoutEmail } from '../../shared/tick/deliver-without-email.js';
import type { TickDeps, TickRun } from '../../shared/tick/tick-deps.js';

// The tick's SMS step against the real adapter, with End User Messaging's failures injected (aws-sdk-client-mock),
// and Map-backed invitations and tokens: what a failure leaves recorded, and what reaches the log.
const smsVoice = mockClient(PinpointSMSVoiceV2Client);
afterEach(() => smsVoice.reset());

type StoredToken = Parameters<TickDeps['tokens']['put']>[0];

const MOBILE = '+46701234567';
const round = {
  id: 'rnd_1',
  orgId: 'org_1',
  closesAt: '2027-03-15T00:00:00.000Z',
  snapshot: { orgName: 'Vården', language: 'sv', customerTerm: resolveCustomerTerm('brukare') },
} as Round;
const invitation = { roundId: 'rnd_1', orgId: 'org_1', respondentKey: 'rk_1', segments: {} } as Invitation;
const respondent = {
  respondentKey: 'rk_1',
  employeeId: 'V-1',
  mobile: MOBILE,
  status: 'active',
} as Respondent;

function tickWith() {
  const settled: { kind: MailKind; outcome: Record<string, unknown> }[] = [];
  const tokens = new Map<string, StoredToken>();
  const lines: string[] = [];
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      lines.push(JSON.stringify({ level, message, ...fields }));
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error'), child: () => logger };
  const secrets = createSecrets('p'.repeat(43));
  const deps = {
    sms: createSmsVoiceSender(new PinpointSMSVoiceV2Client({ region: 'eu-north-1' }), {
      region: 'eu-north-1',
      originationIdentity: 'arn:aws:sms-voice:eu-north-1:123456789012:sender-id/Kundpuls/SE',
    }),
    invitations: {
      settleMail: async (_round: string, _key: string, kind: MailKind, outcome: Record<string, unknown>) => {
        settled.push({ kind, outcome });
      },
    },
    tokens: {
      put: async (token: StoredToken) => void tokens.set(token.tokenHash, token),
      get: async (hash: string) => tokens.get(hash),
    },
    secrets,
    logger,
    publicUrl: 'https://pulse.example.org',
  } as unknown as TickDeps;
  const run = { stats: { opened: 0, sent: 0, skipped: 0, failed: 0, closed: 0, reports: 0 } } as TickRun;
  const code = codeTokenHash(secrets, answerCodeOf(secrets, round.id, invitation.respondentKey));
  return { deps, run, settled, tokens, lines, code };
}

describe('an SMS the service refuses or delays', () => {
  it('releases the invitation when throttled, for a later run, and stops this one', async () => {
    const tick = tickWith();
    smsVoice
      .on(SendTextMessageCommand)
      .rejects(new ThrottlingException({ $metadata: {}, message: 'Slow down' }));

    const sending = deliverWithoutEmail(tick.deps, tick.run, round, invitation, 'invite', respondent);

    await expect(sending).rejects.toThrow(/ThrottlingException/);
    expect(tick.settled).toEqual([{ kind: 'invite', outcome: { state: 'released' } }]);
    expect(tick.run.stats.failed).toBe(1);
  });

  it('gives a number refused for good a code on paper instead, once, without retrying the SMS', async () => {
    const tick = tickWith();
    smsVoice.on(SendTextMessageCommand).rejects(
      new ConflictException({
        $metadata: {},
        message: `${MOBILE} has opted out`,
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        ResourceType: 'opted-out-number',
        ResourceId: MOBILE,
      }),
    );

    const outcome = await deliverWithoutEmail(tick.deps, tick.run, round, invitation, 'invite', respondent);

    expect(outcome).toBe('sent');
    expect(smsVoice.commandCalls(SendTextMessageCommand)).toHaveLength(1);
    expect(tick.settled).toEqual([
      { kind: 'invite', outcome: { state: 'sent', tokenHash: tick.code, channel: 'code' } },
    ]);
    expect(tick.tokens.get(tick.code)).toMatchObject({ respondentKey: 'rk_1', via: 'code' });
    expect(tick.run.stats).toMatchObject({ failed: 1, sent: 1 });
  });

  it('records a reminder to a refused number as skipped, not released', async () => {
    const tick = tickWith();
    smsVoice.on(SendTextMessageCommand).rejects(
      new ConflictException({
        $metadata: {},
        message: 'opted out',
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
      }),
    );

    const outcome = await deliverWithoutEmail(
      tick.deps,
      tick.run,
      round,
      invitation,
      'reminder1',
      respondent,
    );

    expect(outcome).toBe('skipped');
    expect(tick.settled).toEqual([
      { kind: 'reminder1', outcome: { state: 'skipped', reason: 'sms-rejected' } },
    ]);
  });

  it('logs neither the number nor the service’s message, for a refusal or a delay', async () => {
    const tick = tickWith();
    smsVoice
      .on(SendTextMessageCommand)
      .rejectsOnce(
        new ConflictException({
          $metadata: {},
          message: `${MOBILE} opted out`,
          Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        }),
      )
      .rejectsOnce(new ThrottlingException({ $metadata: {}, message: `Too many texts to ${MOBILE}` }));

    await deliverWithoutEmail(tick.deps, tick.run, round, invitation, 'reminder1', respondent);
    await deliverWithoutEmail(tick.deps, tick.run, round, invitation, 'reminder2', respondent).catch(
      () => {},
    );

    expect(tick.lines).toHaveLength(2);
    expect(tick.lines.join('\n')).not.toMatch(/701234567|opted out|Too many/);
    expect(tick.lines.join('\n')).toContain('DESTINATION_PHONE_NUMBER_OPTED_OUT');
  });
});
