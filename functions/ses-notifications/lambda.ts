import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { handleSesNotification } from '../../shared/mail/handle-ses-notification.js';
import { createNotificationDeps } from '../../shared/notification-deps.js';
import { systemClock } from '../../shared/respondent-deps.js';
import { loadNotificationSettings } from '../../shared/settings/ses-notifications.js';
import { onFirstInvocation } from '../first-invocation.js';

interface SnsEvent {
  Records: { Sns: { Message: string } }[];
}

/** SNS delivers SES bounce and complaint notifications here, one or more records per invocation. */
export const handler = onFirstInvocation(async () => {
  const deps = createNotificationDeps(
    await loadNotificationSettings(process.env, extensionSecretReader(process.env)),
    systemClock,
  );
  return async (event: SnsEvent) => {
    let suppressed = 0;
    for (const record of event.Records) suppressed += await handleSesNotification(deps, record.Sns.Message);
    return { suppressed };
  };
});
