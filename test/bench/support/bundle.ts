import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BINARY_LOADER } from '../../../infra/bundle-loaders.js';
import { REPO_ROOT } from './child.js';

export const BENCH_DIR = join(REPO_ROOT, '.bench');

/**
 * Bundles an entry as infra/constructs/node-function.ts has CDK's NodejsFunction do it: ESM, minified, source
 * map, the AWS SDK inside (no externals), module-first main fields, the createRequire banner, the
 * repository's tsconfig for the JSX pages, and the binary loader for the chart's WASM and font, for Node 24
 * (the Lambda runtime and the bench's own Node).
 */
export async function bundleLikeCdk(entry: string, name: string, plugins: Plugin[] = []) {
  const outfile = join(BENCH_DIR, name, 'index.mjs');
  const start = performance.now();
  const result = await build({
    entryPoints: [join(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    minify: true,
    sourcemap: true,
    external: [],
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __kpCreateRequire } from 'node:module';const require = __kpCreateRequire(import.meta.url);",
    },
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    loader: BINARY_LOADER,
    plugins,
    logLevel: 'warning',
    metafile: true,
  });
  const inputs = Object.entries(
    result.metafile.outputs[Object.keys(result.metafile.outputs).find((o) => o.endsWith('.mjs')) as string]
      ?.inputs ?? {},
  );
  const byPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = match ? (match[1] as string) : 'kundpuls';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return {
    outfile,
    bytes: statSync(outfile).size,
    buildMs: performance.now() - start,
    largest: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6),
    /** Every input file and the bytes it adds to the bundle. */
    inputs: new Map(inputs.map(([path, { bytesInOutput }]) => [path, bytesInOutput])),
  };
}
