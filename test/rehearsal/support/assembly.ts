import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCdkApp } from '../../../infra/app.js';

/** A CloudFormation template as CDK writes it into the cloud assembly. */
export interface CfnTemplate {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
  >;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
}

export interface Assembly {
  outdir: string;
  region: string;
  /** The SSM parameter the operator creates before deploying, holding the token pepper. */
  pepperParameter: string;
  data: { name: string; template: CfnTemplate };
  service: { name: string; template: CfnTemplate };
}

export const ACCOUNT = '123456789012';

/**
 * Synthesises the dev stage into `outdir`, in process, with real bundling: the functions' `index.mjs` files
 * are the assets CDK would upload. `context` adds CDK context (the rehearsal raises the SES rate).
 */
export function synthesise(outdir: string, context: Record<string, string> = {}): Assembly {
  const { app, config, data, service } = createCdkApp(
    { outdir, context: { stage: 'dev', ...context } },
    {},
    // The same templates; cdk-nag's pack runs in test/infra/cdk-nag.test.ts.
    { nag: false },
  );
  const assembly = app.synth();
  const read = (name: string) => {
    const stack = assembly.getStackByName(name);
    return {
      name,
      template: JSON.parse(readFileSync(join(outdir, stack.templateFile), 'utf8')) as CfnTemplate,
    };
  };
  return {
    outdir,
    region: config.region,
    pepperParameter: config.pepperParameterName,
    data: read(data.stackName),
    service: read(service.stackName),
  };
}

/** The directory CDK staged a function's bundle in (`index.mjs`): `asset.<hash>`, the hash of its S3 key. */
export function assetDirectory(assembly: Assembly, functionId: string): string {
  const code = assembly.service.template.Resources[functionId]?.Properties?.Code as { S3Key?: unknown };
  const hash = typeof code?.S3Key === 'string' ? /^([0-9a-f]{64})\.zip$/.exec(code.S3Key)?.[1] : undefined;
  if (!hash) throw new Error(`${functionId} has no staged asset`);
  return join(assembly.outdir, `asset.${hash}`);
}

export function resourcesOfType(template: CfnTemplate, type: string) {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}
