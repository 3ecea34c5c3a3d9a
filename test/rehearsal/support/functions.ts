import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export interface LambdaProcess {
  functionId: string;
  /** Everything the function printed: its logs. */
  output: string[];
  invoke<T = unknown>(event: unknown, clockOffsetMs?: number): Promise<T>;
  close(): void;
}

export class InvocationError extends Error {}

const RUNNER = join(import.meta.dirname, 'lambda-runner.mjs');

/**
 * Starts a function's bundle in its own Node process with exactly `env` (no inherited variable), as the
 * Lambda runtime starts an instance; invocations queue and run one at a time, as on one instance.
 */
export async function startFunction(
  functionId: string,
  bundle: string,
  env: Record<string, string>,
  timeoutSeconds: number,
): Promise<LambdaProcess> {
  const child: ChildProcess = fork(RUNNER, [bundle, functionId, String(timeoutSeconds)], {
    env,
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${functionId} exited (${code}) at init:\n${output.join('\n')}`)),
    );
    child.on(
      'message',
      (message: { ready?: true; id?: string; result?: unknown; error?: { stack: string } }) => {
        if (message.ready) return resolve();
        const waiting = pending.get(message.id as string);
        pending.delete(message.id as string);
        if (message.error) waiting?.reject(new InvocationError(`${functionId}: ${message.error.stack}`));
        else waiting?.resolve(message.result);
      },
    );
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values())
      waiting.reject(new InvocationError(`${functionId} exited (${code})`));
    pending.clear();
  });
  await ready;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    functionId,
    output,
    invoke<T>(event: unknown, clockOffsetMs = 0) {
      const run = () =>
        new Promise<T>((resolve, reject) => {
          const id = randomUUID();
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          child.send({ id, event, clockOffsetMs, requestId: id });
        });
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => {
      child.kill();
    },
  };
}
