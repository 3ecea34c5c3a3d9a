import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stacks as the source reads them, without `--enable-source-maps`: that flag costs every cold start the parse
 * of a multi-MB map (docs/decisions.md). Here the map next to a bundle (`index.mjs.map`, which CDK ships in
 * the asset) is read only when an error is logged, once per file, and each frame's bundle position becomes
 * its TypeScript file and line. Frames without a map next to their file stay as they are.
 */
const maps = new Map<string, SourceMap | undefined>();

function mapOf(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    let map: SourceMap | undefined;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = undefined; // an unreadable map leaves the stack as thrown
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

const FRAME = /(file:\/\/)?(\/[^\s():]+\.[cm]?js):(\d+):(\d+)/g;

export function sourceMappedStack(stack: string): string {
  return stack.replace(
    FRAME,
    (frame, scheme: string | undefined, path: string, line: string, column: string) => {
      const file = scheme ? fileURLToPath(`file://${path}`) : path;
      const origin = mapOf(file)?.findOrigin(Number(line), Number(column));
      if (!origin || !('fileName' in origin)) return frame;
      // esbuild names sources relative to the bundle's folder: `../../functions/api/common.tsx`.
      const source = origin.fileName.startsWith('file:') ? fileURLToPath(origin.fileName) : origin.fileName;
      return `${source.replace(/^(\.\.\/)+/, '')}:${origin.lineNumber}:${origin.columnNumber}`;
    },
  );
}
