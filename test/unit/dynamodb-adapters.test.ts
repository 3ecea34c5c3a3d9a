import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createAnswerStore } from '../../shared/adapters/dynamodb/answer-store.js';
import { batchWrite } from '../../shared/adapters/dynamodb/batch.js';
import { createInvitationStore } from '../../shared/adapters/dynamodb/invitation-store.js';
import { createSuppressionStore } from '../../shared/adapters/dynamodb/suppression-store.js';

const client = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );
const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ThrottlingException',
  });

describe('DynamoDB adapters under faults', () => {
  it('retries what BatchWriteItem leaves unprocessed until every write lands', async () => {
    const db = client();
    const mock = mockClient(db);
    const item = { pk: 'a', sk: 'b' };
    mock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { t: [{ PutRequest: { Item: item } }] } })
      .resolvesOnce({ UnprocessedItems: { t: [{ PutRequest: { Item: item } }] } })
      .resolves({});

    await batchWrite(db, 't', [{ put: item }, { put: { pk: 'c', sk: 'd' } }]);

    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(3);
    expect(mock.commandCalls(BatchWriteCommand)[2]?.args[0].input.RequestItems?.t).toEqual([
      { PutRequest: { Item: item } },
    ]);
  });

  it('surfaces throttling on the answer write, so the request fails and nothing is acknowledged', async () => {
    const db = client();
    mockClient(db).on(PutCommand).rejects(throttled());
    const answers = createAnswerStore(db, 't');
    await expect(
      answers.put({ roundId: 'r', answerKey: 'k', rank: 3, texts: {}, segments: {} }),
    ).rejects.toThrow('Rate of requests');
  });

  it('claims a reminder only for an unanswered invitation, with a lease another tick can take over', async () => {
    const db = client();
    const mock = mockClient(db);
    mock.on(UpdateCommand).resolves({});
    await createInvitationStore(db, 't').claimMail(
      'r1',
      'a'.repeat(64),
      'reminder1',
      '2027-01-01T00:00:00.000Z',
      '2027-01-01T00:10:00.000Z',
    );
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;

    // Invitations spread over 16 partitions by their key's first hex digits: 0xaaaa % 16 = 10.
    expect(input?.Key).toEqual({ pk: 'RINV#r1#10', sk: 'a'.repeat(64) });
    expect(input?.ConditionExpression).toContain('attribute_not_exists(answered)');
    expect(input?.ConditionExpression).toContain('mails.#kind.leaseUntil < :now');
    expect(input?.ExpressionAttributeValues?.[':claim']).toEqual({
      state: 'sending',
      leaseUntil: '2027-01-01T00:10:00.000Z',
    });
  });

  it('treats a lost claim race as "not mine", and other failures as failures', async () => {
    const db = client();
    const mock = mockClient(db);
    const store = createInvitationStore(db, 't');
    mock
      .on(UpdateCommand)
      .rejectsOnce(
        Object.assign(new Error('The conditional request failed'), {
          name: 'ConditionalCheckFailedException',
        }),
      )
      .rejects(throttled());

    await expect(store.claimMail('r', 'k', 'invite', 'now', 'later')).resolves.toBe(false);
    await expect(store.claimMail('r', 'k', 'invite', 'now', 'later')).rejects.toThrow('Rate of requests');
  });

  it('asks for bounces and unsubscribes of a mail turn in one BatchGetItem, and of a full page in two', async () => {
    const db = client();
    const mock = mockClient(db);
    mock.on(BatchGetCommand).callsFake((input) => {
      const wanted = input.RequestItems.t.Keys as { pk: string; sk: string }[];
      // One of them bounced, another unsubscribed from org_a.
      const found = wanted.filter(
        (key) => key.pk === `SUPPRESS#${'b'.repeat(64)}` || key.sk === `UNSUBSCRIBED#${'c'.repeat(64)}`,
      );
      return {
        Responses: {
          t: found.map((key) => ({
            ...key,
            respondentKey: key.pk.startsWith('SUPPRESS') ? 'b'.repeat(64) : 'c'.repeat(64),
          })),
        },
      };
    });
    const suppressions = createSuppressionStore(db, 't');
    const turn = ['a', 'b', 'c'].map((digit) => digit.repeat(64));

    const suppressed = await suppressions.suppressedAmong('org_a', turn);
    const page = Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(64, '0'));
    await suppressions.suppressedAmong('org_a', page);

    expect(suppressed).toEqual(new Set(['b'.repeat(64), 'c'.repeat(64)]));
    expect(mock.commandCalls(BatchGetCommand)).toHaveLength(1 + 2);
  });
});
