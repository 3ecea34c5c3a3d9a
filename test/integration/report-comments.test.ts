import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { COMMENTS_IN_REPORT } from '../../shared/reports/round-report.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-04-01T08:00:00Z'));
const ANSWERS = COMMENTS_IN_REPORT + 6;
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
const base = () => `/v1/organisations/${org.orgId}/rounds/${org.roundId}`;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, ANSWERS, { anonymityThreshold: 3, commentThreshold: 3 });
  await runTick(stack.deps);
  const mails = (await sentMail(stack)).filter((m) => m.destination.to[0]?.startsWith('p'));
  for (const [index, mail] of mails.entries()) {
    const link = linkIn(mail.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);
    await org.call('POST', link, {
      json: {
        rank: 10 + index,
        rankReason: `Skäl nummer ${index}`,
        // Only two people wrote here: under the comment threshold, never shown.
        ...(index < 2 ? { raiseIdeas: `Idé ${index}` } : {}),
      },
    });
  }
});
afterAll(() => stack.close());

describe('comments apart from the report', () => {
  const expectAllComments = (comments: Record<string, string[]>) => {
    expect(Object.keys(comments)).toEqual(['rankReason']);
    expect([...(comments.rankReason ?? [])].sort()).toEqual(
      Array.from({ length: ANSWERS }, (_, i) => `Skäl nummer ${i}`).sort(),
    );
  };

  it('shows no comment while the round is open, in the report or at /comments', async () => {
    const live = await org.call('GET', `${base()}/report`, { key: org.adminKey });
    const comments = await org.call('GET', `${base()}/comments`, { key: org.adminKey });

    // Issue 12: a comment read before and after one person answers would be theirs.
    expect(live.json.report.comments).toEqual({});
    expect(live.json.report.withheld.comments).toBe('round-open');
    expect(comments.json).toEqual({ comments: {}, withheld: { comments: 'round-open' } });
  });

  it('keeps the same page, counts and full sample once the round is closed and stored', async () => {
    clock.advanceDays(15);
    await runTick(stack.deps);
    await runTick(stack.deps);
    const stored = await stack.deps.reports.get(org.orgId, org.roundId);
    const report = await org.call('GET', `${base()}/report`, { key: org.adminKey });
    const comments = await org.call('GET', `${base()}/comments`, { key: org.adminKey });
    const csv = await org.call('GET', `${base()}/report?format=csv`, { key: org.adminKey });

    expect(stored?.comments.rankReason).toHaveLength(COMMENTS_IN_REPORT);
    expect(report.json.report).toMatchObject({ status: 'closed', commentCounts: { rankReason: ANSWERS } });
    expect(report.json.report.comments.rankReason).toHaveLength(COMMENTS_IN_REPORT);
    expectAllComments(comments.json.comments);
    expect(csv.text.match(/^comment,rankReason,/gm)).toHaveLength(ANSWERS);
    expect(csv.text).not.toContain('Idé');
  });

  it('stores comments too long for one item in chunks, and a rerun replaces them whole', async () => {
    const base = await stack.deps.reports.get(org.orgId, org.roundId);
    if (!base) throw new Error('no stored report');
    // 100 comments of 2,000 two-byte characters: 400 KB, over DynamoDB's item limit in one item.
    const long = Array.from({ length: 100 }, (_, i) => `${i}:${'ö'.repeat(1_995)}`);
    const report = { ...base, roundId: 'rnd_long', computedAt: '2027-04-20T00:00:00.000Z' };
    await stack.deps.reports.put(report, { rankReason: long, raiseIdeas: ['kort'] });
    const first = await stack.deps.reports.getComments(org.orgId, 'rnd_long');
    await stack.deps.reports.put(
      { ...report, computedAt: '2027-04-21T00:00:00.000Z' },
      { rankReason: ['ny'] },
    );
    const rerun = await stack.deps.reports.getComments(org.orgId, 'rnd_long');

    expect(first?.rankReason).toEqual(long);
    expect(first?.raiseIdeas).toEqual(['kort']);
    expect(rerun).toEqual({ rankReason: ['ny'] });
  });

  it('answers 404 for a round that does not exist', async () => {
    const missing = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/rnd_nope/comments`, {
      key: org.adminKey,
    });
    expect(missing.status).toBe(404);
  });
});
