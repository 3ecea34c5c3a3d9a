import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { createCdkApp } from '../../infra/app.js';

// cdk-nag reads the construct tree, not the bundles, so these apps skip esbuild to stay fast.
const outdirs: string[] = [];
function build(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'kundpuls-nag-'));
  outdirs.push(outdir);
  return createCdkApp({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } }, {}).app;
}
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

const prodContext = {
  stage: 'prod',
  senderDomain: 'kundpuls.se',
  publicUrl: 'https://kundpuls.se',
  alarmEmail: 'drift@kundpuls.se',
};

/** Every acknowledgement in the tree: where, which rule, and why. */
function acknowledgements(app: App) {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({
          path: construct.node.path,
          rule: rule.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['dev', { stage: 'dev' }],
    ['prod', prodContext],
    [
      'prod with SMS',
      {
        ...prodContext,
        smsOriginationIdentity: 'arn:aws:sms-voice:eu-north-1:123456789012:sender-id/Kundpuls/SE',
        smsConfigurationSet: 'kundpuls-prod-sms',
      },
    ],
  ])(
    'leaves no unresolved finding in the %s app, and synth (which runs the pack) succeeds',
    (_, context) => {
      const app = build(context);

      const report = new AwsSolutionsChecks().validateScope(app);

      expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
        [],
      );
      expect(() => app.synth()).not.toThrow();
      // Synthesis is CPU-bound: ~6 s alone, several times that beside the rehearsal on a loaded 2-core machine.
    },
    120_000,
  );

  it('acknowledges only the findings below, each with its reason', () => {
    const app = build(prodContext);

    const found = acknowledgements(app);

    expect(found.map(({ path, rule }) => `${rule} ${path}`).sort()).toEqual([
      'AwsSolutions-APIG4 Kundpuls-prod-Service/Api/HttpApi/DefaultRoute/Resource',
      'AwsSolutions-APIG4 Kundpuls-prod-Service/Api/HttpApi/GET--assets--{proxy+}/Resource',
      'AwsSolutions-APIG4 Kundpuls-prod-Service/Api/HttpApi/GET--k/Resource',
      'AwsSolutions-APIG4 Kundpuls-prod-Service/Api/HttpApi/GET--r--{proxy+}/Resource',
      'AwsSolutions-APIG4 Kundpuls-prod-Service/Api/HttpApi/POST--k/Resource',
      'AwsSolutions-APIG4 Kundpuls-prod-Service/Api/HttpApi/POST--r--{proxy+}/Resource',
      'AwsSolutions-SQS3 Kundpuls-prod-Service/NotificationFunction/FailedInvocations',
      'AwsSolutions-SQS3 Kundpuls-prod-Service/TickFunction/FailedInvocations',
    ]);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(60);
  });

  it('is active: a queue without SSL or a dead-letter queue fails synth with its findings', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'kundpuls-nag-')) });
    outdirs.push(app.outdir);
    new sqs.Queue(new Stack(app, 'Careless'), 'Queue');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    const rules = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);

    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
