import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { TICK_BUDGET_SECONDS, TICK_TIMEOUT } from '../../infra/stacks/service-stack.js';
import { ANSWER_SHARDS, keys } from '../../shared/db/table.js';
import type { Mailer } from '../../shared/mail/ports.js';
import { respondentKeyOf } from '../../shared/respondents/respondent-identity.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { linkKey } from '../../shared/tokens/link-key.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { type BenchStack, startBenchStack } from './support/bench-stack.js';
import { itemSize, readUnits, writeUnits } from './support/item-size.js';
import type { Row } from './support/rows.js';
import { mintLinks } from './support/seed.js';
import { type Services, startServices } from './support/services.js';
import { int, QUICK } from './support/stats.js';
import { answerInputs, prng, segmentsFor, storedAnswerOf } from './support/synthetic.js';

/** The national round; BENCH_QUICK simulates a fifth of it at the same rate (the per-second figures hold). */
const RESPONDENTS = QUICK ? 200_000 : 1_000_000;
const PLANNED = 1_000_000;
const ANSWERS_PER_SECOND = 2_000;
const WCU_PER_PARTITION = 1_000;
const RCU_PER_PARTITION = 3_000;
/** Assumed in-region latencies for the sending plan (not measurable here): one DynamoDB write, one SES call. */
const DYNAMODB_WRITE_MS = 5;
const SES_SEND_MS = 30;

/** The items a national round writes and reads, as the real code stores them (one respondent, one answer). */
async function realItems(stack: BenchStack) {
  const org = await organisationWithOpenRound(stack, 1);
  const [link] = await mintLinks(stack, org.orgId, org.roundId);
  if (!link) throw new Error('no link');
  const answered = await stack.app.request(`/r/${link}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rank: 30, rankReason: 'Bra service' }),
  });
  if (answered.status !== 200) throw new Error(`answer answered ${answered.status}`);
  stack.meter.reset();
  const page = await stack.app.request(`/r/${link}`);
  await page.text();
  const { consistentReads } = stack.meter.read();
  const get = async (key: { pk: string; sk: string }) =>
    ((await stack.db.send(new GetCommand({ TableName: stack.config.tableName, Key: key }))).Item ??
      {}) as Record<string, unknown>;
  const respondentKey = respondentKeyOf(stack.deps.secrets, org.respondents[0]?.email as string);
  return {
    round: itemSize(await get(keys.round(org.orgId, org.roundId))),
    invitation: itemSize(await get(keys.invitation(org.roundId, respondentKey))),
    token: itemSize(await get(keys.token(linkKey(link)))),
    roundReadFactor: consistentReads > 0 ? 1 : 0.5,
  };
}

/** How many mails the real mail pass keeps in flight when each SES call takes SES_SEND_MS. */
async function mailConcurrency(
  services: Services,
  setup: BenchStack,
): Promise<{ inFlight: number; perSecond: number }> {
  let inFlight = 0;
  let most = 0;
  let sent = 0;
  const mailer: Mailer = {
    async send() {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, SES_SEND_MS));
      inFlight--;
      return { messageId: String(++sent) };
    },
  };
  const stack = await startBenchStack(services, { overrides: { mailer } });
  try {
    const org = await organisationWithOpenRound(setup, 200);
    const start = performance.now();
    await runTick(stack.deps);
    const round = await stack.deps.rounds.get(org.orgId, org.roundId);
    if (!round?.progress.inviteDone) throw new Error('the tick did not finish the invitations');
    return { inFlight: most, perSecond: (sent / (performance.now() - start)) * 1000 };
  } finally {
    await stack.close();
  }
}

/**
 * Row 8. A national round by simulation: 1,000,000 answers arriving at random over 500 s (2,000/s on average),
 * each keyed and sharded by the real submitAnswer, its item sized as DynamoDB counts it; the capacity every
 * partition key takes each second, for the answer writes, the invitation updates and the round reads the
 * answer page and the submission make. Then the tick's sending plan for 1,000,000 invitations.
 */
export async function scaleBench(): Promise<Row[]> {
  const services = await startServices();
  const stack = await startBenchStack(services);
  let sizes: Awaited<ReturnType<typeof realItems>>;
  let mailing: Awaited<ReturnType<typeof mailConcurrency>>;
  try {
    sizes = await realItems(stack);
    mailing = await mailConcurrency(services, stack);
  } finally {
    await stack.close();
    await services.close();
  }
  const secrets = stack.deps.secrets;
  const roundId = secrets.newId('rnd');
  const orgId = secrets.newId('org');
  const seconds = RESPONDENTS / ANSWERS_PER_SECOND;
  const random = prng(8);
  const next = answerInputs(8);
  const inputs = Array.from({ length: 20_000 }, () => next());
  const wcu = new Map<string, Float64Array>();
  const add = (table: Map<string, Float64Array>, pk: string, second: number, units: number) => {
    const row = table.get(pk) ?? new Float64Array(seconds);
    table.set(pk, row);
    row[second] = (row[second] ?? 0) + units;
  };
  let answerBytes = 0;
  let maxAnswerUnits = 0;
  const started = performance.now();
  for (let i = 0; i < RESPONDENTS; i++) {
    const respondentKey = respondentKeyOf(secrets, `p${i}@example.org`);
    const { answer, invitation } = await storedAnswerOf(
      secrets,
      { roundId, orgId, respondentKey, segments: segmentsFor(i) },
      inputs[i % inputs.length] as (typeof inputs)[number],
    );
    const second = Math.floor(random() * seconds);
    const item = { ...keys.answer(answer.roundId, answer.answerKey), ...answer };
    const bytes = itemSize(item);
    answerBytes += bytes;
    maxAnswerUnits = Math.max(maxAnswerUnits, writeUnits(bytes));
    add(wcu, item.pk, second, writeUnits(bytes));
    add(
      wcu,
      keys.invitation(invitation.roundId, invitation.respondentKey).pk,
      second,
      writeUnits(sizes.invitation),
    );
  }
  const simulatedMs = performance.now() - started;
  const peak = (prefix: string) => {
    let max = 0;
    let sum = 0;
    let count = 0;
    for (const [pk, row] of wcu) {
      if (!pk.startsWith(prefix)) continue;
      count++;
      for (const units of row) {
        max = Math.max(max, units);
        sum += units;
      }
    }
    return { max, mean: sum / (count * seconds), keys: count };
  };
  const answers = peak('RANS#');
  const invitations = peak('RINV#');
  // Each respondent reads the round item twice (the page, then the submission).
  const roundReads = 2 * ANSWERS_PER_SECOND * readUnits(sizes.round) * sizes.roundReadFactor;
  const worstAnswer = writeUnits(4 * 2000 + 600); // four comments at the 2,000-character limit
  const worstPerShard = (ANSWERS_PER_SECOND / ANSWER_SHARDS) * worstAnswer;

  const budget = TICK_BUDGET_SECONDS;
  const timeout = TICK_TIMEOUT.toSeconds();
  const perMailMs = 3 * DYNAMODB_WRITE_MS + SES_SEND_MS;
  const sequentialRate = (mailing.inFlight * 1000) / perMailMs;
  const plan = (quota: number) => {
    const at = (rate: number) => {
      const perRun = Math.floor(rate * budget);
      const runs = Math.ceil(PLANNED / perRun);
      // Reserved concurrency 1: runs follow each other, the next starting within a minute of the last.
      return { rate, perRun, runs, hours: (runs * (budget + 60)) / 3600 };
    };
    return { quota, ideal: at(quota), sequential: at(Math.min(quota, sequentialRate)) };
  };
  const plans = [50, 500].map(plan);
  return [
    {
      n: 8,
      what: `Scale: answer writes per partition key, ${int(RESPONDENTS)} answers at ${int(ANSWERS_PER_SECOND)}/s over ${answers.keys} shards`,
      figure: `max ${int(answers.max)} WCU/s on one key (mean ${int(answers.mean)}); answers ${int(answerBytes / RESPONDENTS)} B on average, ≤ ${maxAnswerUnits} WCU (simulated in ${(simulatedMs / 1000).toFixed(0)} s)`,
      target: `< ${int(WCU_PER_PARTITION)} WCU/s per key`,
      ok: answers.max < WCU_PER_PARTITION,
    },
    {
      n: 8,
      what: 'Scale: invitation updates (markAnswered) per partition key',
      figure: `max ${int(invitations.max)} WCU/s on one key, ${invitations.keys} RINV# key(s) (mean ${int(invitations.mean)}; invitation ${sizes.invitation} B)`,
      target: `< ${int(WCU_PER_PARTITION)} WCU/s per key`,
      ok: invitations.max < WCU_PER_PARTITION,
    },
    {
      n: 8,
      what: `Scale: round item reads (answer page + submission, ${sizes.roundReadFactor === 1 ? 'strongly' : 'eventually'} consistent BatchGet)`,
      figure: `${int(roundReads)} RCU/s on one key ORG#<orgId>/ROUND#<roundId> (round item ${int(sizes.round)} B)`,
      target: `< ${int(RCU_PER_PARTITION)} RCU/s per key`,
      ok: roundReads < RCU_PER_PARTITION,
    },
    {
      n: 8,
      what: 'Scale: worst case, every answer with four 2,000-character comments',
      figure: `${worstAnswer} WCU each → ${int(worstPerShard)} WCU/s per answer shard`,
      target: 'printed',
    },
    ...plans.map((p) => ({
      n: 8,
      what: `Sending plan: ${int(PLANNED)} invitations at an SES quota of ${p.quota}/s (tick budget ${budget} s, timeout ${timeout} s)`,
      figure:
        `at the quota: ${int(p.ideal.perRun)} a run, ${p.ideal.runs} runs, ${p.ideal.hours.toFixed(1)} h, ${int((2 * p.quota) / invitations.keys)} WCU/s per invitation key (claim + settle); ` +
        `as the tick sends (${mailing.inFlight} in flight measured, each 3 writes × ${DYNAMODB_WRITE_MS} ms + SES ${SES_SEND_MS} ms): ` +
        `${p.sequential.rate.toFixed(0)}/s, ${p.sequential.runs} runs, ${p.sequential.hours.toFixed(1)} h`,
      target: 'each run ≤ 15 min',
      ok: budget < timeout && timeout <= 900,
    })),
  ];
}
