import * as z from 'zod/mini';
import './schema-helpers.js';

/** The environment, parsed once at load. A missing required setting fails the cold start, not a request. */
const EnvSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string(), 'eu-north-1'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
  MAIL_FROM: z.string().check(z.minLength(3)),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  PUBLIC_URL: z.url(),
  /** Either the pepper itself (local) or the name of the SSM SecureString parameter that holds it (AWS). */
  TOKEN_PEPPER: z.optional(z.string().check(z.minLength(32))),
  TOKEN_PEPPER_PARAMETER: z.optional(z.string()),
  /** When set, enrolment needs `Authorization: Bearer <this>`; unset, enrolment is open self-service. */
  ENROLMENT_KEY: z.optional(z.string().check(z.minLength(32))),
  MAIL_RATE_PER_SECOND: z._default(z.coerce.number().check(z.positive()), 14),
  TICK_BUDGET_SECONDS: z._default(z.coerce.number().check(z.positive()), 600),
  /** The tick's EventBridge rule (set by CDK); unset locally, where the in-process loop is the trigger. */
  TICK_RULE_NAME: z.optional(z.string()),
  LOG_LEVEL: z._default(z.enum(['info', 'warn', 'error', 'silent']), 'info'),
});

export interface Config {
  tableName: string;
  region: string;
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  mailFrom: string;
  sesConfigurationSet?: string;
  publicUrl: string;
  tokenPepper: string;
  enrolmentKey?: string;
  mailRatePerSecond: number;
  tickBudgetMs: number;
  logLevel: 'info' | 'warn' | 'error' | 'silent';
  tickRuleName?: string;
}

/** Reads a SecureString from SSM, where production keeps the pepper; injected so config stays testable. */
export type SecretReader = (parameterName: string) => Promise<string>;

export async function loadConfig(env: NodeJS.ProcessEnv, readSecret?: SecretReader): Promise<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  let pepper = e.TOKEN_PEPPER;
  if (!pepper && e.TOKEN_PEPPER_PARAMETER && readSecret) pepper = await readSecret(e.TOKEN_PEPPER_PARAMETER);
  if (!pepper) throw new Error('Invalid environment: TOKEN_PEPPER or TOKEN_PEPPER_PARAMETER is required');
  return {
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    sesEndpoint: e.SES_ENDPOINT,
    mailFrom: e.MAIL_FROM,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    tokenPepper: pepper,
    enrolmentKey: e.ENROLMENT_KEY,
    mailRatePerSecond: e.MAIL_RATE_PER_SECOND,
    tickBudgetMs: e.TICK_BUDGET_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    tickRuleName: e.TICK_RULE_NAME,
  };
}
