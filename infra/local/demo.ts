/**
 * `npm run demo`, against the stack `npm start` runs: enrols a demo organisation with 60 respondents in three
 * departments, runs two rounds whose answers go through the real answer endpoint, closes them, and lets the
 * tick send the report e-mails (see them in the SES viewer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../shared/config.js';
import { createTickingDeps } from '../../shared/deps.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { DEFAULT_VALUE_LIST } from '../../shared/values/default-value-list.js';
import { localChoices } from './choices.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const api = `http://127.0.0.1:${port}`;
const ses = `http://127.0.0.1:${env.SES_PORT ?? 8005}`;
const config = await loadConfig({
  TABLE_NAME: 'kundpuls',
  DYNAMODB_ENDPOINT: `http://127.0.0.1:${env.DYNAMODB_PORT ?? 8000}`,
  SES_ENDPOINT: ses,
  MAIL_FROM: 'Kundpuls <pulse@kundpuls.local>',
  PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${port}`,
  TOKEN_PEPPER: readFileSync(join(env.DATA_DIR ?? '.data', 'pepper'), 'utf8').trim(),
  MAIL_RATE_PER_SECOND: '200',
  LOG_LEVEL: 'warn',
});
const deps = createTickingDeps(config, localChoices());

async function call(method: string, path: string, key?: string, body?: unknown) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

type Mail = { destination: { to: string[] }; subject: string; body: { text: string } };
const mails = async (): Promise<Mail[]> =>
  ((await (await fetch(`${ses}/store`)).json()) as { emails: Mail[] }).emails;

const stamp = Date.now().toString(36);
const departments = ['Vård', 'Ekonomi', 'Kundtjänst'];
const contactEmail = `demo-admin-${stamp}@example.org`;
const { organisation, adminKey } = await call('POST', '/v1/organisations', undefined, {
  name: 'Demokommunen',
  contactEmail,
  language: 'sv',
  customerTerm: 'medborgare',
  reportRecipients: [contactEmail, `demo-analyst-${stamp}@example.org`],
  values: { enabled: true },
});
const orgId = organisation.id as string;
const verifyMail = (await mails()).find((m) => m.destination.to.includes(contactEmail));
const verifyPath = /\/verify\/[\w-]+/.exec(verifyMail?.body.text ?? '')?.[0];
await fetch(`${api}${verifyPath}`, { method: 'POST' });
const people = Array.from({ length: 60 }, (_, i) => ({
  email: `demo-${stamp}-${i}@example.org`,
  department: departments[i % 3] as string,
}));
await call('PUT', `/v1/organisations/${orgId}/respondents`, adminKey, { respondents: people });

const reasons = [
  'Vi pratar mest om budget och interna rutiner, sällan om medborgarnas behov.',
  'Ledningen mäter kostnader, inte hur medborgarna upplever servicen.',
  'Många ser inte medborgarna som kunder, och därför prioriteras de inte.',
  'Våra mål handlar om processer och regelverk.',
  'Det finns ett starkt engagemang för medborgarna i vardagen.',
];
const ideas = [
  'Bjud in medborgare till våra möten.',
  'Mät nöjdhet varje månad och visa resultatet.',
  'Gör medborgarnas behov till första punkt på varje ledningsmöte.',
];

/** A plausible place for one respondent: centred on `centre`, spread by department. */
function simulatedRank(centre: number, department: number): number | null {
  if (Math.random() < 0.08) return null;
  const noise = (Math.random() + Math.random() + Math.random() - 1.5) * 30;
  return Math.min(100, Math.max(1, Math.round(centre + department * 6 + noise)));
}

const ids = DEFAULT_VALUE_LIST.values.map((v) => v.id);
const idsWhere = (test: (v: (typeof DEFAULT_VALUE_LIST.values)[number]) => boolean) =>
  DEFAULT_VALUE_LIST.values.filter(test).map((v) => v.id);
const limiting = idsWhere((v) => v.limiting);
const customer = idsWhere((v) => v.customer);

/** Up to `count` distinct picks, each drawn from `favoured` with probability `bias`, else from the whole list. */
function picks(count: number, favoured: string[], bias: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const pool = Math.random() < bias ? favoured : ids;
    chosen.add(pool[Math.floor(Math.random() * pool.length)] as string);
  }
  return [...chosen];
}

async function runRound(centre: number, answerShare: number) {
  const { round } = await call('POST', `/v1/organisations/${orgId}/rounds`, adminKey);
  await runTick(deps);
  const invitations = (await mails()).filter(
    (m) => m.destination.to[0]?.startsWith(`demo-${stamp}-`) && m.body.text.includes(round.id),
  );
  let answered = 0;
  for (const mail of invitations) {
    if (Math.random() > answerShare) continue;
    const link = /\/r\/[\w.-]+/.exec(mail.body.text)?.[0] as string;
    const index = Number(/demo-\w+-(\d+)@/.exec(mail.destination.to[0] as string)?.[1]);
    const body = new URLSearchParams({
      rank: String(simulatedRank(centre, index % 3) ?? ''),
      rankReason: Math.random() < 0.6 ? (reasons[index % reasons.length] as string) : '',
      raiseIdeas: Math.random() < 0.5 ? (ideas[index % ideas.length] as string) : '',
    });
    // Today leans to limiting values; wished-for leans to the customer (Sverigestudien's pattern).
    for (const id of picks(8, limiting, centre / 100)) body.append('valuesToday', id);
    for (const id of picks(8, customer, 0.35)) body.append('valuesWishedFor', id);
    const response = await fetch(`${api}${link}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (response.ok) answered++;
  }
  await call('POST', `/v1/organisations/${orgId}/rounds/${round.id}/close`, adminKey);
  await runTick(deps);
  console.log(`Round ${round.id}: ${invitations.length} invited, ${answered} answered, closed and reported.`);
  return round.id as string;
}

await runRound(48, 0.8);
const second = await runRound(34, 0.85);
const { key: analystKey } = await call('POST', `/v1/organisations/${orgId}/keys`, adminKey, {
  role: 'analyst',
});
console.log(`
Demo organisation ${orgId} (Demokommunen).
  Report e-mails:  ${ses}  (the SES viewer)
  Admin key:       ${adminKey}
  Analyst key:     ${analystKey}
  Round report:    curl -H "authorization: Bearer ${analystKey}" ${api}/v1/organisations/${orgId}/rounds/${second}/report
  Trend:           curl -H "authorization: Bearer ${analystKey}" ${api}/v1/organisations/${orgId}/report
`);
