import { fileURLToPath } from 'node:url';

/** The repository root: NodejsFunction bundles from here, with package-lock.json and tsconfig.json. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type StageName = 'dev' | 'prod';

/** Everything that differs between deployments, resolved once from CDK context in infra/app.ts. */
export interface StageConfig {
  stage: StageName;
  /** Undefined keeps the stacks account-agnostic, so synth needs no credentials. */
  account?: string;
  region: string;
  /** The SES identity: a domain whose DKIM records the operator publishes. */
  senderDomain: string;
  /** The From address; must belong to senderDomain so the identity covers it. */
  senderAddress: string;
  /** Base of the links in e-mails; undefined uses the HTTP API's own endpoint. */
  publicUrl?: string;
  /** Receives every alarm; undefined leaves the alarm topic without a subscriber. */
  alarmEmail?: string;
  /** The SSM SecureString holding the pepper for token hashes, created by the operator before deploy. */
  pepperParameterName: string;
  /** The SES sending rate the tick keeps to: the account's quota (1/s in the sandbox). */
  mailRatePerSecond: number;
  /** Production keeps its data (RETAIN, deletion protection); dev can be torn down. */
  retainData: boolean;
  /**
   * End User Messaging SMS, which the operator sets up (an origination identity needs registration): the
   * identity's ARN and optionally a configuration set. Undefined: the stage sends no SMS, and staff without
   * e-mail get codes on paper.
   */
  sms?: { originationIdentity: string; configurationSet?: string };
}

/** Reads one context value; infra/app.ts passes `app.node.tryGetContext`. */
export type ContextReader = (key: string) => unknown;

const DEV_SENDER_DOMAIN = 'kundpuls.example';

/**
 * Turns CDK context (`-c key=value` or cdk.json) into a StageConfig. Dev has a default for everything, so
 * `npm run synth` works on a fresh clone; prod must name its sender domain, since a default there would
 * send real mail from a domain nobody owns. Without a public URL, links point at the HTTP API's own URL.
 */
export function resolveStageConfig(context: ContextReader, defaultAccount?: string): StageConfig {
  const text = (key: string) => {
    const value = context(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') throw invalid(key, 'must be a string');
    return String(value).trim();
  };
  const stage = text('stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw invalid('stage', `must be 'dev' or 'prod', not '${stage}'`);
  const prod = stage === 'prod';

  const senderDomain = (text('senderDomain') ?? (prod ? undefined : DEV_SENDER_DOMAIN))?.toLowerCase();
  if (!senderDomain) throw invalid('senderDomain', 'is required for prod (-c senderDomain=example.org)');
  if (!/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/.test(senderDomain))
    throw invalid('senderDomain', 'not a domain');

  const senderAddress = text('senderAddress') ?? `pulse@${senderDomain}`;
  if (!senderAddress.toLowerCase().endsWith(`@${senderDomain}`)) {
    throw invalid('senderAddress', `must be an address at ${senderDomain}, the SES identity`);
  }

  const publicUrl = text('publicUrl')?.replace(/\/$/, '');
  if (publicUrl && !/^https:\/\/[^\s/]+/.test(publicUrl)) throw invalid('publicUrl', 'must be an https URL');

  const alarmEmail = text('alarmEmail');
  if (alarmEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail))
    throw invalid('alarmEmail', 'not an address');

  const mailRate = Number(text('mailRatePerSecond') ?? (prod ? 14 : 1));
  if (!(mailRate > 0 && mailRate <= 1000))
    throw invalid('mailRatePerSecond', 'must be a number in (0, 1000]');

  const pepperParameterName = text('pepperParameterName') ?? `/kundpuls/${stage}/token-pepper`;
  if (!/^\/[A-Za-z0-9_.\-/]+$/.test(pepperParameterName)) {
    throw invalid('pepperParameterName', 'must be an absolute SSM name such as /kundpuls/prod/token-pepper');
  }

  const originationIdentity = text('smsOriginationIdentity');
  const configurationSet = text('smsConfigurationSet');
  const region = text('region') ?? 'eu-north-1';
  if (originationIdentity) {
    const arn = /^arn:aws:sms-voice:([a-z0-9-]+):\d{12}:(phone-number|sender-id|pool)\/\S+$/.exec(
      originationIdentity,
    );
    if (!arn) throw invalid('smsOriginationIdentity', 'must be the ARN of a phone number, sender ID or pool');
    if (arn[1] !== region) throw invalid('smsOriginationIdentity', `must be in the stage's region ${region}`);
  }
  if (configurationSet && !originationIdentity)
    throw invalid('smsConfigurationSet', 'needs smsOriginationIdentity: no SMS is sent without one');
  if (configurationSet && !/^[A-Za-z0-9_-]{1,64}$/.test(configurationSet))
    throw invalid('smsConfigurationSet', 'not a configuration set name');

  return {
    stage,
    account: text('account') ?? defaultAccount,
    region,
    senderDomain,
    senderAddress,
    publicUrl,
    alarmEmail,
    pepperParameterName,
    mailRatePerSecond: mailRate,
    retainData: prod,
    sms: originationIdentity ? { originationIdentity, configurationSet } : undefined,
  };
}

function invalid(key: string, problem: string): Error {
  return new Error(`CDK context '${key}' ${problem}`);
}
