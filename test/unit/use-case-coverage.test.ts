import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * `npm run test:unit` exercises every use case: each file in shared/ that exports a `(deps, …)` function is
 * reached from a unit test through the domain alone. The walk follows imports from test/unit into shared/,
 * never through an adapter, a composition root or the HTTP layer, so importing `createApp` covers nothing.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const USE_CASE = /export (async )?function \w+(<[^>]*>)?\(\s*deps\b/;
const NOT_DOMAIN = /^shared\/(adapters\/|deps\.ts|respondent-deps\.ts|notification-deps\.ts)/;

const filesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const stem = resolve(dirname(join(ROOT, file)), fileName).replace(/\.js$/, '');
    const found = [`${stem}.ts`, `${stem}.tsx`].find(existsSync);
    return found ? [relative(ROOT, found)] : [];
  });
}

function reachedFromUnitTests(): Set<string> {
  const seen = new Set<string>();
  const queue = filesUnder(join(ROOT, 'test/unit')).filter((file) => file.endsWith('.test.ts'));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of importsOf(file))
      if (next.startsWith('test/unit/') || (next.startsWith('shared/') && !NOT_DOMAIN.test(next)))
        queue.push(next);
  }
  return seen;
}

describe('the unit tests', () => {
  it('reach every use case through the domain', () => {
    const useCases = filesUnder(join(ROOT, 'shared')).filter(
      (file) => !NOT_DOMAIN.test(file) && USE_CASE.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    const reached = reachedFromUnitTests();

    expect(useCases.length).toBeGreaterThan(30);
    expect(useCases.filter((file) => !reached.has(file))).toEqual([]);
  });
});
