import type { Context } from 'hono';
import * as z from 'zod/mini';
import { answerSchema, answerSchemaFor, isEmptyAnswer } from '../../../shared/answers/answer.js';
import { type AnswerLink, resolveAnswerLink } from '../../../shared/answers/answer-link.js';
import { submitAnswer } from '../../../shared/answers/submit-answer.js';
import { unsubscribe } from '../../../shared/answers/unsubscribe.js';
import { validationFailed } from '../../../shared/errors.js';
import type { RespondentDeps } from '../../../shared/respondent-deps.js';
import { issuesOf } from '../../../shared/validation.js';
import type { AppEnv } from '../env.js';
import { bodyTypeOf, readJson, unsupportedMediaType } from '../http.js';
import { answerCopy } from '../pages/answer-copy.js';
import { AnswerForm, type FormValues } from '../pages/answer-form.js';
import { Layout, Message } from '../pages/layout.js';
import { readForm } from '../request-guards.js';
import type { PageRoute, PageServices } from '../route-table/page-route.js';
import { formErrors, formFieldsOf, orderSeed } from './answer-form-input.js';

async function formValues(c: Context): Promise<FormValues> {
  return formFieldsOf(await readForm(c));
}

type Services = PageServices<RespondentDeps>;

const resolve = (c: Context<AppEnv>, { deps, clientAddress }: Services) =>
  resolveAnswerLink(deps, c.req.param('token') ?? '', clientAddress(c));

function closedPage(c: Context<AppEnv>, link: AnswerLink) {
  const copy = answerCopy(link.round.snapshot);
  return c.html(
    <Message language={link.round.snapshot.language} title={copy.closedTitle} text={copy.closed} />,
    410,
  );
}

const PAGE = { types: ['text/html'] } as const;

const StoredSchema = z.object({ stored: z.boolean() });

/** An answer by form or JSON: a form's mistakes come back inside the form, JSON's as the API's 400. */
async function submit(c: Context<AppEnv>, services: Services) {
  const { deps } = services;
  const type = bodyTypeOf(c);
  const json = type === 'json';
  // The body is read while the link is looked up; its errors still come after the link's (404 first).
  const reading = json ? readJson(c) : type === 'form' ? formValues(c) : undefined;
  reading?.catch(() => {});
  // The answer's key needs the pepper, which the answer pages read when first needed: that read, too, runs
  // while the link is looked up. A failure here is met again where the key is made.
  Promise.resolve(deps.secrets).catch(() => {});
  const link = await resolve(c, services);
  if (!reading) throw unsupportedMediaType('application/x-www-form-urlencoded or application/json');
  if (!link.open) {
    if (json)
      return c.json({ error: { code: 'conflict', message: 'The round has closed', details: [] } }, 409);
    return closedPage(c, link);
  }
  const values = await reading;
  const form = (errors: Record<string, string>) =>
    c.html(
      <AnswerForm
        snapshot={link.round.snapshot}
        seed={orderSeed(link)}
        values={values as FormValues}
        errors={errors}
      />,
      400,
    );
  const parsed = answerSchemaFor(link.round.snapshot).safeParse(values);
  if (!parsed.success) {
    if (json) throw validationFailed('The answer is not valid', issuesOf(parsed.error));
    return form(formErrors(link.round.snapshot, parsed.error.issues));
  }
  if (!json && isEmptyAnswer(parsed.data)) return form({ rank: answerCopy(link.round.snapshot).emptyError });
  await submitAnswer(deps, link, parsed.data);
  deps.logger.info('answer stored', { orgId: link.round.orgId, roundId: link.round.id });
  if (json) return c.json({ stored: true });
  const copy = answerCopy(link.round.snapshot);
  return c.html(
    <Message language={link.round.snapshot.language} title={copy.thanksTitle} text={copy.thanks} />,
  );
}

/** The respondent's pages: the pulse form, its submission, and unsubscribing. No login: the link is the key. */
export const answerPageRoutes: PageRoute<RespondentDeps>[] = [
  {
    method: 'get',
    path: '/r/{token}',
    summary: 'The answer form (HTML)',
    roles: ['respondent link'],
    responses: { 200: { description: 'The form', ...PAGE } },
    errors: { 404: 'unknown link', 410: 'round closed', 429: 'rate_limited' },
    handle: async (c, services) => {
      const link = await resolve(c, services);
      if (!link.open) return closedPage(c, link);
      return c.html(<AnswerForm snapshot={link.round.snapshot} seed={orderSeed(link)} />);
    },
  },
  {
    method: 'post',
    path: '/r/{token}',
    summary:
      'Submit or replace an answer (form or JSON). rank: a plain decimal integer from 1 to the list size, or "dont-know"; empty or missing: the question is skipped. valuesToday, valuesWishedFor: up to 10 picks each (not exactly 10 as in Barrett\'s method: each person\'s picks share one vote). An answer with nothing in it → 400 (details[0].code "empty_answer").',
    roles: ['respondent link'],
    body: {
      // Built when the document is (a getter): a schema costs milliseconds the answer pages' cold start need not pay.
      get schema() {
        return answerSchema(100);
      },
      types: ['application/x-www-form-urlencoded', 'application/json'],
      example: { rank: 42, rankReason: 'Budgeten styr' },
    },
    responses: {
      200: {
        description: 'The thanks page, or `{ stored: true }` for JSON',
        ...PAGE,
        schema: StoredSchema,
        example: { stored: true },
      },
    },
    errors: {
      404: 'unknown link',
      409: 'round closed (JSON)',
      410: 'round closed (form)',
      415: 'unsupported_media_type: another type, a charset other than UTF-8, or multipart without a boundary',
      429: 'rate_limited: too many unknown links from this client',
    },
    handle: submit,
  },
  {
    method: 'get',
    path: '/r/{token}/unsubscribe',
    summary: 'The unsubscribe page; its button POSTs',
    roles: ['respondent link'],
    responses: { 200: { description: 'The page', ...PAGE } },
    errors: { 404: 'unknown link' },
    handle: async (c, services) => {
      const link = await resolve(c, services);
      const copy = answerCopy(link.round.snapshot);
      return c.html(
        <Layout language={link.round.snapshot.language} title={copy.unsubscribeTitle}>
          <h1>{copy.unsubscribeTitle}</h1>
          <p class="lead">{copy.unsubscribeText}</p>
          <form method="post">
            <button type="submit">{copy.unsubscribeButton}</button>
          </form>
        </Layout>,
      );
    },
  },
  {
    // The page's button and RFC 8058 one-click (body List-Unsubscribe=One-Click) both land here.
    method: 'post',
    path: '/r/{token}/unsubscribe',
    summary: "Unsubscribe (the page's button and RFC 8058 one-click)",
    roles: ['respondent link'],
    responses: { 200: { description: 'Done', ...PAGE } },
    errors: { 404: 'unknown link' },
    handle: async (c, services) => {
      const link = await resolve(c, services);
      await unsubscribe(services.deps, link);
      services.deps.logger.info('respondent unsubscribed', { orgId: link.round.orgId });
      const copy = answerCopy(link.round.snapshot);
      return c.html(
        <Message
          language={link.round.snapshot.language}
          title={copy.unsubscribedTitle}
          text={copy.unsubscribed}
        />,
      );
    },
  },
];
