import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { runSmoke, SmokeFailure, type SmokeOptions } from './smoke-round.js';

/**
 * `npm run smoke -- --url https://… --contact you@your-domain`: a round against a deployed stage with a
 * throwaway organisation (docs/architecture.md, "Rehearsal and smoke test"). Without `--mailbox` it asks
 * for the verification link mailed to the contact address.
 */
export function smokeOptions(argv: string[], log: (line: string) => void = console.log): SmokeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      contact: { type: 'string' },
      mailbox: { type: 'string' },
      respondents: { type: 'string' },
      'enrolment-key': { type: 'string' },
      'timeout-seconds': { type: 'string', default: '300' },
      'poll-seconds': { type: 'string', default: '5' },
    },
  });
  if (!values.url || !/^https?:\/\/\S+$/.test(values.url)) throw new Error('--url http(s)://… is required');
  if (!values.contact)
    throw new Error('--contact is required: an address whose verification mail you can read');
  return {
    url: values.url,
    contact: values.contact,
    // The SES mailbox simulator accepts and drops these: no person gets a smoke test's mail.
    respondents:
      values.respondents?.split(',') ?? [1, 2, 3].map((n) => `success+smoke${n}@simulator.amazonses.com`),
    mailbox: values.mailbox,
    enrolmentKey: values['enrolment-key'] ?? process.env.ENROLMENT_KEY,
    askForLink: async (contact) => {
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await terminal.question(`Paste the verification link mailed to ${contact}: `)).trim();
      } finally {
        terminal.close();
      }
    },
    timeoutMs: Number(values['timeout-seconds']) * 1000,
    pollMs: Number(values['poll-seconds']) * 1000,
    log,
  };
}

const isMain = process.argv[1]?.endsWith('smoke.ts');
if (isMain) {
  try {
    const result = await runSmoke(smokeOptions(process.argv.slice(2)));
    console.log(
      `smoke test passed: organisation ${result.orgId}, round ${result.roundId}, ${result.invited} invited, ` +
        `${result.answered} answered, ${result.erased} respondents erased. What remains: docs/architecture.md.`,
    );
  } catch (error) {
    const done = error instanceof SmokeFailure ? error.result : undefined;
    console.error(
      `smoke test FAILED: ${(error as Error).message}` +
        (done?.orgId ? ` (organisation ${done.orgId}; ${done.erased} respondents erased)` : ''),
    );
    process.exitCode = 1;
  }
}
