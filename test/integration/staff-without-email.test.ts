import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { answerByCode, codesByEmployee } from '../support/code-setup.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
let org: Awaited<ReturnType<typeof enrolVerified>>;
const path = () => `/v1/organisations/${org.orgId}/respondents`;
const importJson = (respondents: unknown[]) =>
  call('PUT', path(), { key: org.adminKey, json: { respondents } });

beforeAll(async () => {
  stack = await startTestStack();
  call = apiClient(stack);
  org = await enrolVerified(stack);
});
afterAll(() => stack.close());

describe('importing staff without e-mail', () => {
  it('imports by employee id, idempotently, and counts a changed mobile number as an update', async () => {
    const first = await importJson([
      { employeeId: 'K-1001', department: 'Kök' },
      { email: 'anna@example.org' },
    ]);
    const again = await importJson([{ employeeId: 'K-1001', department: 'Kök' }]);
    const mobile = await importJson([
      { employeeId: 'K-1001', department: 'Kök', mobile: '+46 70-123 45 67' },
    ]);
    const listed = (await call('GET', path(), { key: org.adminKey })).json.respondents;

    expect(first.json).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(again.json).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(mobile.json).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(listed.find((r: { employeeId?: string }) => r.employeeId === 'K-1001')).toMatchObject({
      mobile: '+46701234567',
      department: 'Kök',
    });
  });

  it('reads employeeId and mobile columns from CSV', async () => {
    const response = await call('PUT', path(), {
      key: org.adminKey,
      type: 'text/csv',
      body: 'EmployeeId,mobile,department\nS-7,+4670000000,Städ\n',
    });
    expect(response.json).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it.each([
    ['neither e-mail nor employee id', { department: 'Kök' }, 'email'],
    ['an employee id with an @', { employeeId: 'a@b' }, 'employeeId'],
    ['a mobile number not in E.164', { employeeId: 'K-2', mobile: '070-123 45 67' }, 'mobile'],
  ])('refuses a row with %s, writing nothing', async (_what, row, field) => {
    const response = await importJson([row, { employeeId: 'K-new' }]);
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe(`respondents.0.${field}`);
    const listed = (await call('GET', path(), { key: org.adminKey })).json.respondents;
    expect(listed.some((r: { employeeId?: string }) => r.employeeId === 'K-new')).toBe(false);
  });

  it('refuses one employee id given to two people in a batch', async () => {
    const response = await importJson([{ email: 'b@example.org', employeeId: 'X-1' }, { employeeId: 'X-1' }]);
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('respondents.1.employeeId');
  });
});

describe('erasing staff without e-mail', () => {
  it('erases by employee id, killing their answer code, and by the employee id of someone keyed by e-mail', async () => {
    await importJson([
      { employeeId: 'K-3003', department: 'Kök' },
      { email: 'both@example.org', employeeId: 'B-1' },
    ]);
    const roundId = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json
      .round.id;
    await runTick(stack.deps);
    const code = (await codesByEmployee(stack, org.orgId, roundId, org.adminKey)).get('K-3003') as string;

    const erased = await call('DELETE', `${path()}/K-3003`, { key: org.adminKey });
    const both = await call('DELETE', `${path()}/B-1`, { key: org.adminKey });
    const twice = await call('DELETE', `${path()}/K-3003`, { key: org.adminKey });
    const listed = (await call('GET', path(), { key: org.adminKey })).json.respondents as {
      employeeId?: string;
    }[];

    expect([erased.status, both.status, twice.status]).toEqual([204, 204, 204]);
    expect(listed.map((r) => r.employeeId)).not.toContain('K-3003');
    expect(listed.map((r) => r.employeeId)).not.toContain('B-1');
    expect((await answerByCode(stack, code, { rank: '5' })).status).toBe(404);
  });
});
