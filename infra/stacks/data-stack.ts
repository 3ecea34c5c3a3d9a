import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_KEYS, TTL_ATTRIBUTE, WORK_QUEUE_INDEX } from '../../shared/db/table.js';
import type { StageConfig } from '../config.js';

export interface DataStackProps extends StackProps {
  config: StageConfig;
}

/**
 * The stateful part, kept apart so the service stack can be replaced freely: the single table of
 * docs/data-model.md. Key and index names come from shared/db/table.ts, as in the adapters.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { retainData } = props.config;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partition, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sort, type: dynamodb.AttributeType.STRING },
      // On-demand: load comes in bursts (a round opening, 9:00 answers) and is idle between them.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // AWS-owned key: encrypted at rest at no cost; a customer-managed key adds cost and key policy work
      // without a reader who would be kept out by it.
      encryption: dynamodb.TableEncryption.DEFAULT,
      deletionProtection: retainData,
      removalPolicy: retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: WORK_QUEUE_INDEX.name,
      partitionKey: { name: WORK_QUEUE_INDEX.partition, type: dynamodb.AttributeType.STRING },
      sortKey: { name: WORK_QUEUE_INDEX.sort, type: dynamodb.AttributeType.STRING },
      // The tick reads the keys and then the item itself; the index stays small and cheap.
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
