import { fileURLToPath } from 'node:url';
import { LAMBDA_RUNTIME_ENVIRONMENT } from '../../infra/constructs/node-function.js';
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
      LOG_LEVEL: 'info',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    };
    const nodeOptions = LAMBDA_RUNTIME_ENVIRONMENT.NODE_OPTIONS ?? '';
    const start = (bundle: string, extra: Record<string, string>) =>
      runChild<ColdRun>(RUNNER, { bundle, event }, { typescript: false, env: { ...env, ...extra } });
    const startOurs = () => start(ours.outfile, { ...LAMBDA_RUNTIME_ENVIRONMENT, NODE_OPTIONS: nodeOptions });
    const startMinimal = () => start(minimal.outfile, { NODE_OPTIONS: '' });

    const runs = Number(process.env.BENCH_COLD_RUNS) || (QUICK ? 5 : 9);
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
          `${ratio(m(results.ours, 'cpuMs') / m(results.minimal, 'cpuMs'))}`,
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
    await stack.close();
    await services.close();
  }
}
