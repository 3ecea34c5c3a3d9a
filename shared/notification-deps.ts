import { clientForTable } from './adapters/dynamodb/client.js';
import { createSuppressionStore } from './adapters/dynamodb/suppression-store.js';
import { createLogger } from './adapters/logging/json-logger.js';
import type { Clock } from './common-ports.js';
import { createSecrets } from './security/secrets.js';
import type { NotificationSettings } from './settings/ses-notifications.js';

/** The SES notifications' composition root: suppression items and the address hash, nothing more. */
export function createNotificationDeps(config: NotificationSettings, clock: Clock) {
  const db = clientForTable(config);
  return {
    clock,
    logger: createLogger(config.logLevel),
    secrets: createSecrets(config.tokenPepper),
    suppressions: createSuppressionStore(db, config.tableName),
  };
}
