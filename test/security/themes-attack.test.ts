import { describe, expect, it } from 'vitest';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { linkIn, sentMail, stackForFile } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-10-11T08:00:00Z'));
const file = stackForFile({ overrides: { clock } });

/**
 * The attacker (the admin) knows one colleague uses a rare word. The colleague writes it in two questions
 * nobody else answers (each under the comment threshold, so never released): under the old counting (texts,
 * minimum 2) the word showed up as a theme. And four others (k − 1) share a word in a released question: a
 * theme of 4 would be a figure about fewer than k people.
 */
describe('themes attack', () => {
  it('learns nothing: a rare word from suppressed questions, or from fewer than k people, is no theme anywhere', async () => {
    const org = await enrolVerified(file.stack, {
      cadence: 'manual',
      anonymityThreshold: 5,
      commentThreshold: 5,
    });
    const emails = Array.from({ length: 10 }, (_, i) =>
      `t${i}.${org.orgId.slice(4, 9)}@example.org`.toLowerCase(),
    );
    await file.call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents: emails.map((email) => ({ email })) },
    });
    const round = (await file.call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey }))
      .json.round;
    await runTick(file.stack.deps);
    const links = (await sentMail(file.stack))
      .filter((m) => emails.includes(m.destination.to[0] as string))
      .map((m) => linkIn(m.body.text, /\/r\/[\w.-]+/));
    const [target, ...others] = links;
    await file.call('POST', target as string, {
      json: {
        rank: 30,
        raiseIdeas: 'Mer flamingoflykt i vardagen',
        consequencesNow: 'Flamingoflykt överallt',
      },
    });
    for (const [i, link] of others.entries())
      await file.call('POST', link, {
        json: {
          rank: 20 + i,
          rankReason: i < 4 ? 'Ledningen pratar om zebrakaos' : 'Ledningen styr med budget',
        },
      });
    await file.call('POST', `/v1/organisations/${org.orgId}/rounds/${round.id}/close`, { key: org.adminKey });
    await runTick(file.stack.deps);

    const path = `/v1/organisations/${org.orgId}/rounds/${round.id}/report`;
    const report = (await file.call('GET', path, { key: org.adminKey })).json.report;
    const csv = (await file.call('GET', `${path}?format=csv`, { key: org.adminKey })).text;
    const mail = (await sentMail(file.stack)).find(
      (m) => m.subject.startsWith('Rapport') && m.destination.to[0] === org.contactEmail,
    );
    const words = report.themes.map((t: { word: string }) => t.word);
    const everything = [JSON.stringify(report), csv, mail?.body.text ?? '', mail?.body.html ?? ''].join('\n');
    const themeRows = csv.split('\r\n').filter((row) => row.startsWith('theme,'));

    expect(report.commentsSuppressed).toEqual(expect.arrayContaining(['raiseIdeas', 'consequencesNow']));
    expect(words).toContain('ledningen');
    expect(everything).not.toMatch(/flamingoflykt/i);
    expect(words.join(' ')).not.toMatch(/zebrakaos/i);
    expect(themeRows.join('\n')).not.toMatch(/zebrakaos/i);
    expect(themeRows.length).toBe(report.themes.length);
    for (const theme of report.themes) expect(theme.mentions).toBeGreaterThanOrEqual(5);
  });
});
