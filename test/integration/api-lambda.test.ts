import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import type { StoredAnswer } from '../../shared/answers/answer.js';
import { forEachAnswer } from '../../shared/answers/each-answer.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { httpApiEvent, lambdaContext, useLambdaEnvironment } from '../support/lambda-events.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;
let handler: Handler;
let answerPages: Handler;

beforeAll(async () => {
  stack = await startTestStack();
  useLambdaEnvironment(stack, { PUBLIC_URL: 'https://pulse.example.org' });
  ({ handler } = (await import('../../functions/api/lambda.js')) as never);
  ({ handler: answerPages } = (await import('../../functions/answers/lambda.js')) as never);
});
afterAll(() => stack.close());

describe('the API Lambda entry', () => {
  it('enrols an organisation from an HTTP API 2.0 event against dynalite and SES', async () => {
    const event = httpApiEvent('POST', '/v1/organisations', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lambda AB', contactEmail: 'lambda@example.org', language: 'en' }),
    });

    const result = await handler(event, lambdaContext);

    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body).organisation.name).toBe('Lambda AB');
    const mail = (await sentMail(stack)).find((m) => m.destination.to.includes('lambda@example.org'));
    expect(mail?.body.text).toContain('https://pulse.example.org/verify/');
  });

  it('answers errors in the API shape with no stack trace', async () => {
    const result = await handler(
      httpApiEvent('GET', '/v1/organisations/org_x', { headers: { authorization: 'Bearer nope' } }),
      lambdaContext,
    );
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body)).toEqual({
      error: { code: 'unauthorised', message: expect.any(String), details: [] },
    });
  });
});

describe('the answer pages Lambda entry', () => {
  it('shows the form for a mailed link and stores the answer posted to it', async () => {
    const org = await organisationWithOpenRound(stack, 2);
    await runTick(stack.deps);
    const [mail] = (await sentMail(stack)).filter((m) => m.subject && m.body.text.includes(org.roundId));
    const path = linkIn(mail?.body.text ?? '', /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);

    const page = await answerPages(httpApiEvent('GET', path), lambdaContext);
    const posted = await answerPages(
      httpApiEvent('POST', path, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rank: 2, rankReason: 'Vi mäter det.' }),
      }),
      lambdaContext,
    );

    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form');
    expect(posted.statusCode).toBe(200);
    expect(JSON.parse(posted.body)).toEqual({ stored: true });
    const stored: StoredAnswer[] = [];
    await forEachAnswer(stack.deps.answers, org.roundId, (answer) => stored.push(answer));
    expect(stored.map((answer) => answer.rank)).toEqual([2]);
  });

  it('answers an unknown link with the bilingual not-found page and knows no API route', async () => {
    const unknown = await answerPages(httpApiEvent('GET', '/r/nonsense'), lambdaContext);
    const api = await answerPages(httpApiEvent('GET', '/v1/value-lists'), lambdaContext);

    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Sidan finns inte');
    expect(api.statusCode).toBe(404);
  });
});
