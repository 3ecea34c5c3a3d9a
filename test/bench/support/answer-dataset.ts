import { randomBytes } from 'node:crypto';
import { enrolVerified } from '../../support/enrol.js';
import { apiClient } from '../../support/stack.js';
import { type BenchStack, startBenchStack } from './bench-stack.js';
import { seedAnswers, seedInvitations } from './seed.js';
import { type Services, startServices } from './services.js';

export interface ClosedRound {
  size: number;
  orgId: string;
  roundId: string;
  adminKey: string;
}

export interface AnswerDataset {
  services: Services;
  stack: BenchStack;
  rounds: Map<number, ClosedRound>;
}

/** Answers to invitations: 80 % of those invited answered. */
const RESPONSE_RATE = 0.8;
let dataset: Promise<AnswerDataset> | undefined;
const seeded = new Map<number, Promise<ClosedRound>>();

/**
 * Closed rounds with `size` stored answers each, one organisation per round, shared by the report-read and
 * round-closing benchmarks. Answers and invitations are written in bulk (BatchWrite) with the keys and items
 * the real answer path makes; the round is opened and closed through the API.
 */
export async function closedRoundWith(size: number): Promise<{ dataset: AnswerDataset; round: ClosedRound }> {
  dataset ??= (async () => {
    const services = await startServices();
    return { services, stack: await startBenchStack(services), rounds: new Map() };
  })();
  const data = await dataset;
  if (!seeded.has(size)) seeded.set(size, seedRound(data, size));
  return { dataset: data, round: await (seeded.get(size) as Promise<ClosedRound>) };
}

async function seedRound(data: AnswerDataset, size: number): Promise<ClosedRound> {
  const { stack } = data;
  const call = apiClient(stack);
  const org = await enrolVerified(stack);
  const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
  if (opened.status !== 201) throw new Error(`open failed: ${opened.text}`);
  const round = await stack.deps.rounds.get(org.orgId, opened.json.round.id);
  if (!round) throw new Error('round not stored');
  const invited = Array.from({ length: Math.ceil(size / RESPONSE_RATE) }, () => ({
    respondentKey: randomBytes(32).toString('hex'),
  }));
  const answered = invited.slice(0, size);
  await seedInvitations(stack, round, answered, { sent: true, answered: true });
  await seedInvitations(stack, round, invited.slice(size), { sent: true, answered: false });
  await seedAnswers(stack, round, answered, size);
  await stack.deps.rounds.updateProgress(org.orgId, round.id, { invitationsCreated: true, inviteDone: true });
  const closed = await call('POST', `/v1/organisations/${org.orgId}/rounds/${round.id}/close`, {
    key: org.adminKey,
  });
  if (closed.status !== 200) throw new Error(`close failed: ${closed.status} ${closed.text}`);
  const result = { size, orgId: org.orgId, roundId: round.id, adminKey: org.adminKey };
  data.rounds.set(size, result);
  return result;
}

export async function closeAnswerDataset(): Promise<void> {
  if (!dataset) return;
  const data = await dataset;
  dataset = undefined;
  seeded.clear();
  await data.stack.close();
  await data.services.close();
}
