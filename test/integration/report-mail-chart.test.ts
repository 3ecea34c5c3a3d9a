import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import type { ChartRenderer } from '../../shared/mail/chart-png.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

/** A round of three answers, closed, with two report recipients; the next tick sends the reports. */
async function closedRound() {
  const recipients = [`a${Date.now()}@example.org`, `b${Date.now()}@example.org`];
  const org = await organisationWithOpenRound(stack, 3, {
    anonymityThreshold: 3,
    commentThreshold: 3,
    reportRecipients: recipients,
  });
  await runTick(stack.deps);
  for (const [index, mail] of (await sentMail(stack)).entries())
    await org.call('POST', linkIn(mail.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/), {
      json: { rank: [12, 30, 45][index] },
    });
  await org.call('POST', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/close`, { key: org.adminKey });
  await clearMail(stack);
  return recipients;
}

describe('the report chart as the tick sends it', () => {
  it('is rendered once for all recipients of a round', async () => {
    const recipients = await closedRound();
    let renders = 0;
    const counting: ChartRenderer = {
      png: (svg) => {
        renders++;
        return stack.deps.charts.png(svg);
      },
    };

    await runTick({ ...stack.deps, charts: counting });
    const reports = (await sentMail(stack)).filter((m) => m.subject.startsWith('Rapport'));

    expect(reports.map((m) => m.destination.to[0]).sort()).toEqual(recipients.sort());
    expect(reports.map((m) => m.attachments[0]?.contentType)).toEqual(['image/png', 'image/png']);
    expect(renders).toBe(1);
  });

  it('sends the report without the chart when the chart cannot be rendered', async () => {
    await closedRound();
    const broken: ChartRenderer = { png: () => Promise.reject(new Error('WASM failed')) };

    const stats = await runTick({ ...stack.deps, charts: broken });
    const reports = (await sentMail(stack)).filter((m) => m.subject.startsWith('Rapport'));

    expect(stats.reports).toBe(2);
    expect(reports.map((m) => m.attachments.length)).toEqual([0, 0]);
    expect(reports[0]?.body.text).toContain('Median för kundens plats: 30');
    expect(reports[0]?.body.html).not.toContain('<img');
  });
});
