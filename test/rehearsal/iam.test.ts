import { describe, expect, it } from 'vitest';
import { type Grant, refusedCalls, unusedGrants } from './support/iam.js';

const table = 'arn:aws:dynamodb:eu-north-1:123456789012:table/kundpuls';
const call = (action: string, ...resources: string[]) => ({ functionId: 'Fn', action, resources });

describe('the rehearsal’s IAM evaluation', () => {
  it('refuses a query on an index when only the table is granted', () => {
    const grants: Grant[] = [{ action: 'dynamodb:Query', resource: table }];

    expect(refusedCalls([call('dynamodb:Query', `${table}/index/work-queue`)], grants)).toEqual([
      { action: 'dynamodb:Query', resource: `${table}/index/work-queue` },
    ]);
  });

  it('allows wildcards in actions and resources, actions case-insensitively', () => {
    const grants: Grant[] = [
      { action: 'dynamodb:*', resource: table },
      { action: 'dynamodb:query', resource: `${table}/index/*` },
    ];

    expect(
      refusedCalls(
        [call('dynamodb:PutItem', table), call('dynamodb:Query', `${table}/index/work-queue`)],
        grants,
      ),
    ).toEqual([]);
  });

  it('needs every resource of a call allowed: both tables of a batch, the identity and the set of a mail', () => {
    const grants: Grant[] = [
      { action: 'dynamodb:BatchGetItem', resource: table },
      {
        action: 'ses:SendRawEmail',
        resource: 'arn:aws:ses:eu-north-1:123456789012:identity/kundpuls.example',
      },
    ];
    const calls = [
      call('dynamodb:BatchGetItem', table, `${table}-other`),
      call(
        'ses:SendRawEmail',
        'arn:aws:ses:eu-north-1:123456789012:identity/kundpuls.example',
        'arn:aws:ses:eu-north-1:123456789012:configuration-set/kundpuls-dev',
      ),
    ];

    expect(refusedCalls(calls, grants).map((r) => r.resource)).toEqual([
      `${table}-other`,
      'arn:aws:ses:eu-north-1:123456789012:configuration-set/kundpuls-dev',
    ]);
  });

  it('lists a grant no call used', () => {
    const grants: Grant[] = [
      { action: 'dynamodb:GetItem', resource: table },
      { action: 'dynamodb:DeleteItem', resource: table },
    ];

    expect(unusedGrants([call('dynamodb:GetItem', table)], grants)).toEqual([grants[1]]);
  });
});
