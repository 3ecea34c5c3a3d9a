import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

export interface DynamoConfig {
  tableName: string;
  region: string;
  /** Set only locally (dynalite); on AWS the SDK finds the regional endpoint. */
  endpoint?: string;
}

/** One document client per process: connections are reused across invocations of a warm Lambda. */
export function createDocumentClient(config: DynamoConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** The client for a function's table settings (`table` in shared/settings/parts.ts). */
export const clientForTable = (settings: { tableName: string; region: string; dynamoEndpoint?: string }) =>
  createDocumentClient({
    tableName: settings.tableName,
    region: settings.region,
    endpoint: settings.dynamoEndpoint,
  });

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Runs a conditional write; false when its condition did not hold (a rerun, or another tick got there first). */
export async function conditionally(db: DynamoDBDocumentClient, command: UpdateCommand): Promise<boolean> {
  try {
    await db.send(command);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Every item of a query, page after page: only for partitions known to stay small (an organisation's rounds). */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of one partition whose sort key starts with `prefix` (an organisation's rounds, trend points …). */
export const queryPrefix = (db: DynamoDBDocumentClient, tableName: string, pk: string, prefix: string) =>
  queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
  });
