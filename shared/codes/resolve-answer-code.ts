import type { AnswerLink } from '../answers/answer-link.js';
import { notFound } from '../errors.js';
import { isOpen } from '../rounds/round.js';
import { codeTokenHash, normaliseCode } from './answer-code.js';
import { countFailedCode, type GuessLimitDeps, refuseWhileGuessing } from './guess-limits.js';
import type { AnswerCodeReader } from './ports.js';

export interface AnswerCodeDeps extends GuessLimitDeps {
  answerCodes: AnswerCodeReader;
}

/**
 * Opens the form a typed code belongs to, as a link would. 1. refuse while this client, or everyone, has used
 * up the failed-code limits (counters in the table, shared by every container)  2. normalise what was typed
 * 3. read the code's token and round  4. count a failure and answer 404 for anything that is not a live code's.
 * A closed round's code resolves with `open: false`: codes die at close, the page says so.
 */
export async function resolveAnswerCode(
  deps: AnswerCodeDeps,
  typed: string,
  client: string,
): Promise<AnswerLink> {
  await refuseWhileGuessing(deps, client);
  const code = normaliseCode(typed);
  const found = code ? await deps.answerCodes.read(codeTokenHash(await deps.secrets, code)) : {};
  const token = found.token;
  if (
    token?.kind !== 'answer' ||
    token.via !== 'code' ||
    !found.round ||
    token.roundId !== found.round.id ||
    token.orgId !== found.round.orgId
  ) {
    await countFailedCode(deps, client);
    throw notFound('Code');
  }
  return { token, round: found.round, open: isOpen(found.round, deps.clock.now()) };
}
