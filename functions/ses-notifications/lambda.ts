import { createSsmSecretReader } from '../../shared/adapters/ssm/read-secret.js';
import { loadConfig } from '../../shared/config.js';
import { createDeps } from '../../shared/deps.js';
import { handleSesNotification } from '../../shared/mail/handle-ses-notification.js';

const config = await loadConfig(process.env, createSsmSecretReader(process.env.AWS_REGION ?? 'eu-north-1'));
const deps = createDeps(config);

interface SnsEvent {
  Records: { Sns: { Message: string } }[];
}

/** SNS delivers SES bounce and complaint notifications here, one or more records per invocation. */
export const handler = async (event: SnsEvent) => {
  let suppressed = 0;
  for (const record of event.Records) suppressed += await handleSesNotification(deps, record.Sns.Message);
  return { suppressed };
};
