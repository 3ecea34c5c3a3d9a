import { describe, expect, it } from 'vitest';
import { startTestStack } from '../support/stack.js';

describe('the test stack', () => {
  it('keeps logs silent when a test passes its own environment, unless the test sets LOG_LEVEL', async () => {
    // Prepare, Act
    const stack = await startTestStack({ env: { ENROLMENT_KEY: 'k'.repeat(40) } });
    const loud = await startTestStack({ env: { LOG_LEVEL: 'warn' } });
    try {
      // Assess
      expect(stack.config.logLevel).toBe('silent');
      expect(loud.config.logLevel).toBe('warn');
    } finally {
      await Promise.all([stack.close(), loud.close()]);
    }
  });
});
