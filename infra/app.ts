import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { resolveStageConfig } from './config.js';
import { DataStack } from './stacks/data-stack.js';
import { ServiceStack } from './stacks/service-stack.js';

/**
 * The CDK app: the only place that reads CDK context. Two stacks per stage, `Kundpuls-<stage>-Data`
 * (the table) and `Kundpuls-<stage>-Service` (everything else), checked by cdk-nag's AwsSolutions pack
 * at every synth (`options.nag: false` leaves it out, for the rehearsal). `processEnv` supplies CDK_DEFAULT_ACCOUNT, which the CLI sets only when it has credentials;
 * without it the stacks stay account-agnostic, so synth works offline.
 */
export function createCdkApp(
  props: AppProps = {},
  processEnv: NodeJS.ProcessEnv = process.env,
  options: { nag?: boolean } = {},
) {
  const app = new App({
    ...props,
    // Strong (Fn::ImportValue): CloudFormation refuses to delete the table's stack while the service uses it.
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong', ...props.context },
  });
  const config = resolveStageConfig((key) => app.node.tryGetContext(key), processEnv.CDK_DEFAULT_ACCOUNT);
  const env = { account: config.account, region: config.region };
  const prefix = `Kundpuls-${config.stage}`;

  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    config,
    description: `Kundpuls ${config.stage}: the table`,
    terminationProtection: config.retainData,
  });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    env,
    config,
    table: data.table,
    description: `Kundpuls ${config.stage}: API, tick, mail and alarms`,
  });
  Tags.of(app).add('application', 'kundpuls');
  Tags.of(app).add('stage', config.stage);
  // The rehearsal leaves the pack out to synthesise faster; test/infra/cdk-nag.test.ts runs it on both stages.
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, data, service };
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) createCdkApp().app.synth();
