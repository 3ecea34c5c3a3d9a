import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { smokeOptions } from '../../scripts/smoke.js';
import { runSmoke, SmokeFailure } from '../../scripts/smoke-round.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { startTestStack } from '../support/stack.js';

// `npm run smoke` cannot reach AWS from here: it runs against the local stack, whose tick a timer runs as
// EventBridge would, so the script keeps working against the API as it is.
let stack: LocalStack;
let ticking: NodeJS.Timeout | undefined;
let tickRun: Promise<unknown> = Promise.resolve();
const lines: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  clearInterval(ticking);
  // A tick still running would write to a closed database.
  await tickRun.catch(() => {});
  await stack.close();
});

const options = (extra: string[] = []) =>
  smokeOptions(
    [
      '--url',
      stack.apiUrl,
      '--contact',
      'smoke-admin@example.org',
      '--mailbox',
      `${stack.sesUrl}/store`,
      '--poll-seconds',
      '0.1',
      ...extra,
    ],
    (line) => lines.push(line),
  );

const remainingRespondents = async (orgId: string) =>
  (await stack.deps.respondents.list(orgId, undefined, 100)).items;

describe('the smoke test against a running stage', () => {
  it('refuses to run without a URL or a contact address it can verify', () => {
    expect(() => smokeOptions(['--contact', 'a@example.org'])).toThrow(/--url/);
    expect(() => smokeOptions(['--url', 'https://api.example.org'])).toThrow(/--contact/);
  });

  it('erases its respondents even when a step fails (here: no tick runs, so nobody is invited)', async () => {
    const failure = await runSmoke(options(['--timeout-seconds', '1'])).catch((error: SmokeFailure) => error);

    expect(failure).toBeInstanceOf(SmokeFailure);
    expect((failure as SmokeFailure).message).toBe('timed out waiting for the invitations');
    expect((failure as SmokeFailure).result.erased).toBe(3);
    expect(await remainingRespondents((failure as SmokeFailure).result.orgId as string)).toEqual([]);
  });

  it('runs a whole round, answers it from the mailbox, reads the report and erases the respondents', async () => {
    let running = false;
    ticking = setInterval(() => {
      if (running) return;
      running = true;
      tickRun = runTick(stack.deps).finally(() => {
        running = false;
      });
    }, 100);
    lines.length = 0;

    const result = await runSmoke(options(['--timeout-seconds', '20']));

    expect(result).toMatchObject({ invited: 3, answered: 3, erased: 3 });
    expect(await remainingRespondents(result.orgId as string)).toEqual([]);
    expect(lines.map((line) => line.replace(/ \(\d+ ms\)$/, ''))).toEqual([
      'ok   the API answers',
      'ok   enrol a throwaway organisation',
      'ok   verify it through the mailed link',
      'ok   import 3 respondents',
      'ok   open a round',
      'ok   the tick invites everyone',
      'ok   answer every invitation through its link',
      'ok   close the round and wait for its report',
      'ok   create an analyst key',
      'ok   read the report as JSON and CSV with it',
      'ok   erase every respondent',
      'ok   revoke the analyst key',
    ]);
  });
});
