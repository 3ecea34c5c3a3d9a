import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Strips the table's key attributes from an item, leaving the entity. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, wqpk: _wqpk, wqsk: _wqsk, entity: _entity, ttl: _ttl, ...rest } = item;
  return rest as T;
}

export const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
export function decodeCursor(cursor: string, pattern: RegExp): string | undefined {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  return pattern.test(value) ? value : undefined;
}
