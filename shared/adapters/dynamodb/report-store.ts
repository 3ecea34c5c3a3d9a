import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { ReportStore } from '../../ports.js';
import type { RoundReport } from '../../reports/round-report.js';
import { withoutKeys } from './client.js';

export function createReportStore(db: DynamoDBDocumentClient, tableName: string): ReportStore {
  return {
    async put(report) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.report(report.orgId, report.roundId), entity: 'report', ...report },
        }),
      );
    },
    async get(orgId, roundId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.report(orgId, roundId) }),
      );
      return Item ? withoutKeys<RoundReport>(Item) : undefined;
    },
    async list(orgId) {
      const reports: RoundReport[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': keys.reportPrefix },
            ExclusiveStartKey: start,
          }),
        );
        reports.push(...(page.Items ?? []).map((item) => withoutKeys<RoundReport>(item)));
        start = page.LastEvaluatedKey;
      } while (start);
      return reports.sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    },
  };
}
