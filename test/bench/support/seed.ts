import { batchWrite } from '../../../shared/adapters/dynamodb/batch.js';
import { keys } from '../../../shared/db/table.js';
import type { Respondent } from '../../../shared/respondents/respondent.js';
import { respondentKeyOf } from '../../../shared/respondents/respondent-identity.js';
import type { Invitation } from '../../../shared/rounds/invitation.js';
import { runTick } from '../../../shared/tick/run-tick.js';
import type { BenchStack } from './bench-stack.js';
import { answerInputs, segmentsFor, storedAnswerOf } from './synthetic.js';

/** Runs `work` over items in chunks, a few chunks at a time (dynalite is one process; 4 keeps it busy). */
export async function inChunks<T>(
  items: T[],
  chunk: number,
  work: (part: T[]) => Promise<void>,
  concurrency = 4,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const start = next;
      next += chunk;
      await work(items.slice(start, start + chunk));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** `count` respondents for an organisation, written in bulk with the respondent store (BatchWrite). */
export async function seedRespondents(
  stack: BenchStack,
  orgId: string,
  count: number,
): Promise<Respondent[]> {
  const now = new Date().toISOString();
  const respondents = Array.from({ length: count }, (_, i): Respondent => {
    const email = `p${i}.${orgId.slice(4, 12).toLowerCase()}@example.org`;
    return {
      orgId,
      respondentKey: respondentKeyOf(stack.deps.secrets, email),
      email,
      ...segmentsFor(i),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
  });
  await inChunks(respondents, 500, (part) => stack.deps.respondents.putMany(part));
  return respondents;
}

/** Invitations as the tick would have created and mailed them, written in bulk. */
export async function seedInvitations(
  stack: BenchStack,
  round: { id: string; orgId: string; opensAt: string },
  respondents: Pick<Respondent, 'respondentKey'>[],
  state: { sent: boolean; answered: boolean },
): Promise<void> {
  const items = respondents.map((respondent, i) => {
    const invitation: Invitation = {
      roundId: round.id,
      orgId: round.orgId,
      respondentKey: respondent.respondentKey,
      segments: segmentsFor(i),
      createdAt: round.opensAt,
      mails: state.sent ? { invite: { state: 'sent' } } : {},
      ...(state.answered ? { answered: true } : {}),
    };
    return {
      put: { ...keys.invitation(round.id, respondent.respondentKey), entity: 'invitation', ...invitation },
    };
  });
  await inChunks(items, 500, (part) => batchWrite(stack.db, stack.config.tableName, part));
}

/** `count` answers to a round, each keyed and sharded by the real answer path, written in bulk. */
export async function seedAnswers(
  stack: BenchStack,
  round: { id: string; orgId: string },
  respondents: Pick<Respondent, 'respondentKey'>[],
  seed = 1,
): Promise<void> {
  const next = answerInputs(seed);
  const items: { put: Record<string, unknown> }[] = [];
  for (const [i, respondent] of respondents.entries()) {
    const { answer } = await storedAnswerOf(
      stack.deps.secrets,
      {
        roundId: round.id,
        orgId: round.orgId,
        respondentKey: respondent.respondentKey,
        segments: segmentsFor(i),
      },
      next(),
    );
    items.push({ put: { ...keys.answer(answer.roundId, answer.answerKey), ...answer } });
  }
  await inChunks(items, 500, (part) => batchWrite(stack.db, stack.config.tableName, part));
}

const LINK = /\/r\/(org_[A-Za-z0-9]+\.rnd_[A-Za-z0-9]+\.[A-Za-z0-9_-]{43})/;

/** Every answer link (the token) in the SES emulator's store for a round. */
export async function linksInMail(stack: Pick<BenchStack, 'sesUrl'>, roundId: string): Promise<string[]> {
  const response = await fetch(`${stack.sesUrl}/store`);
  const { emails } = (await response.json()) as { emails: { body: { text: string } }[] };
  const links = new Set<string>();
  for (const mail of emails) {
    const match = LINK.exec(mail.body.text ?? '');
    if (match?.[1]?.includes(`.${roundId}.`)) links.add(match[1]);
  }
  return [...links];
}

/** Runs the real tick until the round's invitations are all mailed, and returns the links they carry. */
export async function mintLinks(stack: BenchStack, orgId: string, roundId: string): Promise<string[]> {
  for (let i = 0; i < 20; i++) {
    await runTick(stack.deps);
    const round = await stack.deps.rounds.get(orgId, roundId);
    if (round?.progress.inviteDone) break;
  }
  return linksInMail(stack, roundId);
}
