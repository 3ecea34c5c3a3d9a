import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { type Person, populatedRound } from '../security/support/attacker.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-01-11T08:00:00Z'));
let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
let org: Awaited<ReturnType<typeof enrolVerified>>;
let analystKey: string;
let roundId: string;
const people = Array.from({ length: 4 }, (_, i) => ({ email: `loop${i}@example.org`, department: 'Vård' }));
const actionsOf = (round: string) => `/v1/organisations/${org.orgId}/rounds/${round}/actions`;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  call = apiClient(stack);
  org = await enrolVerified(stack);
  analystKey = (
    await call('POST', `/v1/organisations/${org.orgId}/keys`, {
      key: org.adminKey,
      json: { role: 'analyst' },
    })
  ).json.key;
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents: people },
  });
  roundId = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json.round
    .id;
  await runTick(stack.deps);
});
afterAll(() => stack.close());

describe('actions after a round', () => {
  it('records an action, normalised to NFC, planned unless told', async () => {
    const decomposed = 'Vi ska fra\u0308ga kunden varje vecka';
    const created = await call('POST', actionsOf(roundId), {
      key: org.adminKey,
      json: { text: `  ${decomposed} `, segment: { department: 'Vård' } },
    });

    expect(created.status).toBe(201);
    expect(created.json.action).toMatchObject({
      roundId,
      text: decomposed.normalize('NFC'),
      segment: { department: 'Vård' },
      status: 'planned',
    });
    expect(created.json.action.id).toMatch(/^act_/);
    expect(created.json.action.orgId).toBeUndefined();
  });

  it('lets analysts read the list but not write to it', async () => {
    const listed = await call('GET', actionsOf(roundId), { key: analystKey });
    const written = await call('POST', actionsOf(roundId), { key: analystKey, json: { text: 'x' } });

    expect(listed.status).toBe(200);
    expect(listed.json.actions).toHaveLength(1);
    expect(written.status).toBe(403);
  });

  it.each([
    ['an e-mail address', 'Prata med anna.berg@kommunen.se om schemat'],
    ['a phone number', 'Ring 070-123 45 67 vid frågor'],
    ['an international phone number', 'Ring +46 70 123 45 67'],
    ['a personal identity number', 'Gäller 19121212-1212'],
    ['more than 500 characters', 'a'.repeat(501)],
    ['nothing', '   '],
  ])('refuses a text with %s, changing nothing', async (_what, text) => {
    const before = (await call('GET', actionsOf(roundId), { key: org.adminKey })).json.actions;
    const response = await call('POST', actionsOf(roundId), { key: org.adminKey, json: { text } });

    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('text');
    expect((await call('GET', actionsOf(roundId), { key: org.adminKey })).json.actions).toEqual(before);
  });

  it('keeps years and counts, which are not phone numbers', async () => {
    const response = await call('POST', actionsOf(roundId), {
      key: org.adminKey,
      json: { text: 'Till 2027 ska 12 av 40 team ha kundråd' },
    });
    expect(response.status).toBe(201);
    await call('DELETE', `${actionsOf(roundId)}/${response.json.action.id}`, { key: org.adminKey });
  });

  it('changes status and segment, and removes the segment with null', async () => {
    const [action] = (await call('GET', actionsOf(roundId), { key: org.adminKey })).json.actions;
    const done = await call('PATCH', `${actionsOf(roundId)}/${action.id}`, {
      key: org.adminKey,
      json: { status: 'done', segment: null },
    });

    expect(done.status).toBe(200);
    expect(done.json.action.status).toBe('done');
    expect(done.json.action.doneAt).toBe(clock.now().toISOString());
    expect(done.json.action.segment).toBeUndefined();
    const empty = await call('PATCH', `${actionsOf(roundId)}/${action.id}`, { key: org.adminKey, json: {} });
    expect(empty.status).toBe(400);
  });

  it('answers 404 for an unknown round or action, and deletes once', async () => {
    const created = await call('POST', actionsOf(roundId), { key: org.adminKey, json: { text: 'Tas bort' } });
    const path = `${actionsOf(roundId)}/${created.json.action.id}`;

    expect((await call('DELETE', path, { key: org.adminKey })).status).toBe(204);
    expect((await call('DELETE', path, { key: org.adminKey })).status).toBe(404);
    expect((await call('PATCH', path, { key: org.adminKey, json: { status: 'done' } })).status).toBe(404);
    expect((await call('GET', actionsOf('rnd_nosuchround'), { key: org.adminKey })).status).toBe(404);
    expect(
      (await call('POST', actionsOf('rnd_nosuchround'), { key: org.adminKey, json: { text: 'x' } })).status,
    ).toBe(404);
  });
});

describe('what we did since the last pulse', () => {
  it('names the three actions most recently done, escaped, in the next invitation and form', async () => {
    // Four more actions, done a day apart (the oldest must drop out), one planned (must not show).
    for (const text of ['Äldst gjord', 'Kundråd i <b>Omsorg</b> & Stab', 'Nyare rutin', 'Senast gjord']) {
      clock.advanceDays(1);
      await call('POST', actionsOf(roundId), { key: org.adminKey, json: { text, status: 'done' } });
    }
    await call('POST', actionsOf(roundId), { key: org.adminKey, json: { text: 'Bara planerad' } });
    await call('POST', `/v1/organisations/${org.orgId}/rounds/${roundId}/close`, { key: org.adminKey });
    await runTick(stack.deps);
    clock.advanceDays(1);
    await clearMail(stack);

    const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    await runTick(stack.deps);
    const mails = await sentMail(stack);
    const invitation = mails.find((m) => m.destination.to[0] === people[0]?.email);
    const form = await call('GET', linkIn(invitation?.body.text ?? '', /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/));

    expect(opened.status).toBe(201);
    expect(invitation?.body.text).toMatch(
      /Ni sa – vi gjorde[^\n]*:\n- Senast gjord\n- Nyare rutin\n- Kundråd i <b>Omsorg<\/b> & Stab\n/,
    );
    expect(invitation?.body.html).toContain('<li>Kundråd i &lt;b&gt;Omsorg&lt;/b&gt; &amp; Stab</li>');
    for (const text of [invitation?.body.html, form.text]) {
      expect(text).toContain('Senast gjord');
      expect(text).not.toContain('Äldst gjord');
      expect(text).not.toContain('Bara planerad');
      expect(text).not.toContain('<b>Omsorg</b>');
    }
    expect(form.text).toMatch(/<section class="done-actions" aria-labelledby="done-actions-title">/);
    expect(form.text.indexOf('Senast gjord')).toBeLessThan(form.text.indexOf('Nyare rutin'));
    expect(form.text).toContain('Kundråd i &lt;b&gt;Omsorg&lt;/b&gt; &amp; Stab');
  });
});

describe('two rounds with actions: the loop closed', () => {
  it('finds the actions in the second invitation and form, and beside the change in its report, CSV and mail', async () => {
    // Twelve staff: Vård moves from around place 45 to around place 5, Kök stays where it was.
    const population = (vård: number[], ideas: string): Person[] => [
      ...vård.map((rank) => ({ department: 'Vård', rank, raiseIdeas: ideas })),
      ...[30, 31, 32, 33, 34, 35].map((rank) => ({ department: 'Kök', rank })),
    ];
    const first = await populatedRound(stack, population([40, 42, 44, 46, 48, 50], 'Fler kundråd'), {
      anonymityThreshold: 3,
      commentThreshold: 3,
    });
    await first.answerAll();
    await first.close();
    const whole = await first.recordAction({ text: 'Kundråd varje månad', status: 'done' });
    const vård = await first.recordAction({
      text: 'Vården ringer upp',
      segment: { department: 'Vård' },
      status: 'done',
    });
    const chefs = await first.recordAction({ text: 'Chefer går bredvid', segment: { role: 'Chef' } });
    clock.advanceDays(1);
    await clearMail(stack);

    const second = await first.nextRound(population([2, 3, 4, 5, 6, 8], 'Kundråd i varje team'));
    const invitation = (await sentMail(stack)).find((m) => m.destination.to[0] === second.emails[0]);
    const form = await call('GET', linkIn(invitation?.body.text ?? '', /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/));
    await second.answerAll();
    await second.close();
    const report = await second.report();
    const csv = await second.csv();
    const mail = await second.reportMail();

    for (const text of [invitation?.body.text, invitation?.body.html, form.text]) {
      expect(text).toContain('Kundråd varje månad');
      expect(text).toContain('Vården ringer upp');
      expect(text).not.toContain('Chefer går bredvid');
    }
    const byId = Object.fromEntries(report.actions.map((a: { id: string }) => [a.id, a]));
    expect(report.actions.map((a: { id: string }) => a.id).sort()).toEqual([whole, vård, chefs].sort());
    expect(byId[whole].change).toEqual({
      median: report.change.median,
      top10Share: report.change.top10Share,
      significance: report.change.significance,
    });
    expect(byId[vård]).toMatchObject({
      text: 'Vården ringer upp',
      segment: { department: 'Vård' },
      change: { median: -40.5, top10Share: 1, significance: { median: { significant: true } } },
    });
    expect(byId[chefs]).toMatchObject({ change: null, withheld: 'not-a-reported-segment' });
    expect(report.ideas.map((idea: { word: string }) => idea.word)).toContain('kundråd');
    expect(csv).toContain(`action,${vård},,change.median,-40.5\r\n`);
    expect(csv).toContain(`action,${vård},,change.median.significant,true\r\n`);
    expect(csv).toContain(`action,${chefs},,withheld,not-a-reported-segment\r\n`);
    expect(csv).toMatch(/\r\nidea,,kundråd,mentions,6\r\n/);
    expect(mail?.body.text).toContain(
      '- Vården ringer upp\n  Avdelning: Vård · genomförd\n  Medianplats: -40.5 (40.5 platser högre, mer än slumpen förklarar)',
    );
    expect(mail?.body.text).toContain('säger inte att åtgärden orsakade förändringen');
  });
});
