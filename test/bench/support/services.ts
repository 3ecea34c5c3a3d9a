import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTable } from '../../../infra/local/embedded.js';
import { REPO_ROOT } from './child.js';

export interface Services {
  dynamoEndpoint: string;
  sesUrl: string;
  tableName: string;
  close(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./embedded-process.ts', import.meta.url));

/** Starts a fresh, empty dynalite and SES emulator in their own process, with the table created. */
export async function startServices(): Promise<Services> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ports = await new Promise<{ dynamoPort: number; sesPort: number }>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`embedded services exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\{.*\})/.exec(out);
      if (match) resolve(JSON.parse(match[1] as string));
    });
  });
  const dynamoEndpoint = `http://127.0.0.1:${ports.dynamoPort}`;
  const tableName = 'kundpuls';
  await ensureTable(dynamoEndpoint, tableName);
  return {
    dynamoEndpoint,
    sesUrl: `http://127.0.0.1:${ports.sesPort}`,
    tableName,
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
