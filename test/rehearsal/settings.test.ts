import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createCdkApp } from '../../infra/app.js';
import type { NodeFunction } from '../../infra/constructs/node-function.js';
import { AnswersEnvSchema } from '../../shared/settings/answers.js';
import { ApiEnvSchema } from '../../shared/settings/api.js';
import { NotificationEnvSchema } from '../../shared/settings/ses-notifications.js';
import { TickEnvSchema } from '../../shared/settings/tick.js';

/**
 * Variables a function's environment may carry that its own settings never read: the Lambda runtime's and
 * Node's, and the Parameters and Secrets extension's (the layer reads those, not our code).
 */
const RUNTIME_VARIABLES = [
  /^NODE_OPTIONS$/,
  /^AWS_/,
  /^POWERTOOLS_/,
  /^PARAMETERS_SECRETS_EXTENSION_/,
  /^SECRETS_MANAGER_/,
  /^SSM_PARAMETER_STORE_/,
];

let outdir: string;
let built: ReturnType<typeof createCdkApp>;
let template: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'kundpuls-settings-'));
  // No bundling: only the environment matters here; the rehearsal runs the real bundles.
  built = createCdkApp({ outdir, context: { 'aws:cdk:bundling-stacks': [] } }, {});
  template = Template.fromStack(built.service);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function templateVariables(fn: NodeFunction): string[] {
  const logicalId = built.service.getLogicalId(fn.fn.node.defaultChild as CfnElement);
  return Object.keys(template.toJSON().Resources[logicalId].Properties.Environment.Variables);
}

const required = (schema: z.ZodMiniObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !z.safeParse(field as z.ZodMiniType, undefined).success)
    .map(([key]) => key);

const functions = () =>
  [
    ['api', built.service.apiFunction, ApiEnvSchema],
    ['answers', built.service.answersFunction, AnswersEnvSchema],
    ['tick', built.service.tickFunction, TickEnvSchema],
    ['ses-notifications', built.service.notificationFunction, NotificationEnvSchema],
  ] as const;

describe('each function’s settings schema against its template environment', () => {
  it('requires nothing the template leaves out', () => {
    for (const [name, fn, schema] of functions()) {
      const missing = required(schema).filter((key) => !templateVariables(fn).includes(key));
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });

  it('reads every variable the template sets, but for the runtime’s own', () => {
    for (const [name, fn, schema] of functions()) {
      const unread = templateVariables(fn).filter(
        (key) => !(key in schema.shape) && !RUNTIME_VARIABLES.some((pattern) => pattern.test(key)),
      );
      expect({ name, unread }).toEqual({ name, unread: [] });
    }
  });

  it('would have caught a sender address required of the answer pages', () => {
    const withMail = z.object({ ...AnswersEnvSchema.shape, MAIL_FROM: z.string() });

    expect(required(withMail)).toContain('MAIL_FROM');
    expect(templateVariables(built.service.answersFunction)).not.toContain('MAIL_FROM');
  });
});
