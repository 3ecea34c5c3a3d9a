/**
 * esbuild loaders for every function bundle: the report chart's renderer (resvg's WASM build, since the
 * functions run on arm64) and its font are embedded as bytes. Shared by infra/constructs/node-function.ts and
 * the benchmarks' and tests' bundler (test/bench/support/bundle.ts), so both build the same bundle.
 */
export const BINARY_LOADER = { '.wasm': 'binary', '.ttf': 'binary' } as const;
