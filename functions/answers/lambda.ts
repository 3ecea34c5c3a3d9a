import { getConnInfo, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { clientForTable, warmConnection } from '../../shared/adapters/dynamodb/client.js';
import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createRespondentDeps, systemClock } from '../../shared/respondent-deps.js';
import { startAnswersSettings } from '../../shared/settings/answers.js';
import { createAnswerApp } from '../api/answer-app.js';
import { onFirstInvocation } from '../first-invocation.js';

/** The answer pages' Lambda: API Gateway sends a respondent's link (`/r/*`) and the pages' assets here. */
export const handler = onFirstInvocation(async () => {
  const { settings, tokenPepper } = startAnswersSettings(process.env, extensionSecretReader(process.env));
  // Built, and its first request made, while the extension answers with the pepper: the two round trips overlap.
  const db = clientForTable(settings);
  const [pepper] = await Promise.all([tokenPepper, warmConnection(db, settings.tableName)]);
  const deps = createRespondentDeps({ ...settings, tokenPepper: pepper }, systemClock, db);
  const handleEvent = handle(
    createAnswerApp(deps, { clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' }),
  );
  return (event: LambdaEvent, context?: LambdaContext) => handleEvent(event, context);
});
