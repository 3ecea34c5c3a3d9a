import { getConnInfo, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createRespondentDeps, systemClock } from '../../shared/respondent-deps.js';
import { secretsWhenNeeded } from '../../shared/security/secrets.js';
import { startAnswersSettings } from '../../shared/settings/answers.js';
import { createAnswerApp } from '../api/answer-app.js';
import { onFirstInvocation } from '../first-invocation.js';

/**
 * The answer pages' Lambda: API Gateway sends a respondent's link (`/r/*`) and the pages' assets here. The pepper
 * is read from the secrets extension when a request first needs it: the GET of a link never does, so the page a
 * respondent clicks starts with one DynamoDB read and no other round trip (decision 136).
 */
export const handler = onFirstInvocation(async () => {
  const { settings, tokenPepper } = startAnswersSettings(process.env, extensionSecretReader(process.env));
  const deps = createRespondentDeps(settings, secretsWhenNeeded(tokenPepper), systemClock);
  const handleEvent = handle(
    createAnswerApp(deps, { clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' }),
  );
  return (event: LambdaEvent, context?: LambdaContext) => handleEvent(event, context);
});
