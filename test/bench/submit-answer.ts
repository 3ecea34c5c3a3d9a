import { BatchGetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createAnswerApp } from '../../functions/api/answer-app.js';
import type { AnswerInput } from '../../shared/answers/answer.js';
import { keys } from '../../shared/db/table.js';
import { linkKey } from '../../shared/tokens/link-key.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { type BenchStack, startBenchStack } from './support/bench-stack.js';
import type { Row } from './support/rows.js';
import { mintLinks } from './support/seed.js';
import { startServices } from './support/services.js';
import { median, ms, QUICK, quantile, ratio } from './support/stats.js';
import { answerBody, answerInputs, storedAnswerOf } from './support/synthetic.js';

/** What the bare calls need for one link, prepared outside the timed part. */
async function bareCalls(stack: BenchStack, token: string, body: AnswerInput) {
  const [orgId, roundId] = token.split('.') as [string, string];
  const tokenHash = linkKey(token);
  const record = await stack.deps.tokens.get(tokenHash);
  if (record?.kind !== 'answer') throw new Error('link token not found');
  const { answer } = await storedAnswerOf(stack.deps.secrets, record, body);
  const table = stack.config.tableName;
  return async () => {
    await stack.db.send(
      new BatchGetCommand({
        RequestItems: {
          [table]: { Keys: [keys.token(tokenHash), keys.round(orgId, roundId)], ConsistentRead: true },
        },
      }),
    );
    await stack.db.send(
      new PutCommand({
        TableName: table,
        Item: { ...keys.answer(roundId, answer.answerKey), ...answer },
      }),
    );
    await stack.db.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.invitation(roundId, record.respondentKey),
        UpdateExpression: 'SET answered = :yes',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':yes': true },
      }),
    );
  };
}

/**
 * Row 2. POST /r/{token} (JSON) through the whole app in-process, against the three DynamoDB calls it makes
 * issued alone with the same client and the same dynalite; round trips counted inside the SDK's retry loop.
 */
export async function submitAnswerBench(): Promise<Row[]> {
  const services = await startServices();
  const stack = await startBenchStack(services);
  try {
    const org = await organisationWithOpenRound(stack, 40);
    const links = await mintLinks(stack, org.orgId, org.roundId);
    const next = answerInputs(2);
    const inputs = links.map(() => next());
    const bare = await Promise.all(links.map((link, i) => bareCalls(stack, link, inputs[i] as AnswerInput)));
    // The app the answer-pages Lambda runs (functions/answers), on the bench stack's metered stores.
    const answerApp = createAnswerApp(stack.deps, { clientAddress: () => '127.0.0.1' });
    // With content-length, as every HTTP client sends and API Gateway passes on.
    const submit = (i: number) => {
      const body = answerBody(inputs[i % links.length] as AnswerInput);
      return answerApp.request(`/r/${links[i % links.length]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
    };

    for (let i = 0; i < 50; i++) {
      await submit(i);
      await (bare[i % bare.length] as () => Promise<void>)();
    }
    const n = QUICK ? 150 : 500;
    const path: number[] = [];
    const alone: number[] = [];
    const trips: number[] = [];
    let units = { read: 0, write: 0 };
    const calls = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      stack.meter.reset();
      let start = performance.now();
      const response = await submit(i);
      await response.text();
      path.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`answer answered ${response.status}`);
      const reading = stack.meter.read();
      trips.push(reading.roundTrips);
      units = { read: units.read + reading.readUnits, write: units.write + reading.writeUnits };
      for (const [name, count] of Object.entries(reading.byCommand)) calls.set(name, count);
      start = performance.now();
      await (bare[i % bare.length] as () => Promise<void>)();
      alone.push(performance.now() - start);
    }
    const r = median(path) / median(alone);
    const maxTrips = Math.max(...trips);
    return [
      {
        n: 2,
        what: `Submit answer in-process: POST /r/{token} vs its bare DynamoDB calls (median of ${n})`,
        figure: `${ms(median(path))} vs ${ms(median(alone))} = ${ratio(r)} (p90 ${ms(quantile(path, 0.9))} vs ${ms(quantile(alone, 0.9))})`,
        target: '≤ 1.25×',
        ok: r <= 1.25,
      },
      {
        n: 2,
        what: 'Submit answer: DynamoDB round trips on the path',
        figure: `${maxTrips} (${[...calls].map(([name, count]) => `${name.replace('Command', '')} ${count}`).join(', ')}); ${(units.read / n).toFixed(1)} RCU + ${(units.write / n).toFixed(1)} WCU`,
        target: '≤ 3',
        ok: maxTrips <= 3,
      },
    ];
  } finally {
    await stack.close();
    await services.close();
  }
}
