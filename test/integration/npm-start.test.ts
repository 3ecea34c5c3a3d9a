import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';

async function until<T>(probe: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the service did not come up');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'kundpuls-start-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('brings up the API, DynamoDB and SES on a fresh data directory, and stops cleanly on Ctrl-C', async () => {
    const [port, dynamoPort, sesPort] = [await freePort(), await freePort(), await freePort()];
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DYNAMODB_PORT: String(dynamoPort),
        SES_PORT: String(sesPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));

    const health = await until(async () => {
      const response = await fetch(`http://localhost:${port}/health`);
      return response.ok ? response.json() : undefined;
    }, 60);
    const enrolled = await fetch(`http://localhost:${port}/v1/organisations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Startkommunen', contactEmail: 'start@example.org', language: 'sv' }),
    });
    const store = await until(async () => {
      const { emails } = (await (await fetch(`http://127.0.0.1:${sesPort}/store`)).json()) as {
        emails: unknown[];
      };
      return emails.length > 0 ? emails : undefined;
    }, 10);
    child.kill('SIGINT');

    expect(health).toEqual({ ok: true });
    expect(enrolled.status).toBe(201);
    expect(store).toHaveLength(1);
    expect(await exited).toBe(0);
  }, 90_000);
});
