import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { sentMail } from '../support/stack.js';
import { type BenchStack, startBenchStack } from './support/bench-stack.js';
import { itemSize } from './support/item-size.js';
import type { MeterReading } from './support/meter.js';
import type { Row } from './support/rows.js';
import { linksInMail } from './support/seed.js';
import { startServices } from './support/services.js';
import { int, median, ms, usd } from './support/stats.js';
import { answerBody, answerInputs } from './support/synthetic.js';

/**
 * Public list prices, us-east-1 (checked 2026-11): SES outbound mail; DynamoDB on-demand after the November
 * 2024 price cut (it was $1.25 per million writes and $0.25 per million reads before); Lambda arm64; HTTP API.
 */
const PRICE = {
  sesPerMail: 0.1 / 1000,
  perWriteUnit: 0.625 / 1e6,
  perReadUnit: 0.125 / 1e6,
  storagePerGbMonth: 0.25,
  lambdaPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1e6,
  apiPerRequest: 1.0 / 1e6,
};
/** Both API and tick functions have 1 GB (infra/stacks/service-stack.ts). */
const LAMBDA_GB = 1;
/** A DynamoDB round trip in the same region, for Lambda time on AWS (dynalite here answers in about 1.5 ms). */
const AWS_ROUND_TRIP_MS = 5;
/** The SES quota a production account typically starts with, for the tick's billed time. */
const SES_RATE = 14;
const ROUND = 10_000;
const RESPONDENTS = 200;
/** Who answers when: after the invitation, after the first reminder, after the second. */
const ANSWER_WAVES = [0.5, 0.2, 0.1];

type Units = { read: number; write: number };
const unitsOf = (r: MeterReading): Units => ({ read: r.readUnits, write: r.writeUnits });
const costOf = (u: Units) => u.read * PRICE.perReadUnit + u.write * PRICE.perWriteUnit;
const fmtUnits = (u: Units, per = 1) =>
  `${(u.read / per).toFixed(1)} RCU + ${(u.write / per).toFixed(1)} WCU`;

/** A request through the app, in-process: its time, our code's share of it, and what DynamoDB it cost. */
async function metered(stack: BenchStack, path: string, init?: RequestInit) {
  stack.meter.reset();
  const start = performance.now();
  const response = await stack.app.request(path, init);
  await response.text();
  const total = performance.now() - start;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const reading = stack.meter.read();
  return { total, own: total - reading.sdkMs, trips: reading.roundTrips, units: unitsOf(reading) };
}

/**
 * Row 7. One whole round of 200 respondents on a hand-moved clock (invite, answers, two reminders, close,
 * report), every DynamoDB command metered with ReturnConsumedCapacity and every mail counted; then a cost
 * model for 10,000 respondents at list prices, and what the service costs between rounds.
 */
export async function costBench(): Promise<Row[]> {
  const clock = manualClock(Date.parse('2026-03-02T08:00:00Z'));
  const services = await startServices();
  const stack = await startBenchStack(services, { overrides: { clock, sleep: async () => {} } });
  try {
    const org = await organisationWithOpenRound(stack, RESPONDENTS);
    const isRespondent = (to: string) => to.startsWith('p');
    const mails = async () => (await sentMail(stack)).map((m) => m.destination.to[0] as string);
    const tick = async () => {
      stack.meter.reset();
      await runTick(stack.deps);
      return unitsOf(stack.meter.read());
    };

    const invite = await tick();
    const links = await linksInMail(stack, org.roundId);
    const next = answerInputs(7);
    const page: Awaited<ReturnType<typeof metered>>[] = [];
    const answer: Awaited<ReturnType<typeof metered>>[] = [];
    let answered = 0;
    const answerWave = async (share: number) => {
      const until = answered + Math.round(share * RESPONDENTS);
      for (; answered < until; answered++) {
        page.push(await metered(stack, `/r/${links[answered]}`));
        answer.push(
          await metered(stack, `/r/${links[answered]}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: answerBody(next()),
          }),
        );
      }
    };
    await answerWave(ANSWER_WAVES[0] as number);
    const reminders: Units = { read: 0, write: 0 };
    for (const wave of ANSWER_WAVES.slice(1)) {
      clock.advanceDays(5);
      const units = await tick();
      reminders.read += units.read;
      reminders.write += units.write;
      await answerWave(wave);
    }
    const round = await stack.deps.rounds.get(org.orgId, org.roundId);
    clock.set(new Date(Date.parse(round?.closesAt as string) + 60_000).toISOString());
    const close = await tick();
    const reads = [];
    for (let i = 0; i < 20; i++) {
      const auth = { headers: { authorization: `Bearer ${org.adminKey}` } };
      reads.push(await metered(stack, `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, auth));
      reads.push(await metered(stack, `/v1/organisations/${org.orgId}/report`, auth));
    }
    const idle = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const units = await tick();
      idle.push({ ms: performance.now() - start, units });
    }

    // Between rounds the tick runs only when its trigger says so: every minute while woken, else once at the
    // next scheduled round. A simulated month, minute by minute, up to that round, counts the runs.
    const trigger = stack.tickTrigger;
    const nextDueAt = await stack.deps.organisations.nextDueAt();
    const quietFrom = clock.now().getTime();
    const quietUntil = Math.min(
      quietFrom + 30 * 86_400_000,
      nextDueAt ? Date.parse(nextDueAt) - 60_000 : Infinity,
    );
    let quietRuns = 0;
    for (let t = quietFrom; t < quietUntil; t += 60_000) {
      clock.set(new Date(t).toISOString());
      if (!trigger.due(clock.now())) continue;
      await tick();
      quietRuns++;
    }
    const quietDays = (quietUntil - quietFrom) / 86_400_000;

    const all = await mails();
    const toRespondents = all.filter(isRespondent).length;
    const toAdmins = all.length - toRespondents;
    const sent = (await stack.deps.rounds.get(org.orgId, org.roundId))?.progress;
    if (!sent?.figuresStored) throw new Error('the round was not closed and reported');

    // Storage: every item the round left, by kind, as DynamoDB sizes it (+100 bytes overhead per item).
    const scan = await stack.db.send(new ScanCommand({ TableName: stack.config.tableName }));
    const bytes = new Map<string, { items: number; bytes: number }>();
    for (const item of scan.Items ?? []) {
      const pk = String(item.pk);
      const sk = String(item.sk);
      const kind = pk.startsWith('ORG#') ? sk.replace(/#.*/, '') : pk.replace(/#.*/, '');
      const entry = bytes.get(kind) ?? { items: 0, bytes: 0 };
      entry.items++;
      entry.bytes += itemSize(item) + 100;
      bytes.set(kind, entry);
    }
    const perItem = (kind: string) => {
      const e = bytes.get(kind);
      return e ? e.bytes / e.items : 0;
    };

    // Per respondent, scaled to a round of 10,000.
    const scale = ROUND / RESPONDENTS;
    const answerRate = answered / RESPONDENTS;
    const medianOf = (list: { total: number }[]) => median(list.map((r) => r.total));
    const awsMs = (list: { own: number; trips: number }[]) =>
      median(list.map((r) => r.own + r.trips * AWS_ROUND_TRIP_MS));
    const sum = (list: { units: Units }[]): Units =>
      list.reduce((t, r) => ({ read: t.read + r.units.read, write: t.write + r.units.write }), {
        read: 0,
        write: 0,
      });
    const requestUnits = sum([...page, ...answer]);
    const tickUnits: Units = {
      read: invite.read + reminders.read + close.read,
      write: invite.write + reminders.write + close.write,
    };
    const idleMs = median(idle.map((t) => t.ms));
    const idleUnits = idle[0]?.units ?? { read: 0, write: 0 };
    const ticksInRound =
      (round ? (Date.parse(round.closesAt) - Date.parse(round.opensAt)) / 60_000 : 0) || 20_160;

    const dynamo = costOf({
      read: (requestUnits.read + tickUnits.read) * scale + idleUnits.read * ticksInRound,
      write: (requestUnits.write + tickUnits.write) * scale,
    });
    const mailCount = toRespondents * scale + toAdmins;
    const ses = mailCount * PRICE.sesPerMail;
    const apiRequests = (page.length + answer.length) * scale + 40;
    const apiMs = (awsMs(page) + awsMs(answer)) / 2;
    const apiLambda =
      apiRequests * (PRICE.lambdaPerRequest + (apiMs / 1000) * LAMBDA_GB * PRICE.lambdaPerGbSecond);
    const tickSeconds = mailCount / SES_RATE + (ticksInRound * idleMs) / 1000;
    const tickLambda =
      ticksInRound * PRICE.lambdaPerRequest + tickSeconds * LAMBDA_GB * PRICE.lambdaPerGbSecond;
    const gateway = apiRequests * PRICE.apiPerRequest;
    const perRoundBytes =
      ROUND * (perItem('RINV') + perItem('TOKEN') * (toRespondents / RESPONDENTS)) +
      ROUND * answerRate * perItem('RANS');
    const keptBytes = ROUND * perItem('RESP') + 2 * (perItem('REPORT') + perItem('ROUND'));
    const storageMonth = ((keptBytes + perRoundBytes) / 2 ** 30) * PRICE.storagePerGbMonth;
    const total = dynamo + ses + apiLambda + tickLambda + gateway;
    const ticksPerMonth = (quietRuns * 30) / quietDays;
    const idleMonth =
      ticksPerMonth * (PRICE.lambdaPerRequest + (idleMs / 1000) * LAMBDA_GB * PRICE.lambdaPerGbSecond) +
      ticksPerMonth * costOf(idleUnits);

    return [
      {
        n: 7,
        what: `Cost: DynamoDB capacity per answer (page view + submission), measured over ${answer.length}`,
        figure: `page ${fmtUnits(sum(page), page.length)}, submission ${fmtUnits(sum(answer), answer.length)}`,
        target: 'printed',
      },
      {
        n: 7,
        what: 'Cost: DynamoDB capacity per invitation (create + mail it), per reminder round, per close',
        figure: `invitation ${fmtUnits(invite, RESPONDENTS)}; reminders ${fmtUnits(reminders, RESPONDENTS)} per respondent; close + report ${fmtUnits(close)} for ${answered} answers`,
        target: 'printed',
      },
      {
        n: 7,
        what: 'Cost: DynamoDB capacity per report read (round report, trend)',
        figure: `round ${fmtUnits(sum(reads.filter((_, i) => i % 2 === 0)), 20)}, trend ${fmtUnits(sum(reads.filter((_, i) => i % 2 === 1)), 20)}`,
        target: 'printed',
      },
      {
        n: 7,
        what: `Cost: e-mails per respondent per round (answers ${ANSWER_WAVES.map((w) => `${w * 100} %`).join(' / ')} after invite / reminders)`,
        figure: `${(toRespondents / RESPONDENTS).toFixed(2)} to respondents + ${toAdmins} to the admin (progress, report)`,
        target: 'printed',
      },
      {
        n: 7,
        what: 'Cost: Lambda ms per request (here; on AWS ≈ our code + 5 ms a DynamoDB round trip)',
        figure: `answer page ${ms(medianOf(page))} (AWS ≈ ${ms(awsMs(page))}), submission ${ms(medianOf(answer))} (AWS ≈ ${ms(awsMs(answer))}), idle tick ${ms(idleMs)}`,
        target: 'printed',
      },
      {
        n: 7,
        what: `Cost model: one round of ${int(ROUND)} respondents (us-east-1 list prices, DynamoDB on-demand $0.625/M WRU, $0.125/M RRU)`,
        figure:
          `${usd(total)}: SES ${int(mailCount)} mails ${usd(ses)}, DynamoDB ${usd(dynamo)}, API Lambda ${int(apiRequests)} req ${usd(apiLambda)}, ` +
          `HTTP API ${usd(gateway)}, tick Lambda ${usd(tickLambda)} (${int(tickSeconds)} s at ${SES_RATE} mails/s); storage ${usd(storageMonth)}/month`,
        target: 'printed',
      },
      {
        n: 7,
        what: 'Cost between rounds (per month)',
        figure:
          `storage ${usd(((keptBytes + perRoundBytes) / 2 ** 30) * PRICE.storagePerGbMonth)} (${((keptBytes + perRoundBytes) / 2 ** 20).toFixed(1)} MB) ` +
          `+ tick ${usd(idleMonth)}: ${quietRuns} runs in ${quietDays.toFixed(1)} simulated days before the next scheduled round ` +
          `(was 43,200 a month on rate(1 minute)); the tick sleeps until ${nextDueAt ?? 'woken'}`,
        target: 'nothing but storage',
        ok: idleMonth === 0,
      },
    ];
  } finally {
    await stack.close();
    await services.close();
  }
}
