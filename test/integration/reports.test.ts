import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { composeMime, createSesMailer } from '../../shared/adapters/ses/ses-mailer.js';
import type { OutgoingMail } from '../../shared/mail/ports.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { apiClient, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-04-01T08:00:00Z'));
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let analystKey: string;
const captured: OutgoingMail[] = [];

async function answerAll(ranks: (number | 'dont-know')[]) {
  const mails = (await sentMail(stack)).filter(
    (m) => !m.subject.startsWith('Påminnelse') && m.destination.to[0]?.startsWith('p'),
  );
  for (const [index, rank] of ranks.entries()) {
    const link = linkIn(mails[index]?.body.text ?? '', /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);
    await org.call('POST', link, {
      json: {
        rank,
        rankReason: index % 2 ? 'Budgeten styr före =kunden' : 'Vi mäter kostnader, inte kundnytta',
        raiseIdeas: '<script>alert(1)</script>',
      },
    });
  }
}

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, 12, { anonymityThreshold: 3, commentThreshold: 3 });
  analystKey = (
    await org.call('POST', `/v1/organisations/${org.orgId}/keys`, {
      key: org.adminKey,
      json: { role: 'analyst' },
    })
  ).json.key;
  await runTick(stack.deps);
  await answerAll([5, 12, 40, 8, 'dont-know', 20, 3, 60]);
});
afterAll(() => stack.close());

describe('reports', () => {
  it('shows only counts while the round is open, every figure withheld until the close', async () => {
    const live = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, {
      key: analystKey,
    });
    expect(live.json.report).toMatchObject({ status: 'open', answered: 8, invited: 12, rank: null });
    expect(live.json.report.withheld).toMatchObject({ rank: 'round-open', comments: 'round-open' });
  });

  it('stores the figures and sends the report mail exactly once, even when the tick reruns after a failure', async () => {
    clock.advanceDays(15);
    const failing = new SESClient({
      region: 'eu-north-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    mockClient(failing)
      .on(SendRawEmailCommand)
      .rejects(Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' }));
    const brokenMailer = createSesMailer(failing, { region: 'eu-north-1', from: 'pulse@kundpuls.local' });
    const capture = {
      send: async (mail: OutgoingMail) => {
        captured.push(mail);
        return stack.deps.mailer.send(mail);
      },
    };

    await runTick({ ...stack.deps, mailer: brokenMailer });
    await runTick({ ...stack.deps, mailer: capture });
    await runTick({ ...stack.deps, mailer: capture });
    await Promise.all([runTick(stack.deps), runTick(stack.deps)]);

    const reports = (await sentMail(stack)).filter((m) => m.subject.startsWith('Rapport'));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.destination.to).toEqual([org.contactEmail]);
    expect(reports[0]?.attachments[0]?.contentType).toBe('image/png');
  });

  it('builds the report mail as HTML, text and an inline PNG the HTML refers to, all content escaped', async () => {
    const mail = captured.find((m) => m.purpose === 'report') as OutgoingMail;
    const parsed = await simpleParser(await composeMime('pulse@example.org', mail), { keepCidLinks: true });
    const image = parsed.attachments[0];

    expect(parsed.text).toContain('Median för kundens plats: 12');
    expect(parsed.html).toContain(`cid:${image?.cid}`);
    expect(image?.contentType).toBe('image/png');
    expect(image?.content.subarray(1, 4).toString()).toBe('PNG');
    expect(parsed.html).not.toContain('<script>');
  });

  it('serves the stored report as JSON to admin and analyst keys', async () => {
    const admin = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, {
      key: org.adminKey,
    });
    const analyst = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, {
      key: analystKey,
    });
    const report = analyst.json.report;

    expect(admin.json).toEqual(analyst.json);
    expect(report).toMatchObject({
      status: 'closed',
      answered: 8,
      invited: 12,
      responseRate: 0.667,
      suppressed: false,
    });
    expect(report.rank).toMatchObject({
      known: 7,
      median: 12,
      q1: 6.5,
      q3: 30,
      dontKnowShare: 0.125,
      top10Share: 0.375,
    });
    expect(report.rank.ci95).toEqual([3, 60]);
    expect(report.comments.raiseIdeas).toHaveLength(8);
    expect(Object.keys(report)).not.toContain('orgId');
  });

  it('serves CSV with formula cells neutralised', async () => {
    const csv = await org.call(
      'GET',
      `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report?format=csv`,
      { key: analystKey },
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('section,dimension,group,metric,value');
    expect(csv.text).toContain('rank,,,median,12');
    expect(csv.text).toContain('comment,rankReason,,text,Budgeten styr före =kunden');
    expect(csv.text).toContain(`comment,raiseIdeas,,text,<script>alert(1)</script>`);
  });

  it('serves the trend with the national reference and the goal, as JSON and CSV', async () => {
    const trend = await org.call('GET', `/v1/organisations/${org.orgId}/report`, { key: analystKey });
    const csv = await org.call('GET', `/v1/organisations/${org.orgId}/report?format=csv`, {
      key: analystKey,
    });

    expect(trend.json.report.series).toHaveLength(1);
    expect(trend.json.report.series[0]).toMatchObject({ roundId: org.roundId, median: 12 });
    expect(trend.json.report.goal.place).toBe(10);
    expect(trend.json.report.reference.series).toContainEqual({ year: 2014, place: 57 });
    expect(trend.json.report.benchmark).toBeNull();
    expect(csv.text.split('\r\n')[1]).toContain(`${org.roundId},`);
  });

  it('refuses reports to keys of other organisations and to no key', async () => {
    const other = await apiClient(stack)('POST', '/v1/organisations', {
      json: { name: 'Other', contactEmail: 'o@example.org', language: 'en' },
    });
    const foreign = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}/report`, {
      key: other.json.adminKey,
    });
    const none = await org.call('GET', `/v1/organisations/${org.orgId}/report`);
    expect(foreign.status).toBe(403);
    expect(none.status).toBe(401);
  });
});
