import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { httpApiEvent, lambdaContext, useLambdaEnvironment } from '../support/lambda-events.js';
import { sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let handler: (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;

beforeAll(async () => {
  stack = await startTestStack();
  useLambdaEnvironment(stack, { PUBLIC_URL: 'https://pulse.example.org' });
  ({ handler } = (await import('../../functions/api/lambda.js')) as never);
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
