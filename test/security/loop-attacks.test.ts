import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { answerByCode, answerByLink, codesByEmployee } from '../support/code-setup.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, startTestStack } from '../support/stack.js';
import { aloneInACell, type Person, populatedRound } from './support/attacker.js';

const clock = manualClock(Date.parse('2027-11-01T08:00:00Z'));
let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
});
afterAll(() => stack.close());

type Beside = { id: string; change: Record<string, unknown> | null; withheld?: string };
const besideOf = (report: { actions: Beside[] }, id: string) =>
  report.actions.find((action) => action.id === id) as Beside;
/** The CSV rows of one action. */
const actionRows = (csv: string, id: string) =>
  csv.split('\r\n').filter((row) => row.startsWith(`action,${id},`));

describe('attack: an action on a small segment', () => {
  it('shows no change for a segment too small to report, in the JSON, the CSV and the mail: withheld, never a number', async () => {
    // Liten: two people, who both move from place 90 to place 2 between the rounds. Stor: eight who stay put.
    const population = (liten: number): Person[] => [
      ...[liten, liten].map((rank) => ({ department: 'Liten', rank })),
      ...[20, 22, 24, 26, 28, 30, 32, 34].map((rank) => ({ department: 'Stor', rank })),
    ];
    const first = await populatedRound(stack, population(90));
    await first.answerAll();
    await first.close();
    const small = await first.recordAction({
      text: 'Liten grupp provar kundråd',
      segment: { department: 'Liten' },
    });
    const whole = await first.recordAction({ text: 'Alla frågar kunden', status: 'done' });
    clock.advanceDays(1);
    const second = await first.nextRound(population(2));
    await second.answerAll();
    await second.close();
    const report = await second.report();
    const csv = await second.csv();
    const mail = await second.reportMail();

    expect(besideOf(report, small)).toMatchObject({ change: null, withheld: 'below-threshold' });
    expect(actionRows(csv, small).map((row) => row.split(',')[3])).toEqual([
      'text',
      'status',
      'segment.department',
      'withheld',
    ]);
    const entry = mail?.body.text.split('- Liten grupp provar kundråd\n')[1]?.split('\n').slice(0, 2);
    expect(entry).toEqual([
      '  Avdelning: Liten · planerad',
      '  Förändring: hålls inne: färre än 5 svar bakom siffran',
    ]);
    // The whole organisation's change is the round's own, with its test: Liten's move is inside it, among ten.
    expect(besideOf(report, whole).change).toEqual({
      median: report.change.median,
      top10Share: report.change.top10Share,
      significance: report.change.significance,
    });
  });
});

describe('attack: differencing actions across segments and rounds', () => {
  // p is alone in (D, Chef) in both rounds and the only one whose answer changes between them.
  const population = aloneInACell;

  it('actions on D, on Chef, on (D, Chef) and on E tell nothing of p’s move from place 3 to place 95', async () => {
    const first = await populatedRound(stack, population(3));
    await first.answerAll();
    await first.close();
    const ids = {
      d: await first.recordAction({ text: 'D ses varje vecka', segment: { department: 'D' } }),
      chef: await first.recordAction({ text: 'Chefer går bredvid', segment: { role: 'Chef' } }),
      cell: await first.recordAction({ text: 'Chef i D', segment: { department: 'D', role: 'Chef' } }),
      e: await first.recordAction({ text: 'E ses varje vecka', segment: { department: 'E' } }),
    };
    clock.advanceDays(1);
    const second = await first.nextRound(population(95));
    await second.answerAll();
    await second.close();
    const report = await second.report();
    const csv = await second.csv();

    expect(besideOf(report, ids.d)).toMatchObject({ change: null, withheld: 'differencing' });
    expect(besideOf(report, ids.cell)).toMatchObject({ change: null, withheld: 'not-a-reported-segment' });
    // Chef is released over E's cell alone (p's cell is too small): its change, and the test of it, are E's.
    const chef = besideOf(report, ids.chef).change;
    const e = besideOf(report, ids.e).change;
    expect(chef).toMatchObject({ median: 0, top10Share: 0 });
    expect(chef).toEqual(e);
    for (const id of [ids.d, ids.cell])
      expect(actionRows(csv, id).some((row) => row.split(',')[3]?.startsWith('change.'))).toBe(false);
  });
});

describe('attack: ideas in a small group', () => {
  it('shows no idea fewer than k people share, none from an unreleased question 3, and never the free text', async () => {
    // Round A: ten write question 3 (released, comment threshold 5); four share "flamingoråd", six "kundråd".
    const a: Person[] = Array.from({ length: 10 }, (_, i) => ({
      rank: 10 + i,
      raiseIdeas: i < 4 ? 'Inför flamingoråd i varje team' : 'Inför kundråd varje månad',
    }));
    // Round B: only four write question 3 (under the threshold), all the same rare word.
    const b: Person[] = Array.from({ length: 10 }, (_, i) => ({
      rank: 10 + i,
      ...(i < 4 ? { raiseIdeas: 'Zebrakaos i kundmötet' } : { rankReason: 'Ledningen pratar om budget' }),
    }));
    const rounds = [];
    for (const population of [a, b]) {
      const round = await populatedRound(stack, population, { commentThreshold: 5 });
      await round.answerAll();
      await round.close();
      rounds.push(round);
    }
    const [ra, rb] = await Promise.all(rounds.map((round) => round.report()));
    const [ca = '', cb = ''] = await Promise.all(rounds.map((round) => round.csv()));
    const mb = await rounds[1]?.reportMail();

    expect(ra.ideas.map((idea: { word: string }) => idea.word)).toContain('kundråd');
    expect(JSON.stringify(ra.ideas)).not.toMatch(/flamingo/i);
    expect(ca.split('\r\n').filter((row) => row.startsWith('idea,'))).toEqual(
      ra.ideas.map(
        (idea: { word: string; mentions: number }) => `idea,,${idea.word},mentions,${idea.mentions}`,
      ),
    );
    for (const idea of ra.ideas) expect(idea.mentions).toBeGreaterThanOrEqual(5);
    expect(rb.ideas).toEqual([]);
    expect(rb.withheld.ideas).toBe('below-threshold');
    expect([JSON.stringify(rb), cb, mb?.body.text, mb?.body.html].join('\n')).not.toMatch(/zebrakaos/i);
  });
});

describe('attack: answeredByCode differenced', () => {
  const call = () => apiClient(stack);
  /** Ten staff: six without e-mail (codes), four with; k = 3. */
  async function codeRound() {
    const org = await enrolVerified(stack, { cadence: 'manual', anonymityThreshold: 3, commentThreshold: 3 });
    const tag = org.orgId.slice(4, 10).toLowerCase();
    const people = Array.from({ length: 10 }, (_, i) =>
      i < 6 ? { employeeId: `${tag}-E${i}` } : { email: `code${i}.${tag}@example.org` },
    );
    await call()('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents: people },
    });
    const roundId = (await call()('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey }))
      .json.round.id as string;
    await runTick(stack.deps);
    const codes = await codesByEmployee(stack, org.orgId, roundId, org.adminKey);
    return { org, roundId, people, codes, tag };
  }

  it('erasing a code holder between two reads of a closed round moves no count: who answered by code stays unknown', async () => {
    const { org, roundId, codes, tag } = await codeRound();
    for (let i = 0; i < 4; i++)
      await answerByCode(stack, codes.get(`${tag}-E${i}`) as string, { rank: `${10 + i}` });
    for (let i = 6; i < 9; i++)
      await answerByLink(stack, `code${i}.${tag}@example.org`, { rank: `${20 + i}` });
    const base = `/v1/organisations/${org.orgId}`;
    // Closed by the admin, and read before the tick stores the figures: the report is computed on each read.
    await call()('POST', `${base}/rounds/${roundId}/close`, { key: org.adminKey });
    const read = async () => ({
      report: (await call()('GET', `${base}/rounds/${roundId}/report`, { key: org.adminKey })).json.report,
      csv: (await call()('GET', `${base}/rounds/${roundId}/report?format=csv`, { key: org.adminKey })).text,
    });
    const before = await read();

    // E0 answered by code, E5 did not: neither erasure may show.
    await call()('DELETE', `${base}/respondents/${tag}-E0`, { key: org.adminKey });
    await call()('DELETE', `${base}/respondents/${tag}-E5`, { key: org.adminKey });
    const after = await read();
    await runTick(stack.deps);
    const stored = await read();

    expect(before.report.answeredByCode).toBe(4);
    expect(before.csv).toContain('round,,,answeredByCode,4\r\n');
    const figures = ({ computedAt: _c, ...rest }: Record<string, unknown>) => rest;
    expect(figures(after.report)).toEqual(figures(before.report));
    expect(figures(stored.report)).toEqual(figures(before.report));
    expect(after.csv).toBe(before.csv);
  });

  it('releases no count of fewer than k answers by code, in the JSON or the CSV', async () => {
    const { org, roundId, codes, tag } = await codeRound();
    for (let i = 0; i < 2; i++)
      await answerByCode(stack, codes.get(`${tag}-E${i}`) as string, { rank: `${10 + i}` });
    for (let i = 6; i < 10; i++)
      await answerByLink(stack, `code${i}.${tag}@example.org`, { rank: `${20 + i}` });
    const base = `/v1/organisations/${org.orgId}/rounds/${roundId}`;
    await call()('POST', `${base}/close`, { key: org.adminKey });
    await runTick(stack.deps);
    const report = (await call()('GET', `${base}/report`, { key: org.adminKey })).json.report;
    const csv = (await call()('GET', `${base}/report?format=csv`, { key: org.adminKey })).text;

    expect(report.answered).toBe(6);
    expect(report.answeredByCode).toBeUndefined();
    expect(report.withheld.answeredByCode).toBe('below-threshold');
    expect(csv).not.toContain('round,,,answeredByCode');
    expect(csv).toContain('withheld,,answeredByCode,reason,below-threshold');
  });
});

describe('attack: answeredByCode beside a lone link holder', () => {
  const call = () => apiClient(stack);
  /** Six staff without e-mail (codes) and one with (a link); k = 3. Who has an e-mail, the admin knows. */
  async function oneLinkRound(linkAnswers: boolean, eraseLinkHolder = false) {
    const org = await enrolVerified(stack, { cadence: 'manual', anonymityThreshold: 3, commentThreshold: 3 });
    const tag = org.orgId.slice(4, 10).toLowerCase();
    const email = `lone.${tag}@example.org`;
    const people = [...Array.from({ length: 6 }, (_, i) => ({ employeeId: `${tag}-E${i}` })), { email }];
    await call()('PUT', `/v1/organisations/${org.orgId}/respondents`, {
      key: org.adminKey,
      json: { respondents: people },
    });
    const base = `/v1/organisations/${org.orgId}/rounds`;
    const roundId = (await call()('POST', base, { key: org.adminKey })).json.round.id as string;
    await runTick(stack.deps);
    const codes = await codesByEmployee(stack, org.orgId, roundId, org.adminKey);
    // Six answers either way: six by code, or five by code and the lone link holder's.
    const byCode = linkAnswers ? 5 : 6;
    for (let i = 0; i < byCode; i++)
      await answerByCode(stack, codes.get(`${tag}-E${i}`) as string, { rank: `${10 + i}` });
    if (linkAnswers) await answerByLink(stack, email, { rank: '30' });
    if (eraseLinkHolder)
      await call()('DELETE', `/v1/organisations/${org.orgId}/respondents/${encodeURIComponent(email)}`, {
        key: org.adminKey,
      });
    await call()('POST', `${base}/${roundId}/close`, { key: org.adminKey });
    await runTick(stack.deps);
    return (await call()('GET', `${base}/${roundId}/report`, { key: org.adminKey })).json.report;
  }

  it('does not show whether the one person with a link answered: the count is withheld whether they did or not', async () => {
    const [answered, silent] = [await oneLinkRound(true), await oneLinkRound(false)];

    expect([answered.answered, silent.answered]).toEqual([6, 6]);
    // Released for the silent round, it said 6 of 6 answers came by code: the lone link holder did not answer.
    expect(silent.answeredByCode).toBeUndefined();
    expect(silent.withheld.answeredByCode).toBe('below-threshold');
    expect(answered.answeredByCode).toBeUndefined();
    expect(answered.withheld.answeredByCode).toBe('below-threshold');
  });

  it('still withholds it when the admin erases the lone link holder before the close', async () => {
    const [answered, silent] = [await oneLinkRound(true, true), await oneLinkRound(false, true)];

    expect([answered.answered, silent.answered]).toEqual([6, 6]);
    expect(silent.answeredByCode).toBeUndefined();
    expect(answered.answeredByCode).toBeUndefined();
    expect([answered.withheld.answeredByCode, silent.withheld.answeredByCode]).toEqual([
      'below-threshold',
      'below-threshold',
    ]);
  });
});
