import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, WORK_QUEUE_INDEX } from '../../db/table.js';

/** The table as the local stack and tests create it; infra/ declares the same keys through CDK. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE_KEYS.partition, AttributeType: 'S' },
      { AttributeName: TABLE_KEYS.sort, AttributeType: 'S' },
      { AttributeName: WORK_QUEUE_INDEX.partition, AttributeType: 'S' },
      { AttributeName: WORK_QUEUE_INDEX.sort, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: WORK_QUEUE_INDEX.name,
        KeySchema: [
          { AttributeName: WORK_QUEUE_INDEX.partition, KeyType: 'HASH' },
          { AttributeName: WORK_QUEUE_INDEX.sort, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  };
}
