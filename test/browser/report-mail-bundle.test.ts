import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { bundleLikeCdk } from '../bench/support/bundle.js';
import { startEventBridgeStandIn } from '../support/event-bridge.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

/**
 * The chart as AWS runs it: the tick's entry bundled as CDK bundles it (esbuild, the binary loader embedding
 * resvg's WASM and the font), loaded in a fresh Node process with the Lambda's environment, running a tick
 * that closes a round and sends its report. Nothing in that process can reach node_modules for the WASM.
 */
const run = promisify(execFile);
let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
  const org = await organisationWithOpenRound(stack, 6, { anonymityThreshold: 3, commentThreshold: 3 });
  await runTick(stack.deps);
  const invitations = await sentMail(stack);
  for (const [index, mail] of invitations.entries())
    await org.call('POST', linkIn(mail.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/), {
      json: { rank: [12, 30, 45, 8, 60, 25][index] },
    });
  const closed = await org.call('POST', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/close`, {
    key: org.adminKey,
  });
  if (closed.status !== 200) throw new Error(`close failed: ${closed.text}`);
}, 120_000);
afterAll(() => stack?.close());

describe('the report chart in the built bundles', () => {
  it('renders from the tick bundle in a fresh process: a 2× PNG under 60 KB inline in the report mail', async () => {
    const tick = await bundleLikeCdk('functions/tick/lambda.ts', 'test-report-chart-tick');
    const eventBridge = await startEventBridgeStandIn();
    const script = `const { handler } = await import(${JSON.stringify(tick.outfile)});
      console.log(JSON.stringify(await handler({ 'detail-type': 'Scheduled Event' })));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: '/',
      env: {
        PATH: process.env.PATH,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        TABLE_NAME: stack.config.tableName,
        DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
        SES_ENDPOINT: stack.sesUrl,
        MAIL_FROM: 'pulse@kundpuls.local',
        PUBLIC_URL: stack.config.publicUrl,
        TOKEN_PEPPER: stack.config.tokenPepper,
        AWS_REGION: 'eu-north-1',
        TICK_RULE_NAME: 'kundpuls-test-tick',
        AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridge.url,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        LOG_LEVEL: 'warn',
      },
    });
    const report = (await sentMail(stack)).find((m) => m.subject.startsWith('Rapport'));
    const chart = report?.attachments.find((a) => a.contentType === 'image/png');
    const png = PNG.sync.read(Buffer.from(chart?.content ?? '', 'base64'));

    expect(JSON.parse(stdout.trim().split('\n').at(-1) as string)).toMatchObject({ reports: 1 });
    expect(tick.inputs.has('node_modules/@resvg/resvg-wasm/index_bg.wasm')).toBe(true);
    expect([png.width, png.height]).toEqual([800, 600]);
    expect(chart?.size).toBeLessThan(60_000);
    // The SES emulator stores the HTML with its cid: reference already resolved to a data: URL.
    expect(report?.body.html.includes('width="400" alt="Medianplats för kunden per mätning. ')).toBe(true);
  }, 120_000);

  it('keeps the renderer and the font out of the answer pages, and the WASM out of the API', async () => {
    const answers = await bundleLikeCdk('functions/answers/lambda.ts', 'test-report-chart-answers');
    const api = await bundleLikeCdk('functions/api/lambda.ts', 'test-report-chart-api');
    const chartParts = (inputs: Map<string, number>) =>
      [...inputs.keys()].filter((path) =>
        /resvg|expo-google-fonts|shared\/mail\/(chart|trend-chart)/.test(path),
      );

    expect(chartParts(answers.inputs)).toEqual([]);
    expect(chartParts(api.inputs).filter((path) => /\.(wasm|ttf)$/.test(path))).toEqual([]);
  }, 120_000);
});
