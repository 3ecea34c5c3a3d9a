import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { respondentKeyOf } from '../../shared/respondents/import-respondents.js';
import { useLambdaEnvironment } from '../support/lambda-events.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
type Handler = (event: unknown) => Promise<Record<string, number>>;
let tick: Handler;
let notifications: Handler;

beforeAll(async () => {
  stack = await startTestStack();
  useLambdaEnvironment(stack, { MAIL_RATE_PER_SECOND: '100' });
  ({ handler: tick } = (await import('../../functions/tick/lambda.js')) as { handler: Handler });
  ({ handler: notifications } = (await import('../../functions/ses-notifications/lambda.js')) as {
    handler: Handler;
  });
});
afterAll(() => stack.close());

const scheduledEvent = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2027-03-01T08:00:00Z',
  region: 'eu-north-1',
  resources: ['arn:aws:events:eu-north-1:123456789012:rule/kundpuls-tick'],
  detail: {},
};

function snsEvent(message: unknown) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-north-1:123456789012:kundpuls-ses:1',
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: 'arn:aws:sns:eu-north-1:123456789012:kundpuls-ses',
          Subject: null,
          Message: JSON.stringify(message),
          Timestamp: '2027-03-01T08:00:00.000Z',
          MessageAttributes: {},
        },
      },
    ],
  };
}

describe('the tick and notification Lambda entries', () => {
  it('runs a tick from an EventBridge scheduled event and sends the invitations', async () => {
    const org = await organisationWithOpenRound(stack, 4);
    const result = await tick(scheduledEvent);
    const mails = await sentMail(stack);
    expect(result.sent).toBe(4);
    expect(mails.map((m) => m.destination.to[0]).sort()).toEqual(org.respondents.map((r) => r.email).sort());
  });

  it('suppresses a hard-bounced address from an SNS event carrying an SES notification', async () => {
    const address = 'gone@example.org';
    const result = await notifications(
      snsEvent({
        notificationType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: address }] },
        mail: { messageId: 'x' },
      }),
    );
    const suppressed = await stack.deps.suppressions.suppressedAmong('org_any', [
      respondentKeyOf(stack.deps.secrets, address),
    ]);
    expect(result.suppressed).toBe(1);
    expect(suppressed.size).toBe(1);
  });
});
