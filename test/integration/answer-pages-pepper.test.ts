import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { createSecrets } from '../../shared/security/secrets.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { linkKey } from '../../shared/tokens/link-key.js';
import type { AwsCall } from '../rehearsal/support/iam.js';
import { type StandIn, startParametersExtension } from '../rehearsal/support/stand-ins.js';
import { freePort } from '../support/free-port.js';
import { httpApiEvent, lambdaContext, useLambdaEnvironment } from '../support/lambda-events.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

// The answer pages as deployed: the pepper comes from the Parameters and Secrets extension (a stand-in that
// records each read), and the entry is built on its first invocation, in this file's own module registry.
type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
const PARAMETER = '/kundpuls/test/token-pepper';
let stack: LocalStack;
let extension: StandIn;
const pepperReads: AwsCall[] = [];
let answerPages: Handler;
const saved = { ...process.env };

beforeAll(async () => {
  stack = await startTestStack();
  const port = await freePort();
  extension = await startParametersExtension(
    port,
    'eu-north-1',
    new Map([['answers-session', 'answers']]),
    new Map([[PARAMETER, stack.config.tokenPepper]]),
    pepperReads,
  );
  useLambdaEnvironment(stack, {
    TOKEN_PEPPER_PARAMETER: PARAMETER,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port),
    AWS_SESSION_TOKEN: 'answers-session',
  });
  delete process.env.TOKEN_PEPPER;
  ({ handler: answerPages } = (await import('../../functions/answers/lambda.js')) as { handler: Handler });
});
afterAll(async () => {
  process.env = saved;
  await extension.close();
  await stack.close();
});

async function mailedLinks(count: number): Promise<string[]> {
  const org = await organisationWithOpenRound(stack, count);
  await runTick(stack.deps);
  return (await sentMail(stack))
    .filter((mail) => mail.body.text.includes(org.roundId))
    .map((mail) => linkIn(mail.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/));
}
const token = (path: string) => path.slice('/r/'.length);
const answer = (path: string, rank: number) =>
  answerPages(
    httpApiEvent('POST', path, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rank }),
    }),
    lambdaContext,
  );

describe('the answer pages and the pepper (decision 136)', () => {
  it('open a link on a cold start without reading the pepper, and read it once for the answers', async () => {
    const [path] = await mailedLinks(1);
    if (!path) throw new Error('no link was mailed');

    const page = await answerPages(httpApiEvent('GET', path), lambdaContext);
    const readsForThePage = pepperReads.length;
    const first = await answer(path, 3);
    const again = await answer(path, 4);

    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form');
    expect(readsForThePage).toBe(0);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(pepperReads.map((read) => read.action)).toEqual(['ssm:GetParameter']);
  });

  it('store a new link’s token under its SHA-256 alone, never under the peppered hash', async () => {
    const [path] = await mailedLinks(1);

    const underKey = await stack.deps.tokens.get(linkKey(token(path as string)));
    const underPepper = await stack.deps.tokens.get(
      createSecrets(stack.config.tokenPepper).hash(token(path as string)),
    );

    expect(underKey).toMatchObject({ kind: 'answer' });
    expect(underPepper).toBeUndefined();
  });

  it('still open a link whose token was stored under the peppered hash, as before decision 136', async () => {
    const [path] = await mailedLinks(1);
    const link = token(path as string);
    const record = await stack.deps.tokens.get(linkKey(link));
    if (record?.kind !== 'answer') throw new Error('no token for the link');
    await stack.deps.tokens.put({ ...record, tokenHash: createSecrets(stack.config.tokenPepper).hash(link) });
    await stack.deps.tokens.delete(linkKey(link));

    const page = await answerPages(httpApiEvent('GET', path as string), lambdaContext);
    const posted = await answer(path as string, 5);

    expect(page.statusCode).toBe(200);
    expect(posted.statusCode).toBe(200);
    expect(JSON.parse(posted.body)).toEqual({ stored: true });
  });

  it('refuse a made-up token for a real round, under either key', async () => {
    const [path] = await mailedLinks(1);
    const madeUp = `${(path as string).slice(0, -43)}${'A'.repeat(43)}`;

    const page = await answerPages(httpApiEvent('GET', madeUp), lambdaContext);

    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Sidan finns inte');
  });
});
