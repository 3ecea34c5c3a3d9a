import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { createCdkApp } from '../../infra/app.js';

// The SMS grant reads the construct tree, not the bundles: these apps skip esbuild.
const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});
function synth(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'kundpuls-sms-'));
  outdirs.push(outdir);
  const built = createCdkApp(
    { outdir, context: { stage: 'dev', ...context, 'aws:cdk:bundling-stacks': [] } },
    {},
    { nag: false },
  );
  const template = Template.fromStack(built.service).toJSON() as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const resourceOf = (fn: { node: { defaultChild?: unknown } }) => {
    const resource = template.Resources[built.service.getLogicalId(fn.node.defaultChild as CfnElement)];
    if (!resource) throw new Error('no such function in the template');
    return resource.Properties as {
      Role: { 'Fn::GetAtt': string[] };
      Environment: { Variables: Record<string, unknown> };
    };
  };
  /** The SMS statements of a function's role, and its SMS variables. */
  const sms = (fn: { node: { defaultChild?: unknown } }) => {
    const { Role, Environment } = resourceOf(fn);
    const statements = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) =>
        (r.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === Role['Fn::GetAtt'][0]),
      )
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement)
      .filter((s) => JSON.stringify(s.Action).includes('sms-voice'));
    const variables = Object.entries(Environment.Variables).filter(([key]) => key.startsWith('SMS_'));
    return { statements, variables: Object.fromEntries(variables) };
  };
  const { apiFunction, answersFunction, tickFunction, notificationFunction } = built.service;
  return {
    tick: sms(tickFunction.fn),
    others: [apiFunction, answersFunction, notificationFunction].map((f) => sms(f.fn)),
  };
}

const identity = 'arn:aws:sms-voice:eu-north-1:123456789012:sender-id/Kundpuls/SE';

describe('SMS in the service stack', () => {
  it('lets the tick alone send texts, from the configured identity and set and nothing else', () => {
    const { tick, others } = synth({
      smsOriginationIdentity: identity,
      smsConfigurationSet: 'kundpuls-dev-sms',
    });

    expect(tick.statements).toEqual([
      {
        Sid: 'SendSms',
        Effect: 'Allow',
        Action: 'sms-voice:SendTextMessage',
        Resource: [
          identity,
          {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':sms-voice:eu-north-1:',
                { Ref: 'AWS::AccountId' },
                ':configuration-set/kundpuls-dev-sms',
              ],
            ],
          },
        ],
      },
    ]);
    expect(tick.variables).toEqual({
      SMS_ORIGINATION_IDENTITY: identity,
      SMS_CONFIGURATION_SET: 'kundpuls-dev-sms',
    });
    for (const other of others) expect(other).toEqual({ statements: [], variables: {} });
  });

  it('grants only the identity when no configuration set is named', () => {
    const { tick } = synth({ smsOriginationIdentity: identity });

    expect(tick.statements.map((s) => s.Resource)).toEqual([identity]);
    expect(tick.variables).toEqual({ SMS_ORIGINATION_IDENTITY: identity });
  });

  it('has no SMS grant or setting at all in a stage without an origination identity', () => {
    const { tick, others } = synth({});

    for (const fn of [tick, ...others]) expect(fn).toEqual({ statements: [], variables: {} });
  });
});
