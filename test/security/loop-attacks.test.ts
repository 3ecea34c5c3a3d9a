import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { manualClock } from '../support/clock.js';
import { startTestStack } from '../support/stack.js';
import { type Person, populatedRound } from './support/attacker.js';

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
  const population = (pRank: number): Person[] => [
    { department: 'D', role: 'Chef', rank: pRank },
    ...[10, 12, 14, 16, 18].map((rank) => ({ department: 'D', role: 'Sälj', rank })),
    ...[20, 22, 24, 26, 28, 30].map((rank) => ({ department: 'E', role: 'Chef', rank })),
  ];

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
    const [ca, cb] = await Promise.all(rounds.map((round) => round.csv()));
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
