import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.js';

export interface MailProps {
  config: Pick<StageConfig, 'stage' | 'senderDomain' | 'senderAddress'>;
  /** Receives SES bounce and complaint events through SNS and suppresses those addresses. */
  notificationHandler: lambda.IFunction;
}

/**
 * SES: the sender domain's identity (Easy DKIM), a configuration set with reputation metrics whose bounce
 * and complaint events go to an SNS topic, and the notification handler subscribed to that topic.
 */
export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly notifications: sns.Topic;
  private readonly senderAddress: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.senderAddress = props.config.senderAddress;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `kundpuls-${props.config.stage}`,
      reputationMetrics: true,
      sendingEnabled: true,
      // The account suppression list as a second net behind our own suppression items.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.config.senderDomain),
      configurationSet: this.configurationSet,
    });

    this.notifications = new sns.Topic(this, 'BouncesAndComplaints', {
      displayName: 'Kundpuls SES bounces and complaints',
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('ToSns', {
      destination: ses.EventDestination.snsTopic(this.notifications),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.notifications.addSubscription(new LambdaSubscription(props.notificationHandler));

    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: 'Publish as a CNAME in the sender domain so SES can verify it',
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }

  /** The configuration set's ARN, which SendRawEmail is authorised against along with the identity. */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /**
   * Lets a function send mail: sets MAIL_FROM and SES_CONFIGURATION_SET and grants ses:SendRawEmail (the
   * only SES call the mailer makes) on this identity and configuration set, nothing wider.
   */
  bindSender(fn: lambda.Function): void {
    fn.addEnvironment('MAIL_FROM', this.senderAddress);
    fn.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendMail',
        actions: ['ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
      }),
    );
  }
}
