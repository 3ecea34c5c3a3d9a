import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ANSWER_SHARDS, keys } from '../../shared/db/table.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { type BenchStack, startBenchStack } from './support/bench-stack.js';
import { runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { mintLinks } from './support/seed.js';
import { startServices } from './support/services.js';
import { int, ms, QUICK } from './support/stats.js';
import { answerBody, answerInputs } from './support/synthetic.js';

const CLIENT = fileURLToPath(new URL('./fixtures/load-client.mjs', import.meta.url));

interface LoadResult {
  requestsPerSecond: number;
  total: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  distinctLinks: number;
}

async function storedAnswers(stack: BenchStack, roundId: string): Promise<number> {
  let count = 0;
  for (let shard = 0; shard < ANSWER_SHARDS; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await stack.db.send(
        new QueryCommand({
          TableName: stack.config.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.answerPartition(roundId, shard) },
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return count;
}

/**
 * Row 6. The local HTTP API (Node server, real adapters, dynalite) under 50 connections posting answers to
 * personal links for a bounded time, from a second process. Answering again replaces the answer, so the
 * answers stored must equal the distinct links that got a 2xx.
 */
export async function loadBench(): Promise<Row[]> {
  const services = await startServices();
  const stack = await startBenchStack(services);
  try {
    const org = await organisationWithOpenRound(stack, QUICK ? 200 : 1000);
    const links = await mintLinks(stack, org.orgId, org.roundId);
    const next = answerInputs(6);
    const bodies = Array.from({ length: 100 }, () => answerBody(next()));
    const duration = QUICK ? 5 : 15;
    const result = await runChild<LoadResult>(
      CLIENT,
      { url: stack.apiUrl, links, bodies, connections: 50, duration },
      { typescript: false },
    );
    const stored = await storedAnswers(stack, org.roundId);
    const clean = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0;
    return [
      {
        n: 6,
        what: `Load: 50 connections posting answers for ${duration} s (autocannon, second process)`,
        figure: `${int(result.requestsPerSecond)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, ${int(result.total)} requests`,
        target: 'printed',
      },
      {
        n: 6,
        what: 'Load: errors (socket errors, timeouts, non-2xx)',
        figure: `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
        target: '0',
        ok: clean,
      },
      {
        n: 6,
        what: `Load: stored answers vs distinct links answered with 2xx (${links.length} links)`,
        figure: `${int(stored)} stored, ${int(result.distinctLinks)} acknowledged`,
        target: 'equal',
        ok: stored === result.distinctLinks,
      },
    ];
  } finally {
    await stack.close();
    await services.close();
  }
}
