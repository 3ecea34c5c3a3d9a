import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiProps {
  /** The API Lambda (the whole Hono app): API Gateway's `$default` route. */
  handler: lambda.IFunction;
  /** The answer pages' Lambda: `/r/*` and `/assets/*`, what a respondent's link reaches. */
  answerPages: lambda.IFunction;
  /** Requests per second, steady and in bursts, for the whole stage: the outer limit (decision 7). */
  throttle: { rateLimit: number; burstLimit: number };
  removalPolicy: RemovalPolicy;
}

/**
 * The HTTP API in front of the two Hono Lambdas (payload 2.0): the answer pages' routes, `$default` for the
 * rest, stage throttling and
 * JSON access logs. The logs leave out the path and the caller's address: paths carry personal answer and
 * verification tokens, and docs/privacy.md keeps logs to ids and counts.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Kundpuls: the API, the answer pages and the verification pages',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Hono', props.handler, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      }),
    });
    // A respondent's click cold-starts a function that holds only the answer pages (see functions/answers).
    const answerPages = new HttpLambdaIntegration('AnswerPages', props.answerPages, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    this.httpApi.addRoutes({
      path: '/r/{proxy+}',
      methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
      integration: answerPages,
    });
    // The kiosk, where staff without work e-mail type their answer code: a respondent's page too.
    this.httpApi.addRoutes({
      path: '/k',
      methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
      integration: answerPages,
    });
    this.httpApi.addRoutes({
      path: '/assets/{proxy+}',
      methods: [apigw.HttpMethod.GET],
      integration: answerPages,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            method: '$context.httpMethod',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    for (const route of this.httpApi.node.findAll().filter((c) => c instanceof apigw.CfnRoute)) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorisation is done in the app, per route: organisation API keys (bearer, HMAC-compared) for /v1, ' +
          'while enrolment, the answer pages and the verification pages are public by design and reached ' +
          'through unguessable personal links (the kiosk by answer codes, under guessing limits kept in the table). ' +
          'A gateway authoriser would duplicate the key lookup.',
      });
    }
  }

  /** The base URL of the default stage, e.g. https://abc123.execute-api.eu-north-1.amazonaws.com. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
