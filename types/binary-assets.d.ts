/** esbuild's `binary` loader (infra/constructs/node-function.ts) turns these imports into their bytes. */
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
