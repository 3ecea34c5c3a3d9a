import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createAnswerStore } from '../../shared/adapters/dynamodb/answer-store.js';

const client = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );

describe('the answer store owns its shards', () => {
  it('writes an answer to the shard its key names, without a shard in the answer', async () => {
    // Prepare
    const db = client();
    const mock = mockClient(db);
    mock.on(PutCommand).resolves({});
    const answerKey = `0011${'a'.repeat(60)}`;

    // Act
    await createAnswerStore(db, 't').put({ roundId: 'r', answerKey, rank: 3, texts: {}, segments: {} });

    // Assess: 0x0011 % 16 = 1
    expect(mock.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      pk: 'RANS#r#1',
      sk: answerKey,
    });
  });

  it('walks every shard through one cursor and never returns the stored shard attribute', async () => {
    // Prepare
    const db = client();
    const mock = mockClient(db);
    const old = {
      pk: 'RANS#r#3',
      sk: 'b'.repeat(64),
      roundId: 'r',
      answerKey: 'b'.repeat(64),
      shard: 3,
      texts: {},
      segments: {},
    };
    mock
      .on(QueryCommand)
      .callsFake((input) => ({ Items: input.ExpressionAttributeValues[':pk'] === 'RANS#r#3' ? [old] : [] }));
    const store = createAnswerStore(db, 't');

    // Act
    const read: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.page('r', cursor, 10);
      read.push(...page.items);
      cursor = page.cursor;
    } while (cursor);

    // Assess
    const partitions = mock
      .commandCalls(QueryCommand)
      .map((call) => call.args[0].input.ExpressionAttributeValues?.[':pk']);
    expect(partitions).toEqual(Array.from({ length: 16 }, (_, shard) => `RANS#r#${shard}`));
    expect(read).toEqual([{ roundId: 'r', answerKey: 'b'.repeat(64), texts: {}, segments: {} }]);
  });
});
