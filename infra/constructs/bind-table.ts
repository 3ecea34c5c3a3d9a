import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { WORK_QUEUE_INDEX } from '../../shared/db/table.js';

/** The DynamoDB calls the adapters in shared/adapters/dynamodb make; nothing else is ever granted. */
export type TableAction =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'BatchGetItem'
  | 'BatchWriteItem';

export interface TableBinding {
  /** Exactly the calls this function makes on the table. */
  actions: readonly TableAction[];
  /** Whether it queries the `work-queue` index (only the tick does). */
  queriesWorkQueue?: boolean;
}

/**
 * Gives a function the table: sets TABLE_NAME and grants exactly the listed actions, on the table's ARN
 * only (and `Query` on the work-queue index's ARN if asked), so the environment and the permission cannot
 * drift apart. No wildcard: `Table.grant` would add `index/*`.
 */
export function bindTable(fn: lambda.Function, table: dynamodb.ITable, binding: TableBinding): void {
  fn.addEnvironment('TABLE_NAME', table.tableName);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'Table',
      actions: binding.actions.map((action) => `dynamodb:${action}`),
      resources: [table.tableArn],
    }),
  );
  if (binding.queriesWorkQueue) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WorkQueueIndex',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${WORK_QUEUE_INDEX.name}`],
      }),
    );
  }
}
