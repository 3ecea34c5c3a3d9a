import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { StageConfig } from '../config.js';

/** The ARNs `SendTextMessage` is authorised against: the origination identity and the configuration set. */
export function smsResourceArns(scope: lambda.IFunction, sms: NonNullable<StageConfig['sms']>): string[] {
  const configurationSet = sms.configurationSet
    ? Stack.of(scope).formatArn({
        service: 'sms-voice',
        resource: 'configuration-set',
        resourceName: sms.configurationSet,
      })
    : undefined;
  return [sms.originationIdentity, ...(configurationSet ? [configurationSet] : [])];
}

/**
 * Lets a function send SMS through End User Messaging SMS: sets SMS_ORIGINATION_IDENTITY (and
 * SMS_CONFIGURATION_SET) and grants `sms-voice:SendTextMessage`, the only call the sender makes, on that
 * identity and set alone. The identity is the operator's (registration takes weeks), named by ARN in context.
 */
export function bindSmsSender(fn: lambda.Function, sms: NonNullable<StageConfig['sms']>): void {
  fn.addEnvironment('SMS_ORIGINATION_IDENTITY', sms.originationIdentity);
  if (sms.configurationSet) fn.addEnvironment('SMS_CONFIGURATION_SET', sms.configurationSet);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'SendSms',
      actions: ['sms-voice:SendTextMessage'],
      resources: smsResourceArns(fn, sms),
    }),
  );
}
