import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rules of docs/architecture.md, read from the code itself: no import cycle anywhere in the
 * application's rooms, and a domain (shared/<domain>) that imports neither the SDK, the HTTP framework, the
 * environment, the adapters, nor the entry points and infrastructure above it.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ROOMS = ['functions', 'shared', 'infra', 'scripts'];
const SOURCE = /\.(ts|tsx|mts)$/;

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** What a file names: static imports, `export … from`, dynamic `import()` and `require()`. */
function specifiersOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

/** A relative specifier as the file it names (`./x.js` is `x.ts` or `x.tsx`); undefined for packages and data. */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts')];
  return candidates.find((path) => SOURCE.test(path) && existsSync(path));
}

interface Graph {
  files: string[];
  edges: Map<string, string[]>;
  packages: Map<string, string[]>;
}

function importGraph(): Graph {
  const files = ROOMS.flatMap((room) => sourceFiles(join(ROOT, room))).map((path) => relative(ROOT, path));
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = specifiersOf(join(ROOT, file));
    edges.set(
      file,
      specifiers.flatMap((specifier) => {
        const target = resolveLocal(join(ROOT, file), specifier);
        return target ? [relative(ROOT, target)] : [];
      }),
    );
    packages.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    );
  }
  return { files, edges, packages };
}

/** Every strongly connected group of two or more files (or one importing itself), each as one cycle through it. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.edges.get(file)?.includes(file)) groups.push(group);
  };
  for (const file of graph.files) if (!index.has(file)) visit(file);
  return groups.map((group) => cycleWithin(graph, new Set(group)));
}

/** One concrete path a → b → … → a inside a strongly connected group, to print. */
function cycleWithin(graph: Graph, group: Set<string>): string[] {
  const start = [...group].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const target of graph.edges.get(file) ?? []) {
      if (!group.has(target)) continue;
      if (target === start) {
        const path = [file];
        while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  return [...group];
}

/** shared/<domain>: everything in shared/ but the adapters, the table layout (db/), the settings, the composition roots and config.ts. */
const isDomain = (file: string) =>
  file.startsWith('shared/') &&
  !file.startsWith('shared/adapters/') &&
  !file.startsWith('shared/db/') &&
  !file.startsWith('shared/settings/') &&
  !/^shared\/[^/]*deps\.ts$/.test(file) &&
  file !== 'shared/config.ts';

const FORBIDDEN_PACKAGE = /^(@aws-sdk\/|hono$|hono\/|node:process$|process$)/;
/** shared/db/ holds the table's keys and shards: the stores own them, the domain never sees one. */
const FORBIDDEN_FILE = /^(shared\/adapters\/|shared\/db\/|functions\/|infra\/)/;

/** Any use of the global `process` (`process.env`, `process['env']`, or bound to another name); not a key named so. */
function readsProcess(text: string): boolean {
  if (!text.includes('process')) return false;
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === 'process') {
      const parent = node.parent;
      const isKey =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isKey) found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const fileReadsProcess = (file: string) => readsProcess(readFileSync(join(ROOT, file), 'utf8'));

function domainViolations(graph: Graph, readsEnvironment = fileReadsProcess): string[] {
  return graph.files
    .filter(isDomain)
    .flatMap((file) => [
      ...(graph.packages.get(file) ?? [])
        .filter((name) => FORBIDDEN_PACKAGE.test(name))
        .map((name) => `${file} imports ${name}`),
      ...(graph.edges.get(file) ?? [])
        .filter((target) => FORBIDDEN_FILE.test(target))
        .map((target) => `${file} imports ${target}`),
      ...(readsEnvironment(file) ? [`${file} reads process`] : []),
    ]);
}

describe('architecture', () => {
  const graph = importGraph();

  it('reads the application rooms and their imports', () => {
    expect(graph.files).toContain('shared/deps.ts');
    expect(graph.edges.get('functions/api/lambda.ts')).toContain('shared/deps.ts');
  });

  it('has no import cycle in functions/, shared/, infra/ or scripts/', () => {
    const found = cycles(graph).map((cycle) => cycle.join(' -> '));
    expect(found, `import cycles:\n${found.join('\n')}`).toEqual([]);
  });

  it('keeps the domain free of the SDK, Hono, the environment, adapters, table keys, functions and infra', () => {
    const found = domainViolations(graph);
    expect(found, `domain imports:\n${found.join('\n')}`).toEqual([]);
  });

  it('finds a cycle and a forbidden import when there is one', () => {
    const planted: Graph = {
      files: ['shared/a/x.ts', 'shared/a/y.ts', 'shared/a/z.ts'],
      edges: new Map([
        ['shared/a/x.ts', ['shared/a/y.ts']],
        ['shared/a/y.ts', ['shared/a/z.ts', 'shared/adapters/dynamodb/client.ts']],
        ['shared/a/z.ts', ['shared/a/x.ts']],
      ]),
      packages: new Map([['shared/a/x.ts', ['@aws-sdk/client-ses', 'zod/mini']]]),
    };
    expect(cycles(planted)).toEqual([['shared/a/x.ts', 'shared/a/y.ts', 'shared/a/z.ts', 'shared/a/x.ts']]);
    expect(domainViolations(planted, (file) => file === 'shared/a/z.ts')).toEqual([
      'shared/a/x.ts imports @aws-sdk/client-ses',
      'shared/a/y.ts imports shared/adapters/dynamodb/client.ts',
      'shared/a/z.ts reads process',
    ]);
  });

  it('tells a read of the environment from a key that is only named process', () => {
    expect(readsProcess('const level = process.env.LOG_LEVEL;')).toBe(true);
    expect(readsProcess("const env = process['env'];")).toBe(true);
    expect(readsProcess('const { env } = process;')).toBe(true);
    expect(readsProcess('const step = { process: 1 }; step.process;')).toBe(false);
  });
});
