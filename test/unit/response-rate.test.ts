import { describe, expect, it } from 'vitest';
import { round3 } from '../../shared/rounds/round-view.js';

describe('the response rate', () => {
  it('rounds half up at three decimals, as people do on paper, where binary floating point would round down', () => {
    // 201 of 400 is 0.5025, and 0.5025 * 1000 is 502.49999… in binary, so Math.round(x * 1000) / 1000 gives 0.502.
    expect(Math.round((201 / 400) * 1000) / 1000).toBe(0.502);

    expect(round3(201 / 400)).toBe(0.503);
    expect(round3(1 / 3)).toBe(0.333);
  });
});
