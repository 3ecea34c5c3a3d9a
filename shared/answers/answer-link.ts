import type { Clock } from '../common-ports.js';
import { notFound } from '../errors.js';
import { type FailureLimit, RateLimited } from '../rate-limiter.js';
import { isOpen, type Round } from '../rounds/round.js';
import type { SecretsSource } from '../security/secrets.js';
import { linkKey } from '../tokens/link-key.js';
import type { TokenRecord } from '../tokens/token.js';
import type { AnswerLinkReader } from './ports.js';

export interface AnswerLinkDeps {
  answerLinks: AnswerLinkReader;
  secrets: SecretsSource;
  clock: Clock;
  limits: { tokenGuessing: FailureLimit };
}

export type AnswerToken = Extract<TokenRecord, { kind: 'answer' }>;
export interface AnswerLink {
  token: AnswerToken;
  round: Round;
  open: boolean;
}

const TOKEN_PATTERN = /^(org_[A-Za-z0-9]{1,40})\.(rnd_[A-Za-z0-9]{1,40})\.([A-Za-z0-9_-]{43})$/;

/**
 * Resolves a personal link with one read (token and round together), under the token's unpeppered key, so a
 * link opens without waiting for the pepper. The link names its round, so a closed round is seen at once,
 * however it closed. Failed look-ups count against the client in the table (across containers): guessing gets
 * 429, and a client this process knows is blocked costs no read at all.
 */
export async function resolveAnswerLink(
  deps: AnswerLinkDeps,
  link: string,
  client: string,
): Promise<AnswerLink> {
  const tooMany = (retryAfter: number) =>
    new RateLimited('Too many unknown links from this address; try again later', retryAfter);
  const blockedFor = deps.limits.tokenGuessing.blockedFor(client);
  if (blockedFor > 0) throw tooMany(blockedFor);
  const match = TOKEN_PATTERN.exec(link);
  const found = match ? await readLink(deps, link, match[1] as string, match[2] as string) : {};
  const token = found.token;
  if (
    token?.kind !== 'answer' ||
    !found.round ||
    token.roundId !== found.round.id ||
    token.orgId !== found.round.orgId
  ) {
    const verdict = await deps.limits.tokenGuessing.fail(client);
    throw verdict.allowed ? notFound('Link') : tooMany(verdict.retryAfter);
  }
  return { token, round: found.round, open: isOpen(found.round, deps.clock.now()) };
}

/**
 * Links mailed before decision 136 are stored under the peppered hash until their round closes: when the round
 * is found but the token is not, that key is read too. Only such links and guesses at a real round pay it.
 */
async function readLink(deps: AnswerLinkDeps, link: string, orgId: string, roundId: string) {
  const found = await deps.answerLinks.read(linkKey(link), orgId, roundId);
  if (found.token || !found.round) return found;
  const earlier = await deps.answerLinks.read((await deps.secrets).hash(link), orgId, roundId);
  return earlier.token ? earlier : found;
}
