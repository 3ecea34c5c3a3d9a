import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAMBDA_RUNTIME_ENVIRONMENT } from '../../infra/constructs/node-function.js';
import type { AwsCall } from '../rehearsal/support/iam.js';
import { type StandIn, startParametersExtension } from '../rehearsal/support/stand-ins.js';
import { freePort } from '../support/free-port.js';
import { httpApiEvent } from '../support/lambda-events.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { startBenchStack } from './support/bench-stack.js';
import { bundleLikeCdk } from './support/bundle.js';
import { runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { mintLinks } from './support/seed.js';
import { startServices } from './support/services.js';
import { kb, median, ms, QUICK, ratio } from './support/stats.js';

const RUNNER = fileURLToPath(new URL('./fixtures/cold-runner.mjs', import.meta.url));
/**
 * Each cold start on one core, as on Lambda: at 1,024 MB a function has 0.58 of a vCPU, so V8's background
 * compile and GC threads take turns with the main thread instead of running beside it on a second core.
 */
const PINNED = process.env.BENCH_COLD_PINNED === '0' ? undefined : ['taskset', '-c', '1'];
const EMPTY = fileURLToPath(new URL('./fixtures/empty-lambda.mjs', import.meta.url));

/**
 * Main-thread instructions of one cold start under callgrind (`BENCH_COLD_CALLGRIND=1`, needs valgrind): the
 * same count on a loaded machine as on an idle one, so a cut can be judged while other work runs (decision 117).
 */
async function mainThreadInstructions(run: (launcher: string[]) => Promise<unknown>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kundpuls-callgrind-'));
  try {
    await run(['valgrind', '--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${dir}/cg`]);
    const main = readdirSync(dir).find((file) => file.endsWith('-01'));
    const totals = /^(?:summary|totals): (\d+)/m.exec(readFileSync(join(dir, main ?? 'none'), 'utf8'));
    if (!totals) throw new Error('callgrind wrote no totals');
    return Number(totals[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ColdRun {
  bootMs: number;
  importMs: number;
  firstRequestMs: number;
  totalMs: number;
  cpuMs: number;
  status: number;
}

/**
 * Row 1, as deployed: the answer-pages Lambda bundled as CDK bundles it and started with the template's own
 * NODE_OPTIONS, in fresh Node 24 processes that answer one answer-page request for a real link, against a
 * minimal Hono Lambda making the same read with the same client and no runtime flags.
 */
export async function coldStart(): Promise<Row[]> {
  const services = await startServices();
  const stack = await startBenchStack(services);
  let extension: StandIn | undefined;
  try {
    const org = await organisationWithOpenRound(stack, 3);
    const [token] = await mintLinks(stack, org.orgId, org.roundId);
    if (!token) throw new Error('no answer link was mailed');
    const [ours, minimal] = await Promise.all([
      bundleLikeCdk('functions/answers/lambda.ts', 'answers'),
      bundleLikeCdk('test/bench/fixtures/minimal-lambda.ts', 'minimal'),
    ]);
    const event = httpApiEvent('GET', `/r/${token}`);
    // As the function runs on AWS: its configuration in the environment with what the template adds to every
    // function (NODE_OPTIONS among it, if any), logs at info. The minimal Lambda gets no runtime flags at all.
    const env = {
      ...stack.env,
      // By name, as on AWS: both Lambdas resolve DynamoDB's host before their first request.
      DYNAMODB_ENDPOINT: services.dynamoEndpoint.replace('127.0.0.1', 'localhost'),
      LOG_LEVEL: 'info',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    };
    const nodeOptions = LAMBDA_RUNTIME_ENVIRONMENT.NODE_OPTIONS ?? '';
    const start = (bundle: string, extra: Record<string, string>, launcher?: string[]) =>
      runChild<ColdRun>(
        RUNNER,
        { bundle, event },
        {
          typescript: false,
          env: extra,
          launcher: launcher ?? PINNED,
          nodeFlags: launcher ? ['--single-threaded'] : [],
        },
      );
    // As deployed, ours has the Parameters and Secrets extension (a stand-in here, another process as on Lambda)
    // for the pepper, which the GET of a link never reads (decision 136): the stand-in counts what it is asked.
    const { TOKEN_PEPPER: pepper, ...withoutPepper } = env as typeof env & { TOKEN_PEPPER: string };
    const parameter = '/kundpuls/bench/token-pepper';
    const extensionPort = await freePort();
    const pepperReads: AwsCall[] = [];
    extension = await startParametersExtension(
      extensionPort,
      'eu-north-1',
      new Map([['bench-session', 'answers']]),
      new Map([[parameter, pepper]]),
      pepperReads,
    );
    const oursEnv = {
      ...withoutPepper,
      ...LAMBDA_RUNTIME_ENVIRONMENT,
      NODE_OPTIONS: nodeOptions,
      TOKEN_PEPPER_PARAMETER: parameter,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extensionPort),
      AWS_SESSION_TOKEN: 'bench-session',
    };
    const minimalEnv = { ...env, NODE_OPTIONS: '' };
    const startOurs = () => start(ours.outfile, oursEnv);
    const startMinimal = () => start(minimal.outfile, minimalEnv);
    if (process.env.BENCH_COLD_CALLGRIND) {
      const count = (bundle: string, bundleEnv: Record<string, string>) =>
        mainThreadInstructions((launcher) => start(bundle, bundleEnv, launcher));
      // `ours` counts only ours (while trying a cut); anything else counts the floor and the minimal too.
      const alone = process.env.BENCH_COLD_CALLGRIND === 'ours';
      const o = await count(ours.outfile, oursEnv);
      const [boot, m] = alone
        ? [0, 0]
        : [await count(EMPTY, minimalEnv), await count(minimal.outfile, minimalEnv)];
      const millions = (n: number) => (n / 1e6).toFixed(1);
      process.stderr.write(
        alone
          ? `cold start instructions (main thread): ours ${millions(o)} M\n`
          : `cold start instructions (main thread, millions): boot ${millions(boot)}, ours ${millions(o)}, minimal ${millions(m)}: ${(o / m).toFixed(3)}× in all, ${((o - boot) / (m - boot)).toFixed(3)}× above boot\n`,
      );
    }

    const runs = Number(process.env.BENCH_COLD_RUNS) || (QUICK ? 7 : 21);
    const results = { ours: [] as ColdRun[], minimal: [] as ColdRun[] };
    await startOurs(); // the first read of each file from disk is not a cold start Lambda would see
    await startMinimal();
    for (let i = 0; i < runs; i++) {
      // Interleaved, so drift on this machine hits both alike.
      results.ours.push(await startOurs());
      results.minimal.push(await startMinimal());
    }
    for (const run of [...results.ours, ...results.minimal])
      if (run.status !== 200) throw new Error(`cold start answered ${run.status}`);
    const m = (list: ColdRun[], key: keyof ColdRun) => median(list.map((r) => r[key]));
    const r = m(results.ours, 'totalMs') / m(results.minimal, 'totalMs');
    return [
      {
        n: 1,
        what: `Cold start as deployed: answer pages with NODE_OPTIONS="${nodeOptions}", import + first GET /r/{token} (median of ${runs} fresh Node ${process.versions.node.split('.')[0]} processes)`,
        figure: `ours ${ms(m(results.ours, 'totalMs'))} vs minimal ${ms(m(results.minimal, 'totalMs'))} = ${ratio(r)}`,
        target: '≤ 1.20× minimal Hono Lambda without flags',
        ok: r <= 1.2,
      },
      {
        n: 1,
        what: 'Cold start: bundle size · import · first request',
        figure:
          `ours ${kb(ours.bytes)} · ${ms(m(results.ours, 'importMs'))} · ${ms(m(results.ours, 'firstRequestMs'))}; ` +
          `minimal ${kb(minimal.bytes)} · ${ms(m(results.minimal, 'importMs'))} · ${ms(m(results.minimal, 'firstRequestMs'))} ` +
          `(Node boot ${ms(m(results.ours, 'bootMs'))}, not counted); CPU time of the whole process ours ` +
          `${ms(m(results.ours, 'cpuMs'))} vs minimal ${ms(m(results.minimal, 'cpuMs'))} = ` +
          `${ratio(m(results.ours, 'cpuMs') / m(results.minimal, 'cpuMs'))}; pepper reads from the extension ` +
          `${pepperReads.length} in ${results.ours.length + 1} cold starts`,
        target: 'printed',
      },
      {
        n: 1,
        what: 'Cold start: largest parts of our bundle',
        figure: ours.largest.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', '),
        target: 'printed',
      },
    ];
  } finally {
    await extension?.close();
    await stack.close();
    await services.close();
  }
}
