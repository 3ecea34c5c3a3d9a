import { fileURLToPath } from 'node:url';
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
  status: number;
}

/**
 * Row 1. The API Lambda bundled as CDK bundles it, started in fresh Node processes that answer one answer-page
 * request for a real link, against a minimal Hono Lambda making the same read with the same client.
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
    // As the function runs on AWS: its configuration in the environment, source maps on, logs at info.
    const env = {
      ...stack.env,
      LOG_LEVEL: 'info',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    };
    const start = (bundle: string) =>
      runChild<ColdRun>(
        RUNNER,
        { bundle, event },
        { typescript: false, env, nodeFlags: ['--enable-source-maps'] },
      );

    const runs = QUICK ? 5 : 9;
    const results = { ours: [] as ColdRun[], minimal: [] as ColdRun[] };
    await start(ours.outfile); // the first read of each file from disk is not a cold start Lambda would see
    await start(minimal.outfile);
    for (let i = 0; i < runs; i++) {
      // Interleaved, so drift on this machine hits both alike.
      results.ours.push(await start(ours.outfile));
      results.minimal.push(await start(minimal.outfile));
    }
    for (const run of [...results.ours, ...results.minimal])
      if (run.status !== 200) throw new Error(`cold start answered ${run.status}`);
    const m = (list: ColdRun[], key: keyof ColdRun) => median(list.map((r) => r[key]));
    const r = m(results.ours, 'totalMs') / m(results.minimal, 'totalMs');
    return [
      {
        n: 1,
        what: `Cold start: import + first GET /r/{token} (median of ${runs} fresh processes)`,
        figure: `ours ${ms(m(results.ours, 'totalMs'))} vs minimal ${ms(m(results.minimal, 'totalMs'))} = ${ratio(r)}`,
        target: '≤ 1.30× minimal Hono Lambda',
        ok: r <= 1.3,
      },
      {
        n: 1,
        what: 'Cold start: bundle size · import · first request',
        figure:
          `ours ${kb(ours.bytes)} · ${ms(m(results.ours, 'importMs'))} · ${ms(m(results.ours, 'firstRequestMs'))}; ` +
          `minimal ${kb(minimal.bytes)} · ${ms(m(results.minimal, 'importMs'))} · ${ms(m(results.minimal, 'firstRequestMs'))} ` +
          `(Node boot ${ms(m(results.ours, 'bootMs'))}, not counted)`,
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
