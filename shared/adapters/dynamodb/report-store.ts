import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { ReportStore } from '../../ports.js';
import type { RoundReport } from '../../reports/round-report.js';
import { type TrendPoint, toTrendPoint } from '../../reports/trend.js';
import { queryAll, withoutKeys } from './client.js';

export function createReportStore(db: DynamoDBDocumentClient, tableName: string): ReportStore {
  return {
    async put(report, comments) {
      // Comments, then the trend point, then the report: the report's presence means all of it is stored.
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.reportComments(report.orgId, report.roundId), comments },
        }),
      );
      // Trend point first: a crash in between leaves a point whose report the rerun writes, never the reverse.
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.trendPoint(report.orgId, report.roundId), point: toTrendPoint(report) },
        }),
      );
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
    async getComments(orgId, roundId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.reportComments(orgId, roundId) }),
      );
      return Item?.comments as RoundReport['comments'] | undefined;
    },
    async listTrend(orgId) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': keys.trendPrefix },
      });
      return items
        .map((item) => item.point as TrendPoint)
        .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    },
  };
}
