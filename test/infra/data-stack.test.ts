import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdkApp } from '../../infra/app.js';
import { TABLE_KEYS, TTL_ATTRIBUTE, WORK_QUEUE_INDEX } from '../../shared/db/table.js';

// The data stack has no functions; skipping esbuild keeps both apps under a second.
const outdirs: string[] = [];
function dataTemplate(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'kundpuls-data-'));
  outdirs.push(outdir);
  const { data } = createCdkApp({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } }, {});
  return { data, template: Template.fromStack(data) };
}
let dev: ReturnType<typeof dataTemplate>;
let prod: ReturnType<typeof dataTemplate>;
beforeAll(() => {
  dev = dataTemplate({ stage: 'dev' });
  prod = dataTemplate({ stage: 'prod', senderDomain: 'kundpuls.se', publicUrl: 'https://kundpuls.se' });
});
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

describe('the data stack', () => {
  it('holds one table with the generic string keys of shared/db/table.ts', () => {
    dev.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
      ],
    });
  });

  it('has the sparse work-queue index, keys only', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: WORK_QUEUE_INDEX.name,
          KeySchema: [
            { AttributeName: WORK_QUEUE_INDEX.partition, KeyType: 'HASH' },
            { AttributeName: WORK_QUEUE_INDEX.sort, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
    const [table] = Object.values(dev.template.findResources('AWS::DynamoDB::Table'));
    expect(table?.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(
        [TABLE_KEYS.partition, TABLE_KEYS.sort, WORK_QUEUE_INDEX.partition, WORK_QUEUE_INDEX.sort].map(
          (name) => ({ AttributeName: name, AttributeType: 'S' }),
        ),
      ),
    );
  });

  it('bills on demand, recovers to any point in time and expires items by the ttl attribute', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('encrypts at rest with the AWS-owned key (SSEEnabled false selects it; DynamoDB never stores plaintext)', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: false } });
  });

  it('keeps production data: deletion protection, RETAIN and termination protection', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
    expect(prod.data.terminationProtection).toBe(true);
  });

  it('lets a dev table be destroyed with its stack', () => {
    dev.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: { DeletionProtectionEnabled: false },
    });
    expect(dev.data.terminationProtection).toBe(false);
  });
});
