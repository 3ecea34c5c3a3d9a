import { getConnInfo, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createRespondentDeps, systemClock } from '../../shared/respondent-deps.js';
import { loadAnswersSettings } from '../../shared/settings/answers.js';
import { createAnswerApp } from '../api/answer-app.js';
import { onFirstInvocation } from '../first-invocation.js';

/** The answer pages' Lambda: API Gateway sends a respondent's link (`/r/*`) and the pages' assets here. */
export const handler = onFirstInvocation(async () => {
  const config = await loadAnswersSettings(process.env, extensionSecretReader(process.env));
  const handleEvent = handle(
    createAnswerApp(createRespondentDeps(config, systemClock), {
      clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    }),
  );
  return (event: LambdaEvent, context?: LambdaContext) => handleEvent(event, context);
});
