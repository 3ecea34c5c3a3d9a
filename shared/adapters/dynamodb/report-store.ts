import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { keys } from '../../db/table.js';
import type { ReportStore } from '../../reports/ports.js';
import type { RoundReport } from '../../reports/round-report.js';
import { toTrendPoint } from '../../reports/trend.js';
import { queryPrefix } from './client.js';
import { fromItem, stamp } from './item.js';
import { CommentChunkItem, RoundReportItem, TrendPointItem } from './round-item-schemas.js';

const StoredTrendPoint = z.object({ point: TrendPointItem });

/** A chunk of comments stays well under DynamoDB's 400 KB item limit (100 comments of 2,000 characters may not). */
const CHUNK_BYTES = 300_000;

function chunksUnder(list: string[], limit: number): string[][] {
  const chunks: string[][] = [[]];
  let bytes = 0;
  for (const comment of list) {
    const size = Buffer.byteLength(comment) + 3;
    if (bytes + size > limit && (chunks.at(-1) as string[]).length > 0) {
      chunks.push([]);
      bytes = 0;
    }
    (chunks.at(-1) as string[]).push(comment);
    bytes += size;
  }
  return chunks;
}

export function createReportStore(db: DynamoDBDocumentClient, tableName: string): ReportStore {
  return {
    async put(report, comments) {
      // Comments, then the trend point, then the report: the report's presence means all of it is stored.
      // Each chunk carries the write's version, so a rerun's chunks never mix with an earlier run's.
      for (const [field, list] of Object.entries(comments)) {
        for (const [index, chunk] of chunksUnder(list, CHUNK_BYTES).entries()) {
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...keys.reportComments(report.orgId, report.roundId, field, index),
                ...stamp('reportComments'),
                field,
                version: report.computedAt,
                comments: chunk,
              },
            }),
          );
        }
      }
      // Trend point first: a crash in between leaves a point whose report the rerun writes, never the reverse.
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.trendPoint(report.orgId, report.roundId),
            ...stamp('trendPoint'),
            point: toTrendPoint(report),
          },
        }),
      );
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.report(report.orgId, report.roundId), ...stamp('report'), ...report },
        }),
      );
    },
    async get(orgId, roundId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.report(orgId, roundId) }),
      );
      return Item ? fromItem('report', RoundReportItem, Item) : undefined;
    },
    async getComments(orgId, roundId) {
      const items = (
        await queryPrefix(db, tableName, keys.organisation(orgId).pk, keys.reportCommentsPrefix(roundId))
      ).map((item) => fromItem('reportComments', CommentChunkItem, item));
      if (items.length === 0) return undefined;
      // Only the latest write's chunks: a rerun may have fewer chunks, or fewer questions, than the one before.
      const latest = items.reduce((max, item) => (item.version > max ? item.version : max), '');
      const comments: Record<string, string[]> = {};
      // Sort keys are zero-padded chunk numbers: the query returns each question's chunks in order.
      for (const item of items.filter((i) => i.version === latest)) {
        comments[item.field] = [...(comments[item.field] ?? []), ...item.comments];
      }
      return comments as RoundReport['comments'];
    },
    async listTrend(orgId) {
      const items = await queryPrefix(db, tableName, keys.organisation(orgId).pk, keys.trendPrefix);
      return items
        .map((item) => fromItem('trendPoint', StoredTrendPoint, item).point)
        .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    },
  };
}
