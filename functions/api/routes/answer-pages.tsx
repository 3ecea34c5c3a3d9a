import { type Context, Hono } from 'hono';
import { answerSchemaFor, isEmptyAnswer } from '../../../shared/answers/answer.js';
import { type AnswerLink, resolveAnswerLink } from '../../../shared/answers/answer-link.js';
import { submitAnswer } from '../../../shared/answers/submit-answer.js';
import { unsubscribe } from '../../../shared/answers/unsubscribe.js';
import { validationFailed } from '../../../shared/errors.js';
import type { RespondentDeps } from '../../../shared/respondent-deps.js';
import { issuesOf } from '../../../shared/validation.js';
import type { AppEnv } from '../env.js';
import { type ClientAddress, readJson, unsupportedMediaType } from '../http.js';
import { answerCopy } from '../pages/answer-copy.js';
import { AnswerForm, type FormValues } from '../pages/answer-form.js';
import { Layout, Message } from '../pages/layout.js';
import { readForm } from '../request-guards.js';
import { formErrors, formFieldsOf, orderSeed } from './answer-form-input.js';

const isJson = (c: Context) => /json/i.test(c.req.header('content-type') ?? '');
const isForm = (c: Context) =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '');

async function formValues(c: Context): Promise<FormValues> {
  return formFieldsOf(await readForm(c));
}

/** The respondent's pages: the pulse form, its submission, and unsubscribing. No login: the link is the key. */
export function answerPageRoutes(deps: RespondentDeps, clientAddress: ClientAddress) {
  const resolve = (c: Context) => resolveAnswerLink(deps, c.req.param('token') ?? '', clientAddress(c));
  const closedPage = (c: Context, link: AnswerLink) => {
    const copy = answerCopy(link.round.snapshot);
    return c.html(
      <Message language={link.round.snapshot.language} title={copy.closedTitle} text={copy.closed} />,
      410,
    );
  };

  return (
    new Hono<AppEnv>()
      .get('/:token', async (c) => {
        const link = await resolve(c);
        if (!link.open) return closedPage(c, link);
        return c.html(<AnswerForm snapshot={link.round.snapshot} seed={orderSeed(deps, link)} />);
      })
      .post('/:token', async (c) => {
        const json = isJson(c);
        // The body is read while the link is looked up; its errors still come after the link's (404 first).
        const reading = json ? readJson(c) : isForm(c) ? formValues(c) : undefined;
        reading?.catch(() => {});
        const link = await resolve(c);
        if (!reading) throw unsupportedMediaType('application/x-www-form-urlencoded or application/json');
        if (!link.open) {
          if (json)
            return c.json({ error: { code: 'conflict', message: 'The round has closed', details: [] } }, 409);
          return closedPage(c, link);
        }
        const values = await reading;
        const parsed = answerSchemaFor(link.round.snapshot).safeParse(values);
        if (!parsed.success) {
          if (json) throw validationFailed('The answer is not valid', issuesOf(parsed.error));
          const errors = formErrors(link.round.snapshot, parsed.error.issues);
          return c.html(
            <AnswerForm
              snapshot={link.round.snapshot}
              seed={orderSeed(deps, link)}
              values={values as FormValues}
              errors={errors}
            />,
            400,
          );
        }
        if (!json && isEmptyAnswer(parsed.data)) {
          const copy = answerCopy(link.round.snapshot);
          return c.html(
            <AnswerForm
              snapshot={link.round.snapshot}
              seed={orderSeed(deps, link)}
              values={values as FormValues}
              errors={{ rank: copy.emptyError }}
            />,
            400,
          );
        }
        await submitAnswer(deps, link, parsed.data);
        deps.logger.info('answer stored', { orgId: link.round.orgId, roundId: link.round.id });
        if (json) return c.json({ stored: true });
        const copy = answerCopy(link.round.snapshot);
        return c.html(
          <Message language={link.round.snapshot.language} title={copy.thanksTitle} text={copy.thanks} />,
        );
      })
      .get('/:token/unsubscribe', async (c) => {
        const link = await resolve(c);
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
      })
      // The page's button and RFC 8058 one-click (body List-Unsubscribe=One-Click) both land here.
      .post('/:token/unsubscribe', async (c) => {
        const link = await resolve(c);
        await unsubscribe(deps, link);
        deps.logger.info('respondent unsubscribed', { orgId: link.round.orgId });
        const copy = answerCopy(link.round.snapshot);
        return c.html(
          <Message
            language={link.round.snapshot.language}
            title={copy.unsubscribedTitle}
            text={copy.unsubscribed}
          />,
        );
      })
  );
}
