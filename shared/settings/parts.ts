import * as z from 'zod/mini';
import '../schema-helpers.js';

/**
 * The parts every function's settings are composed from: each names the environment variables it reads
 * (`shape`) and turns them into settings (`read`). A function's schema is the union of the parts it uses,
 * so it requires exactly what its code needs and a test can hold it to its CDK template.
 */

export interface TableSettings {
  tableName: string;
  region: string;
  /** Set only locally (dynalite); on AWS the SDK finds the regional endpoint. */
  dynamoEndpoint?: string;
}
export const table = {
  shape: {
    TABLE_NAME: z.string().check(z.minLength(3)),
    AWS_REGION: z._default(z.string(), 'eu-north-1'),
    DYNAMODB_ENDPOINT: z.optional(z.url()),
  },
  read: (e: { TABLE_NAME: string; AWS_REGION: string; DYNAMODB_ENDPOINT?: string }): TableSettings => ({
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
  }),
};

/** Either the pepper itself (local) or the name of the SSM SecureString parameter that holds it (AWS). */
export const pepper = {
  shape: {
    TOKEN_PEPPER: z.optional(z.string().check(z.minLength(32))),
    TOKEN_PEPPER_PARAMETER: z.optional(z.string()),
  },
};

export type LogLevel = 'info' | 'warn' | 'error' | 'silent';
export const log = {
  shape: { LOG_LEVEL: z._default(z.enum(['info', 'warn', 'error', 'silent']), 'info') },
  read: (e: { LOG_LEVEL: LogLevel }) => ({ logLevel: e.LOG_LEVEL }),
};

/** The base of links in e-mails and of the API document. */
export const links = {
  shape: { PUBLIC_URL: z.url() },
  read: (e: { PUBLIC_URL: string }) => ({ publicUrl: e.PUBLIC_URL.replace(/\/$/, '') }),
};

export interface MailSettings {
  mailFrom: string;
  sesConfigurationSet?: string;
  /** Set only locally (aws-ses-v2-local). */
  sesEndpoint?: string;
}
export const mail = {
  shape: {
    MAIL_FROM: z.string().check(z.minLength(3)),
    SES_CONFIGURATION_SET: z.optional(z.string()),
    SES_ENDPOINT: z.optional(z.url()),
  },
  read: (e: { MAIL_FROM: string; SES_CONFIGURATION_SET?: string; SES_ENDPOINT?: string }): MailSettings => ({
    mailFrom: e.MAIL_FROM,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    sesEndpoint: e.SES_ENDPOINT,
  }),
};

/**
 * The SMS channel (End User Messaging SMS): the origination identity's ARN (a phone number, sender ID or
 * pool), and optionally a configuration set. Unset, the stage sends no SMS and staff without e-mail get codes
 * on paper; a configuration set without an identity is a mistake, refused at load.
 */
export interface SmsSettings {
  originationIdentity: string;
  configurationSet?: string;
}
export const sms = {
  shape: {
    SMS_ORIGINATION_IDENTITY: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:(phone-number|sender-id|pool)\/\S+$/,
            'The ARN of an End User Messaging SMS phone number, sender ID or pool',
          ),
        ),
    ),
    SMS_CONFIGURATION_SET: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  },
  read: (e: { SMS_ORIGINATION_IDENTITY?: string; SMS_CONFIGURATION_SET?: string }) => {
    if (!e.SMS_ORIGINATION_IDENTITY && e.SMS_CONFIGURATION_SET)
      throw new Error('Invalid environment: SMS_CONFIGURATION_SET needs SMS_ORIGINATION_IDENTITY');
    const settings: SmsSettings | undefined = e.SMS_ORIGINATION_IDENTITY
      ? { originationIdentity: e.SMS_ORIGINATION_IDENTITY, configurationSet: e.SMS_CONFIGURATION_SET }
      : undefined;
    return { sms: settings };
  },
};

/** The tick's EventBridge rule, set by CDK on the API and the tick; required there (the local server has none). */
export const tickRule = {
  shape: { TICK_RULE_NAME: z.string().check(z.minLength(1)) },
  read: (e: { TICK_RULE_NAME: string }) => ({ tickRuleName: e.TICK_RULE_NAME }),
};

/** How fast the tick may send (the SES quota) and how long one run may take on new work. */
export interface TickPaceSettings {
  mailRatePerSecond: number;
  tickBudgetMs: number;
}
export const tickPace = {
  shape: {
    MAIL_RATE_PER_SECOND: z._default(z.coerce.number().check(z.positive()), 14),
    TICK_BUDGET_SECONDS: z._default(z.coerce.number().check(z.positive()), 600),
  },
  read: (e: { MAIL_RATE_PER_SECOND: number; TICK_BUDGET_SECONDS: number }): TickPaceSettings => ({
    mailRatePerSecond: e.MAIL_RATE_PER_SECOND,
    tickBudgetMs: e.TICK_BUDGET_SECONDS * 1000,
  }),
};

/** When set, enrolment needs `Authorization: Bearer <this>`; unset, enrolment is open self-service. */
export const enrolment = {
  shape: { ENROLMENT_KEY: z.optional(z.string().check(z.minLength(32))) },
  read: (e: { ENROLMENT_KEY?: string }) => ({ enrolmentKey: e.ENROLMENT_KEY }),
};
