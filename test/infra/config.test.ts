import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Token } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createCdkApp } from '../../infra/app.js';
import { resolveStageConfig } from '../../infra/config.js';

const from = (context: Record<string, unknown>) => (key: string) => context[key];
const prod = { stage: 'prod', senderDomain: 'kundpuls.se', publicUrl: 'https://puls.kundpuls.se/' };

describe('stage settings from CDK context', () => {
  it('defaults everything for dev, so synth works on a fresh clone', () => {
    expect(resolveStageConfig(from({}))).toEqual({
      stage: 'dev',
      account: undefined,
      region: 'eu-north-1',
      senderDomain: 'kundpuls.example',
      senderAddress: 'pulse@kundpuls.example',
      publicUrl: undefined,
      alarmEmail: undefined,
      pepperParameterName: '/kundpuls/dev/token-pepper',
      mailRatePerSecond: 1,
      retainData: false,
    });
  });

  it('takes prod settings from context and keeps production data', () => {
    const config = resolveStageConfig(
      from({ ...prod, alarmEmail: 'drift@kundpuls.se', mailRatePerSecond: '50' }),
    );

    expect(config).toMatchObject({
      stage: 'prod',
      senderAddress: 'pulse@kundpuls.se',
      publicUrl: 'https://puls.kundpuls.se',
      alarmEmail: 'drift@kundpuls.se',
      pepperParameterName: '/kundpuls/prod/token-pepper',
      mailRatePerSecond: 50,
      retainData: true,
    });
  });

  it('refuses prod without a sender domain rather than mail from one nobody owns', () => {
    expect(() => resolveStageConfig(from({ stage: 'prod', publicUrl: prod.publicUrl }))).toThrow(
      /senderDomain/,
    );
  });

  it('points links at the HTTP API when no public URL is given, in prod too', () => {
    expect(
      resolveStageConfig(from({ stage: 'prod', senderDomain: 'kundpuls.se' })).publicUrl,
    ).toBeUndefined();
  });

  it('refuses settings that could not work', () => {
    expect(() => resolveStageConfig(from({ stage: 'test' }))).toThrow(/stage/);
    expect(() => resolveStageConfig(from({ senderAddress: 'pulse@elsewhere.org' }))).toThrow(/senderAddress/);
    expect(() => resolveStageConfig(from({ publicUrl: 'http://insecure.example' }))).toThrow(/publicUrl/);
    expect(() => resolveStageConfig(from({ mailRatePerSecond: '0' }))).toThrow(/mailRatePerSecond/);
    expect(() => resolveStageConfig(from({ pepperParameterName: 'no-slash' }))).toThrow(
      /pepperParameterName/,
    );
  });

  it('sends SMS only with an origination identity named by ARN, in the stage’s region', () => {
    const identity = 'arn:aws:sms-voice:eu-north-1:123456789012:pool/pool-0123456789abcdef';

    expect(resolveStageConfig(from({})).sms).toBeUndefined();
    expect(
      resolveStageConfig(from({ smsOriginationIdentity: identity, smsConfigurationSet: 'kundpuls-dev-sms' }))
        .sms,
    ).toEqual({ originationIdentity: identity, configurationSet: 'kundpuls-dev-sms' });
    expect(() => resolveStageConfig(from({ smsOriginationIdentity: '+46701234567' }))).toThrow(
      /smsOriginationIdentity/,
    );
    expect(() =>
      resolveStageConfig(from({ smsOriginationIdentity: identity.replace('eu-north-1', 'eu-west-1') })),
    ).toThrow(/region eu-north-1/);
    expect(() => resolveStageConfig(from({ smsConfigurationSet: 'kundpuls-dev-sms' }))).toThrow(
      /smsConfigurationSet/,
    );
  });
});

describe('the app', () => {
  const outdirs: string[] = [];
  const app = (context: Record<string, unknown>, env: NodeJS.ProcessEnv) => {
    const outdir = mkdtempSync(join(tmpdir(), 'kundpuls-app-'));
    outdirs.push(outdir);
    return createCdkApp({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } }, env);
  };
  afterAll(() => {
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  });

  it('stays account-agnostic without credentials, in the configured region', () => {
    const { data, service } = app({}, {});

    expect(Token.isUnresolved(data.account)).toBe(true);
    expect(service.region).toBe('eu-north-1');
    expect([data.stackName, service.stackName]).toEqual(['Kundpuls-dev-Data', 'Kundpuls-dev-Service']);
  });

  it('pins the account the CLI reports when it has credentials', () => {
    const { service } = app(prod, { CDK_DEFAULT_ACCOUNT: '123456789012' });

    expect(service.account).toBe('123456789012');
    expect(service.stackName).toBe('Kundpuls-prod-Service');
  });
});
