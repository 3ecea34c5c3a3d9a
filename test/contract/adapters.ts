import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ensureTable, startDynalite } from '../../infra/local/embedded.js';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.js';

type DocumentClient = DynamoDBDocumentClient;

/**
 * The two implementations every contract suite runs against: the Map-backed adapters, and the DynamoDB ones
 * on dynalite. Each test gets a new table (and new memory stores), so no test sees another's items.
 */
export interface Backend {
  name: 'memory' | 'dynamodb';
  /** The memory adapter, or the DynamoDB one on this test's own table. */
  pick<T>(memory: () => T, dynamodb: (db: DocumentClient, tableName: string) => T): T;
}

export function contractBackends(): Backend[] {
  let endpoint = '';
  let close: (() => Promise<void>) | undefined;
  let db: DocumentClient | undefined;
  let current = '';
  let count = 0;
  beforeAll(async () => {
    const dynamo = await startDynalite(0);
    endpoint = `http://127.0.0.1:${dynamo.port}`;
    close = dynamo.close;
    db = createDocumentClient({ tableName: 'unused', region: 'eu-north-1', endpoint });
  });
  beforeEach(async () => {
    current = `contract-${++count}`;
    await ensureTable(endpoint, current);
  });
  afterAll(() => close?.());
  return [
    { name: 'memory', pick: (memory) => memory() },
    { name: 'dynamodb', pick: (_memory, dynamodb) => dynamodb(db as DocumentClient, current) },
  ];
}
