import { describe, expect, it } from 'vitest';
import { resolveAnswerLink } from '../../../shared/answers/answer-link.js';
import { submitAnswer } from '../../../shared/answers/submit-answer.js';
import { unsubscribe } from '../../../shared/answers/unsubscribe.js';
import { readRoundComments, readRoundReport, readTrend } from '../../../shared/reports/read-reports.js';
import { closeRoundEarly } from '../../../shared/rounds/close-round.js';
import { openRound } from '../../../shared/rounds/open-round.js';
import { runTick } from '../../../shared/tick/run-tick.js';
import { manualClock } from '../../support/clock.js';
import { createMemoryDeps } from '../../support/memory-deps.js';
import { invitedRound, verifiedOrganisation } from './setup.js';

const CLIENT = '203.0.113.7';

describe('a round on the memory adapters, use case by use case', () => {
  it('opens one round at a time for a verified organisation', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);

    // Act
    const round = await openRound(deps, org.orgId);
    const second = openRound(deps, org.orgId);

    // Assess
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    expect(round.orgId).toBe(org.orgId);
    expect((await deps.organisations.get(org.orgId))?.openRoundId).toBe(round.id);
  });

  it('invites each respondent once, however often the tick runs', async () => {
    // Prepare
    const { deps, links } = await invitedRound(6);

    // Act
    await runTick(deps);

    // Assess
    expect(links).toHaveLength(6);
    expect(new Set(links).size).toBe(6);
    expect(deps.mailer.sent.filter((mail) => mail.purpose === 'invite')).toEqual([]);
  });

  it('stores an answer through the link and replaces it when the respondent answers again', async () => {
    // Prepare
    const { deps, round, links } = await invitedRound(4);
    const link = await resolveAnswerLink(deps, links[0] as string, CLIENT);

    // Act
    await submitAnswer(deps, link, { rank: 40 });
    await submitAnswer(deps, link, { rank: 12, raiseIdeas: 'Fråga brukarna' });

    // Assess
    const { items: answers } = await deps.answers.page(round.id, undefined, 100);
    expect(answers.map((answer) => answer.rank)).toEqual([12]);
    expect(answers[0]?.texts).toEqual({ raiseIdeas: 'Fråga brukarna' });
  });

  it('refuses an unknown link as not found and counts the failed guess', async () => {
    // Prepare
    const { deps, links } = await invitedRound(3);
    const tampered = `${(links[0] as string).slice(0, -2)}xx`;

    // Act
    const refused = resolveAnswerLink(deps, tampered, CLIENT);

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'not_found' });
  });

  it('unsubscribes a respondent from the organisation: no reminder reaches them', async () => {
    // Prepare
    const clock = manualClock(Date.parse('2027-01-11T08:00:00Z'));
    const { deps, links } = await invitedRound(3, createMemoryDeps({ clock }));
    const link = await resolveAnswerLink(deps, links[0] as string, CLIENT);

    // Act
    await unsubscribe(deps, link);
    clock.advanceDays(5);
    await runTick(deps);

    // Assess
    const reminded = deps.mailer.sent.filter((mail) => mail.purpose === 'reminder1').map((mail) => mail.to);
    expect(reminded).toHaveLength(2);
    expect(await deps.suppressions.unsubscribedAmong(link.token.orgId, [link.token.respondentKey])).toEqual(
      new Set([link.token.respondentKey]),
    );
  });

  it('closes a round early, stores its figures and mails the report once', async () => {
    // Prepare
    const { deps, org, round, links } = await invitedRound(4);
    for (const [index, token] of links.entries())
      await submitAnswer(deps, await resolveAnswerLink(deps, token, CLIENT), {
        rank: 10 + index,
        rankReason: `Skäl ${index}`,
      });

    // Act
    await closeRoundEarly(deps, org.orgId, round.id);
    await runTick(deps);
    await runTick(deps);

    // Assess
    const report = await readRoundReport(deps, org.orgId, round.id);
    expect(report).toMatchObject({ status: 'closed', answered: 4, invited: 4, suppressed: false });
    expect(report.rank?.median).toBe(11.5);
    expect(deps.mailer.sent.filter((mail) => mail.purpose === 'report')).toHaveLength(1);
    expect((await readRoundComments(deps, org.orgId, round.id)).comments.rankReason).toHaveLength(4);
    expect((await readTrend(deps, org.orgId)).series.map((point) => point.roundId)).toEqual([round.id]);
  });

  it('sends the admin one progress mail once the first reminder is due', async () => {
    // Prepare
    const clock = manualClock(Date.parse('2027-01-11T08:00:00Z'));
    const { deps } = await invitedRound(3, createMemoryDeps({ clock }));

    // Act
    clock.advanceDays(5);
    await runTick(deps);
    await runTick(deps);

    // Assess
    const progress = deps.mailer.sent.filter((mail) => mail.purpose === 'progress');
    expect(progress.map((mail) => mail.to)).toEqual(['admin@example.org']);
    expect(progress[0]?.text).toContain('0 av 3');
  });
});
