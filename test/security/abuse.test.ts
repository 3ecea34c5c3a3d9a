import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { apiClient, startTestStack } from '../support/stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { LOG_LEVEL: 'info' } });
});
afterAll(() => stack.close());

describe('abuse limits', () => {
  it('rate limits an enrolment flood from one client and logs it without personal data', async () => {
    const call = apiClient(stack);
    const lines: string[] = [];
    // Warnings and errors go to stderr, the rest to stdout (both reach CloudWatch).
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (
          await call('POST', '/v1/organisations', {
            json: { name: `Flood ${i}`, contactEmail: `flood${i}@example.org`, language: 'en' },
          })
        ).status,
      );
    for (const spy of spies) spy.mockRestore();

    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.some((entry) => entry.message === 'enrolment rate limited')).toBe(true);
    expect(lines.join('')).not.toMatch(/flood\d+@example\.org/);
  });
});
