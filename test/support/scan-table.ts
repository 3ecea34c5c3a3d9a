import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { LocalStack } from '../../infra/local/stack.js';

/** Every item in the local stack's table, as someone holding a copy of it would see them. */
export async function scanTable(stack: Pick<LocalStack, 'dynamoEndpoint' | 'config'>) {
  const db = new DynamoDBClient({
    endpoint: stack.dynamoEndpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const items: Record<string, unknown>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: stack.config.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
