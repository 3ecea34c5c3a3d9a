import * as z from 'zod/mini';
import { AnswersEnvSchema } from '../../../shared/settings/answers.js';
import { ApiEnvSchema } from '../../../shared/settings/api.js';
import { NotificationEnvSchema } from '../../../shared/settings/ses-notifications.js';
import { TickEnvSchema } from '../../../shared/settings/tick.js';

/**
 * Variables a function's environment may carry that its own settings never read: the Lambda runtime's and
 * Node's, and the Parameters and Secrets extension's (the layer reads those, not our code).
 */
export const RUNTIME_VARIABLES = [
  /^NODE_OPTIONS$/,
  /^AWS_/,
  /^POWERTOOLS_/,
  /^PARAMETERS_SECRETS_EXTENSION_/,
  /^SECRETS_MANAGER_/,
  /^SSM_PARAMETER_STORE_/,
];

/** Each function's own settings schema, by the part of the template that reaches it. */
export const SCHEMAS = {
  api: ApiEnvSchema,
  answers: AnswersEnvSchema,
  tick: TickEnvSchema,
  notifications: NotificationEnvSchema,
} as const;

/** The keys a schema cannot do without: those it refuses to parse when absent. */
export const requiredKeys = (schema: z.ZodMiniObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !z.safeParse(field as z.ZodMiniType, undefined).success)
    .map(([key]) => key);

/** Compares a schema with the variables a template sets: what it requires that is unset, what is set but unread. */
export function compareWithTemplate(schema: z.ZodMiniObject, variables: string[]) {
  return {
    missing: requiredKeys(schema).filter((key) => !variables.includes(key)),
    unread: variables.filter(
      (key) => !(key in schema.shape) && !RUNTIME_VARIABLES.some((pattern) => pattern.test(key)),
    ),
  };
}
