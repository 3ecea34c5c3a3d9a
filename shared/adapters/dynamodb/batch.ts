import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Key = Record<string, unknown>;
type Item = Record<string, unknown>;
const MAX_ROUNDS = 8;

/**
 * BatchWrite in chunks of 25, retrying what DynamoDB leaves unprocessed (it does so under throttling) with
 * a short backoff; gives up loudly rather than dropping writes.
 */
export async function batchWrite(
  db: DynamoDBDocumentClient,
  tableName: string,
  requests: ({ put: Item } | { delete: Key })[],
) {
  for (let start = 0; start < requests.length; start += 25) {
    let pending = requests
      .slice(start, start + 25)
      .map((request) =>
        'put' in request ? { PutRequest: { Item: request.put } } : { DeleteRequest: { Key: request.delete } },
      );
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new Error(`BatchWrite left ${pending.length} items unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
      const { UnprocessedItems } = await db.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

/** BatchGet in chunks of 100 with the same retry of unprocessed keys. */
export async function batchGet(
  db: DynamoDBDocumentClient,
  tableName: string,
  keyList: Key[],
  consistent = false,
): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keyList.length; start += 100) {
    let pending = keyList.slice(start, start + 100);
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
      const { Responses, UnprocessedKeys } = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      found.push(...(Responses?.[tableName] ?? []));
      pending = (UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  }
  return found;
}
