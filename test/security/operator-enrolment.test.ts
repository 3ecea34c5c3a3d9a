import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { ENROLMENTS_PER_HOUR, OPERATOR_ENROLMENTS_PER_HOUR } from '../../shared/deps.js';
import { manualClock } from '../support/clock.js';
import { apiClient, startTestStack } from '../support/stack.js';

const OPERATOR_KEY = 'operator-key-for-tests-0123456789abcdef';
const clock = manualClock(Date.parse('2027-02-01T08:00:00Z'));
let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock }, env: { ENROLMENT_KEY: OPERATOR_KEY } });
});
afterAll(() => stack.close());

let counter = 0;
const enrol = (key?: string) =>
  apiClient(stack)('POST', '/v1/organisations', {
    ...(key ? { key } : {}),
    json: { name: `Kommun ${++counter}`, contactEmail: `kommun${counter}@example.org`, language: 'sv' },
  });

describe('enrolment by the operator', () => {
  it('is not held to the anonymous limit: more enrolments an hour from one address all succeed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ENROLMENTS_PER_HOUR + 5; i++) statuses.push((await enrol(OPERATOR_KEY)).status);

    expect(statuses.every((status) => status === 201)).toBe(true);
  });

  it('has a limit of its own, much higher, and it resets after the hour', async () => {
    // The rest of the hour's allowance, counted straight on the operator's table counter, 50 at a time.
    const rest = OPERATOR_ENROLMENTS_PER_HOUR - (ENROLMENTS_PER_HOUR + 5);
    for (let i = 0; i < rest; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, rest - i) }, () =>
          stack.deps.limits.operatorEnrolment.hit('operator'),
        ),
      );

    const over = await enrol(OPERATOR_KEY);
    clock.set(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
    const later = await enrol(OPERATOR_KEY);

    expect(OPERATOR_ENROLMENTS_PER_HOUR).toBeGreaterThanOrEqual(100 * ENROLMENTS_PER_HOUR);
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe('rate_limited');
    expect(later.status).toBe(201);
  });

  it('still refuses enrolment without the operator key, counting nothing against the operator', async () => {
    const refused = await enrol();
    const wrong = await enrol('not-the-operator-key-0123456789abcdef');
    const fresh = await enrol(OPERATOR_KEY); // the first of the new hour's allowance was taken above

    expect(refused.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(fresh.status).toBe(201);
  });
});
