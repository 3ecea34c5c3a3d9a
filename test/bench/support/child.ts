import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const RESULT = 'BENCH_RESULT ';

/** Prints the child's result on its own line, where runChild looks for it. */
export function reportResult(value: unknown): void {
  process.stdout.write(`\n${RESULT}${JSON.stringify(value)}\n`);
}

/** The input runChild passed to this child. */
export function childInput<T>(): T {
  return JSON.parse(process.env.BENCH_INPUT ?? '{}') as T;
}

export interface ChildOptions {
  /** Extra node flags, e.g. --expose-gc. */
  nodeFlags?: string[];
  env?: Record<string, string>;
  /** Run TypeScript through tsx (default); false for plain .mjs. */
  typescript?: boolean;
  timeoutMs?: number;
  /** A command the child runs under, e.g. valgrind and its flags. */
  launcher?: string[];
}

/** Runs a script in a fresh Node process and returns what it reported with reportResult. */
export function runChild<T>(script: string, input: unknown, options: ChildOptions = {}): Promise<T> {
  const args = [
    ...(options.typescript === false ? [] : ['--import', 'tsx']),
    ...(options.nodeFlags ?? []),
    script,
  ];
  const [command, ...prefix] = [...(options.launcher ?? []), process.execPath];
  const child = spawn(command as string, [...prefix, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...options.env, BENCH_INPUT: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect<T>(child, script, options.timeoutMs ?? 30 * 60_000);
}

function collect<T>(child: ChildProcess, script: string, timeoutMs: number): Promise<T> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
    // Keep only the tail: a chatty child must not fill memory.
    if (stdout.length > 1_000_000) stdout = stdout.slice(-500_000);
  });
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout
        .split('\n')
        .reverse()
        .find((l) => l.startsWith(RESULT));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT.length)) as T);
      else
        reject(new Error(`${script} exited with ${code}:\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`));
    });
  });
}

/**
 * Samples this process's memory while work runs: peak heap and RSS every few milliseconds, and the peak live
 * heap (after a full collection) whenever `live()` is called, e.g. at each page the work reads.
 */
export function memorySampler(everyMs = 5) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  let peakLive = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
    if (now.rss > peakRss) peakRss = now.rss;
  };
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    /** What is still reachable: collects garbage first (needs --expose-gc), then reads the heap. */
    live() {
      sample();
      gc?.();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    },
    stop() {
      clearInterval(timer);
      sample();
      return {
        baseHeap: base.heapUsed,
        baseRss: base.rss,
        peakHeap,
        peakRss,
        peakLive,
        heapDelta: peakHeap - base.heapUsed,
      };
    },
  };
}
export type MemoryPeak = ReturnType<ReturnType<typeof memorySampler>['stop']>;

/** Wraps a store so that every call of `method` first records the live heap. */
export function sampledAt<T extends object>(store: T, method: keyof T, memory: { live(): void }): T {
  const original = store[method] as unknown as (...args: unknown[]) => Promise<unknown>;
  return {
    ...store,
    [method]: (...args: unknown[]) => {
      memory.live();
      return original.apply(store, args);
    },
  };
}
