import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersEnvSchema } from '../../shared/settings/answers.js';
import { refusedCalls, unusedGrants } from './support/iam.js';
import { type Rehearsal, SMS_ORIGINATION_IDENTITY, startRehearsal } from './support/rehearsal.js';
import { compareWithTemplate, requiredKeys, SCHEMAS } from './support/settings.js';

// A whole round through the synthesised app: each function from its own bundle, in its own process, with its
// template's environment (docs/architecture.md, "Rehearsal and smoke test").
const DAY_MS = 86_400_000;
let rehearsal: Rehearsal;
const people = Array.from({ length: 6 }, (_, i) => ({
  email: `person${i + 1}@example.org`,
  department: i % 2 ? 'Care' : 'Staff',
}));
/** Staff without work e-mail, with a mobile: invited and reminded by SMS. */
const texter = { employeeId: 'CARE-7', mobile: '+46700000007', department: 'Care' };
const admin = 'admin@example.org';
let org: { id: string; adminKey: string };
let roundId: string;
/** Each person's invitation link to the first round. */
const invitationLinks = new Map<string, string>();
const linkOf = (text: string) => /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/.exec(text)?.[0] as string;

interface Mail {
  destination: { to: string[] };
  subject: string;
  body: { text: string; html: string };
  attachments: { contentType: string; filename: string; size: number }[];
}
async function mailbox(): Promise<Mail[]> {
  return ((await (await fetch(`${rehearsal.sesUrl}/store`)).json()) as { emails: Mail[] }).emails;
}
const mailsTo = async (address: string) =>
  (await mailbox()).filter((mail) => mail.destination.to.includes(address));
async function clearMailbox() {
  await fetch(`${rehearsal.sesUrl}/clear-store`, { method: 'POST' });
}

async function call(
  method: string,
  path: string,
  options: { key?: string; json?: unknown; form?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(`${rehearsal.url}${path}`, {
    method,
    headers,
    body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, json: () => JSON.parse(text) };
}

/** The answer pages' last log lines: where `Invalid environment: MAIL_FROM` showed when the bug was there. */
const answerPagesLog = () => {
  const id = rehearsal.routes.find((route) => route.routeKey.startsWith('GET /r/'))?.functionId as string;
  return rehearsal.functions.get(id)?.process.output.slice(-3).join('\n');
};

beforeAll(async () => {
  rehearsal = await startRehearsal();
  const { synthMs, startMs } = rehearsal.timings;
  console.info(
    `rehearsal: synth ${Math.round(synthMs)} ms, stand-ins and functions up ${Math.round(startMs)} ms`,
  );
  // Synthesis and bundling take ~25 s of CPU; on a loaded machine the wall time is several times that.
}, 300_000);
afterAll(() => rehearsal?.close());

describe('a round through the deployed system, rehearsed', () => {
  it('enrols an organisation, whose contact verifies it through the page and its button', async () => {
    const created = await call('POST', '/v1/organisations', {
      json: {
        name: 'Rehearsal',
        contactEmail: admin,
        language: 'en',
        anonymityThreshold: 3,
        commentThreshold: 3,
      },
    });
    expect(created.status).toBe(201);
    org = { id: created.json().organisation.id, adminKey: created.json().adminKey };

    const [mail] = await mailsTo(admin);
    const link = /\/verify\/[\w-]+/.exec(mail?.body.text ?? '')?.[0] as string;
    expect(mail?.body.text).toContain(`${rehearsal.url}${link}`);
    const page = await call('GET', link);
    const verified = await call('POST', link);

    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect(verified.status).toBe(200);
  });

  it('imports the respondents and opens a round, which wakes the tick’s rule', async () => {
    const imported = await call('PUT', `/v1/organisations/${org.id}/respondents`, {
      key: org.adminKey,
      json: { respondents: [...people, texter] },
    });
    const opened = await call('POST', `/v1/organisations/${org.id}/rounds`, { key: org.adminKey });

    expect(imported.json()).toMatchObject({ created: 7 });
    expect(opened.status).toBe(201);
    roundId = opened.json().round.id;
    expect(rehearsal.rules.get(rehearsal.ruleName)).toMatchObject({
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
    });
  });

  it('invites everyone when the rule fires the tick', async () => {
    await clearMailbox();
    const result = await rehearsal.tick();
    const mails = await mailbox();
    for (const mail of mails) invitationLinks.set(mail.destination.to[0] as string, linkOf(mail.body.text));
    const invited = mails.map((mail) => mail.destination.to[0]);

    expect(result.sent).toBe(7);
    expect(invited.sort()).toEqual(people.map((p) => p.email).sort());
  });

  it('texts the one without e-mail a personal link from the stage’s identity, who answers through it', async () => {
    const [text, ...more] = rehearsal.texts;
    const answered = await call('POST', linkOf(text?.body ?? ''), { form: 'rank=20' });

    expect(more).toEqual([]);
    expect(text).toMatchObject({
      to: texter.mobile,
      messageType: 'TRANSACTIONAL',
      originationIdentity: SMS_ORIGINATION_IDENTITY,
      configurationSet: 'kundpuls-dev-sms',
    });
    expect(answered.status, answerPagesLog()).toBe(200);
  });

  it('takes every answer but one through the answer pages, and serves their assets', async () => {
    const css = await call('GET', '/assets/kundpuls.css');
    for (const person of people.slice(0, 5)) {
      const link = invitationLinks.get(person.email) as string;
      const form = await call('GET', link);
      const answered = await call('POST', link, { form: 'rank=12&rankReason=We+talk+about+them+weekly' });
      expect([form.status, answered.status], answerPagesLog()).toEqual([200, 200]);
      expect(answered.text).toContain('Thank you for answering');
    }

    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(rehearsal.served.filter((s) => s.startsWith('GET /r/')).length).toBe(5);
    expect(
      new Set(
        rehearsal.served.filter((s) => /^(GET|POST) \/(r|assets)\//.test(s)).map((s) => s.split(' ')[2]),
      ).size,
    ).toBe(1);
  });

  it('reminds the one who has not answered five days on, who then answers from the reminder', async () => {
    await clearMailbox();
    rehearsal.clock.offsetMs = 5 * DAY_MS;
    await rehearsal.tick();
    const mails = await mailbox();
    const reminders = mails.filter((mail) => mail.destination.to[0] !== admin);
    const reminder = reminders[0];
    const answered = await call('POST', linkOf(reminder?.body.text ?? ''), { json: { rank: 30 } });
    const view = await call('GET', `/v1/organisations/${org.id}/rounds/${roundId}`, { key: org.adminKey });

    expect(reminders.map((mail) => mail.destination.to[0])).toEqual([people[5]?.email]);
    expect(mails.filter((mail) => mail.destination.to[0] === admin)).toHaveLength(1);
    expect(answered.json()).toEqual({ stored: true });
    expect(view.json().round).toMatchObject({ invited: 7, answered: 7 });
    expect(rehearsal.texts).toHaveLength(1);
  });

  it('unsubscribes with one click (RFC 8058)', async () => {
    const link = invitationLinks.get(people[2]?.email as string);
    const response = await call('POST', `${link}/unsubscribe`, { form: 'List-Unsubscribe=One-Click' });

    expect(response.status).toBe(200);
    expect(response.text).toContain('You are unsubscribed');
  });

  it('closes the round, and the next tick mails the report with its chart', async () => {
    const closed = await call('POST', `/v1/organisations/${org.id}/rounds/${roundId}/close`, {
      key: org.adminKey,
    });
    await clearMailbox();
    await rehearsal.tick();
    const [report] = await mailsTo(admin);

    expect(closed.status).toBe(200);
    expect(report?.attachments).toEqual([
      expect.objectContaining({ filename: 'trend.png', contentType: 'image/png' }),
    ]);
    expect(report?.attachments[0]?.size).toBeGreaterThan(1000);
    // aws-ses-v2-local's parser inlines the `cid:` image as a data URL.
    expect(report?.body.html).toMatch(/<img src="(cid:trend-chart|data:image\/png;base64,)/);
  });

  it('gives an analyst key the report as JSON and as CSV', async () => {
    const key = await call('POST', `/v1/organisations/${org.id}/keys`, {
      key: org.adminKey,
      json: { role: 'analyst' },
    });
    const analyst = key.json().key as string;
    const json = await call('GET', `/v1/organisations/${org.id}/rounds/${roundId}/report`, { key: analyst });
    const csv = await call('GET', `/v1/organisations/${org.id}/rounds/${roundId}/report?format=csv`, {
      key: analyst,
    });

    expect(key.status).toBe(201);
    expect(json.status).toBe(200);
    expect(json.json().report).toMatchObject({ invited: 7, answered: 7, suppressed: false });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\n').length).toBeGreaterThan(1);
  });

  it('keeps a bounced and a complaining address out of the next round, and the unsubscribed one', async () => {
    const mail = { timestamp: new Date().toISOString(), source: 'pulse@kundpuls.example', messageId: 'm-1' };
    // The identity's own notification (notificationType) and the configuration set's event (eventType).
    const bounce = await rehearsal.notify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: people[0]?.email, action: 'failed', status: '5.1.1' }],
        timestamp: mail.timestamp,
        feedbackId: 'f-1',
      },
      mail: { ...mail, destination: [people[0]?.email] },
    });
    const complaint = await rehearsal.notify({
      eventType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: people[1]?.email }],
        timestamp: mail.timestamp,
        feedbackId: 'f-2',
        complaintFeedbackType: 'abuse',
      },
      mail: { ...mail, destination: [people[1]?.email] },
    });
    const opened = await call('POST', `/v1/organisations/${org.id}/rounds`, { key: org.adminKey });
    await clearMailbox();
    await rehearsal.tick();
    const invited = (await mailbox()).map((m) => m.destination.to[0]);

    expect([bounce.suppressed, complaint.suppressed]).toEqual([1, 1]);
    expect(opened.status).toBe(201);
    expect(invited.sort()).toEqual(people.slice(3).map((p) => p.email));
  });

  it('erases a respondent on request', async () => {
    const erased = await call('DELETE', `/v1/organisations/${org.id}/respondents/${people[3]?.email}`, {
      key: org.adminKey,
    });
    expect(erased.status).toBe(204);
  });

  it('made only AWS calls each function’s role allows, and lists the grants it never used', () => {
    const unused: string[] = [];
    const used: string[] = [];
    for (const fn of rehearsal.functions.values()) {
      const calls = rehearsal.calls.filter((c) => c.functionId === fn.id);
      const kinds = new Set(
        calls.flatMap((c) =>
          c.resources.map(
            (r) =>
              `${c.action} ${r.replace(/^.*?:(table|parameter|identity|configuration-set|rule|sender-id)\b/, '$1')}`,
          ),
        ),
      );
      used.push(`${fn.id}: ${[...kinds].sort().join(', ')}`);
      expect({ function: fn.id, refused: refusedCalls(calls, fn.grants) }).toEqual({
        function: fn.id,
        refused: [],
      });
      expect(calls.length).toBeGreaterThan(0);
      for (const grant of unusedGrants(calls, fn.grants))
        unused.push(`${fn.id}: ${grant.action} on ${grant.resource}`);
    }
    expect(
      rehearsal.calls.filter((c) => c.action === 'sms-voice:SendTextMessage').map((c) => c.functionId),
    ).toEqual([rehearsal.roles.tick, rehearsal.roles.tick]);
    console.info(`AWS calls per function:\n  ${used.join('\n  ')}`);
    console.info(`Grants the rehearsal never used:\n  ${unused.join('\n  ')}`);
  });

  it('logs no respondent’s or contact’s address in any function', () => {
    for (const fn of rehearsal.functions.values())
      expect(
        fn.process.output.filter(
          (line) => line.includes('@example.org') || line.includes(texter.mobile.slice(3)),
        ),
      ).toEqual([]);
  });
});

// The MAIL_FROM class of bug: a function that requires a setting its template does not give it fails on AWS
// at its first invocation, which no test with one shared environment sees.
describe('each function’s settings schema against its template environment', () => {
  it('requires nothing the template leaves out, and reads everything it sets but the runtime’s own', () => {
    for (const [role, schema] of Object.entries(SCHEMAS)) {
      const functionId = rehearsal.roles[role as keyof typeof SCHEMAS];
      const variables = rehearsal.templateVariables(functionId);
      expect({ role, ...compareWithTemplate(schema, variables) }).toEqual({ role, missing: [], unread: [] });
    }
  });

  it('would have caught a sender address required of the answer pages', () => {
    const withMail = z.object({ ...AnswersEnvSchema.shape, MAIL_FROM: z.string() });
    const variables = rehearsal.templateVariables(rehearsal.roles.answers);

    expect(requiredKeys(withMail)).toContain('MAIL_FROM');
    expect(compareWithTemplate(withMail, variables).missing).toEqual(['MAIL_FROM']);
  });
});
