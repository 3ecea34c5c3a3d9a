import { join } from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BINARY_LOADER } from '../bundle-loaders.js';
import { REPO_ROOT } from '../config.js';

/**
 * What every function's environment holds besides its own settings; the cold-start benchmark runs the answer
 * pages with exactly this. No NODE_OPTIONS: `--enable-source-maps` made each cold start parse a multi-MB map
 * (docs/decisions.md); stacks are mapped when an error is logged instead (shared/adapters/logging). Powertools
 * Logger reads its service name from here itself.
 */
export const LAMBDA_RUNTIME_ENVIRONMENT: Readonly<Record<string, string>> = {
  POWERTOOLS_SERVICE_NAME: 'kundpuls',
};

export interface NodeFunctionProps {
  /** The entry point, relative to the repository root, e.g. `functions/api/lambda.ts`. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  reservedConcurrentExecutions?: number;
  /**
   * For functions invoked asynchronously (EventBridge, SNS): how Lambda retries, and an SQS queue that
   * keeps every event that failed or expired, so none is lost silently.
   */
  async?: { retryAttempts: number; maxEventAge: Duration };
  /** RETAIN in production keeps the logs after the stack is gone. */
  removalPolicy: RemovalPolicy;
}

/**
 * A Lambda function as every Kundpuls function is built: esbuild ESM bundle (AWS SDK included), Node.js 24
 * on arm64, JSON logs in its own log group with a month's retention, and a role that may write only to
 * that log group until grants add more.
 */
export class NodeFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  /** Where failed asynchronous invocations land (only for `async` functions). */
  readonly failureQueue?: sqs.Queue;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role: ${props.description}`,
    });
    this.logGroup.grantWrite(role);

    if (props.async) {
      this.failureQueue = new sqs.Queue(this, 'FailedInvocations', {
        enforceSSL: true,
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(this.failureQueue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the dead-letter destination (Lambda on-failure destination, and for the tick ' +
          'the EventBridge target DLQ); a queue behind it would only hold the same events again.',
      });
    }

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: { ...LAMBDA_RUNTIME_ENVIRONMENT, ...props.environment },
      // The pepper comes through AWS's Parameters and Secrets extension: no SSM client in any bundle.
      paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(
        lambda.ParamsAndSecretsVersions.V1_0_103,
      ),
      ...(props.async && this.failureQueue
        ? {
            onFailure: new SqsDestination(this.failureQueue),
            retryAttempts: props.async.retryAttempts,
            maxEventAge: props.async.maxEventAge,
          }
        : {}),
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        // Bundle the AWS SDK too: one file loads faster than node_modules lookups at cold start.
        externalModules: [],
        // Module entry points first (the SDK's ESM builds), and a `require` for the CommonJS packages
        // (nodemailer) that an ESM bundle otherwise fails on with `Dynamic require of "node:https"`.
        mainFields: ['module', 'main'],
        banner:
          "import { createRequire as __kpCreateRequire } from 'node:module';const require = __kpCreateRequire(import.meta.url);",
        // The repository's tsconfig carries `jsx: react-jsx` with `jsxImportSource: hono/jsx` for the pages.
        tsconfig: join(REPO_ROOT, 'tsconfig.json'),
        // The report chart's renderer (resvg's WASM build: these functions run on arm64) and its font, embedded
        // as bytes; only the tick's bundle imports them (shared/mail/chart-assets-bundled.ts).
        loader: BINARY_LOADER,
      },
    });
  }
}
