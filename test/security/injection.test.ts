import { describe, expect, it } from 'vitest';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { linkIn, sentMail, stackForFile } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-08-02T08:00:00Z'));
const PAYLOAD = '<img src=x onerror=alert(1)>"\'&';
const file = stackForFile({ overrides: { clock } });

describe('injection', () => {
  it('escapes hostile organisation, segment and answer text in every page, e-mail and CSV', async () => {
    const org = await enrolVerified(file.stack, {
      name: `Org ${PAYLOAD}`,
      anonymityThreshold: 3,
      commentThreshold: 3,
      cadence: 'manual',
    });
    const respondents = ['i1', 'i2', 'i3'].map((n) => ({
      email: `${n}@example.org`,
      department: `Dept ${PAYLOAD}`,
    }));
    await file.call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents },
    });
    const round = (await file.call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey }))
      .json.round;
    await runTick(file.stack.deps);
    const invitations = (await sentMail(file.stack)).filter((m) => m.destination.to[0]?.startsWith('i'));
    const link = linkIn(invitations[0]?.body.text ?? '', /\/r\/[\w.-]+/);
    const page = await file.call('GET', link);
    for (const mail of invitations)
      await file.call('POST', linkIn(mail.body.text, /\/r\/[\w.-]+/), {
        json: {
          rank: 9,
          rankReason: `=HYPERLINK("http://evil") ${PAYLOAD}`,
          raiseIdeas: '@SUM(1+1)',
          consequencesNow: 'a;=1+1',
          consequencesIfRaised: 'x\t@SUM(A1)',
        },
      });
    clock.advanceDays(15);
    await runTick(file.stack.deps);
    const report = (await sentMail(file.stack)).find((m) => m.subject.startsWith('Rapport'));
    const csv = await file.call(
      'GET',
      `/v1/organisations/${org.orgId}/rounds/${round.id}/report?format=csv`,
      {
        key: org.adminKey,
      },
    );

    for (const html of [page.text, invitations[0]?.body.html ?? '', report?.body.html ?? '']) {
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    expect(report?.body.html).toContain('Dept &lt;img');
    expect(csv.text).toContain(`comment,rankReason,,text,"'=HYPERLINK(""http://evil"")`);
    expect(csv.text).toContain("comment,raiseIdeas,,text,'@SUM(1+1)");
    expect(csv.text).not.toMatch(/,=HYPERLINK/);
    // Swedish Excel splits on ';' and a tab separates fields too: the whole cell is neutralised, and quoted.
    expect(csv.text).toContain(`comment,consequencesNow,,text,"'a;=1+1"`);
    expect(csv.text).toContain(`comment,consequencesIfRaised,,text,"'x\t@SUM(A1)"`);
  });

  it('refuses line breaks in anything that reaches a mail header, and angle brackets in customer terms', async () => {
    const attempts = [
      { name: 'Org\r\nBcc: victim@example.org', contactEmail: 'h1@example.org', language: 'en' },
      { name: 'Org', contactEmail: 'h2@example.org\r\nBcc: victim@example.org', language: 'en' },
      {
        name: 'Org',
        contactEmail: 'h3@example.org',
        language: 'en',
        reportRecipients: ['a@example.org\nBcc: b@example.org'],
      },
      {
        name: 'Org',
        contactEmail: 'h4@example.org',
        language: 'en',
        customerTerm: {
          sv: { singular: '<b>', definite: 'x', plural: 'x' },
          en: { singular: 'x', plural: 'x' },
        },
      },
    ];
    for (const body of attempts)
      expect((await file.call('POST', '/v1/organisations', { json: body })).status).toBe(400);
    expect(
      (await sentMail(file.stack)).some((m) => m.destination.to.some((to) => to.includes('victim'))),
    ).toBe(false);
  });
});
