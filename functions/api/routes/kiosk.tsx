import type { Context } from 'hono';
import { answerSchemaFor, isEmptyAnswer } from '../../../shared/answers/answer.js';
import { submitAnswer } from '../../../shared/answers/submit-answer.js';
import { resolveAnswerCode } from '../../../shared/codes/resolve-answer-code.js';
import { DomainError } from '../../../shared/errors.js';
import type { RespondentDeps } from '../../../shared/respondent-deps.js';
import type { AppEnv } from '../env.js';
import { bodyTypeOf } from '../http.js';
import { answerCopy } from '../pages/answer-copy.js';
import { AnswerForm } from '../pages/answer-form.js';
import { KioskPage, KioskThanks } from '../pages/kiosk.js';
import { Message } from '../pages/layout.js';
import { readForm as readFormBody } from '../request-guards.js';
import type { PageRoute, PageServices } from '../route-table/page-route.js';
import { formErrors, formFieldsOf, orderSeed } from './answer-form-input.js';

/** The form's fields as strings (repeated ones as arrays), and apart from them the kiosk's own two. */
async function readForm(c: Context) {
  const body = await readFormBody(c);
  const { code, step, ...rest } = body;
  const values = formFieldsOf(rest);
  return { code: typeof code === 'string' ? code : '', answering: step === 'answer', values };
}

/** The code typed (or filled in from the QR code) opens that person's form; with `step=answer`, the answer. */
async function openOrSubmit(c: Context<AppEnv>, { deps, clientAddress }: PageServices<RespondentDeps>) {
  if (bodyTypeOf(c) !== 'form')
    return c.html(
      <Message
        language="sv"
        title="Fel format / Wrong format"
        text="Skicka formuläret. / Send the form."
        status="error"
      />,
      415,
    );
  const { code, answering, values } = await readForm(c);
  let link: Awaited<ReturnType<typeof resolveAnswerCode>>;
  try {
    link = await resolveAnswerCode(deps, code, clientAddress(c));
  } catch (error) {
    if (!(error instanceof DomainError) || (error.code !== 'not_found' && error.code !== 'rate_limited'))
      throw error;
    const limited = error.code === 'rate_limited';
    return c.html(
      <KioskPage code={code.slice(0, 20)} error={limited ? 'limited' : 'unknown'} />,
      limited ? 429 : 404,
    );
  }
  const snapshot = link.round.snapshot;
  const copy = answerCopy(snapshot);
  if (!link.open)
    return c.html(<Message language={snapshot.language} title={copy.closedTitle} text={copy.closed} />, 410);
  const hidden = { code, step: 'answer' };
  const seed = orderSeed(link);
  if (!answering) return c.html(<AnswerForm snapshot={snapshot} seed={seed} hidden={hidden} />);
  const parsed = answerSchemaFor(snapshot).safeParse(values);
  if (parsed.success && isEmptyAnswer(parsed.data))
    return c.html(
      <AnswerForm
        snapshot={snapshot}
        seed={seed}
        values={values}
        errors={{ rank: copy.emptyError }}
        hidden={hidden}
      />,
      400,
    );
  if (!parsed.success) {
    const errors = formErrors(snapshot, parsed.error.issues);
    return c.html(
      <AnswerForm snapshot={snapshot} seed={seed} values={values} errors={errors} hidden={hidden} />,
      400,
    );
  }
  await submitAnswer(deps, link, parsed.data);
  deps.logger.info('answer stored', { orgId: link.round.orgId, roundId: link.round.id, via: 'code' });
  return c.html(<KioskThanks language={snapshot.language} title={copy.thanksTitle} text={copy.thanks} />);
}

/**
 * The kiosk, `/k`: staff without work e-mail type the code from their slip (or scan its QR code, which fills it
 * in) and answer on a shared screen or their own phone. The code never enters a URL a shared browser keeps:
 * it travels in the form's body, and the answer form carries it on in a hidden field.
 */
export const kioskRoutes: PageRoute<RespondentDeps>[] = [
  {
    method: 'get',
    path: '/k',
    summary: 'The kiosk: type an answer code (`?code=` fills it in, as the QR code does)',
    roles: ['anyone'],
    responses: { 200: { description: 'The page', types: ['text/html'] } },
    handle: (c) => c.html(<KioskPage code={c.req.query('code')?.slice(0, 20)} />),
  },
  {
    method: 'post',
    path: '/k',
    summary:
      'Open the form of a code (`code`), or, with `step=answer` and the form fields, submit or replace the answer',
    roles: ['answer code'],
    responses: { 200: { description: "The code's form, or thanks", types: ['text/html'] } },
    errors: {
      400: 'form with errors',
      404: 'unknown code',
      410: 'round closed',
      415: 'unsupported_media_type',
      429: 'too many unknown codes',
    },
    handle: openOrSubmit,
  },
];
