import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleLikeCdk } from '../bench/support/bundle.js';

describe('stacks from a bundle run without --enable-source-maps', () => {
  it('name the original TypeScript file and line when the error is logged', async () => {
    const { outfile } = await bundleLikeCdk('test/fixtures/failing-lambda.ts', 'failing-lambda');
    const invoke = `const { handler } = await import(${JSON.stringify(pathToFileURL(outfile).href)});
      await handler({}, { functionName: 'failing', awsRequestId: 'req-9' }).catch(() => {});`;

    // As the template starts every function: no runtime source maps.
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', invoke], {
      env: { PATH: process.env.PATH, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });

    const line = JSON.parse(child.stderr.split('\n').find((l) => l.includes('invocation failed')) ?? '{}');
    expect(line.function_request_id).toBe('req-9');
    expect(line.error.message).toBe('the build failed here');
    const frames = (line.error.stack as string).split('\n').slice(1);
    expect(frames[0]).toMatch(/test\/fixtures\/failing-lambda\.ts:6:11\b/);
    expect(frames.some((frame) => /functions\/first-invocation\.ts:\d+:\d+/.test(frame))).toBe(true);
    expect(frames.some((frame) => frame.includes('index.mjs'))).toBe(false);
  });
});
