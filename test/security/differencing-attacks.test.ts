import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { sentMail, startTestStack } from '../support/stack.js';
import { aloneInACell, numbersIn, type Person, populatedRound } from './support/attacker.js';

const clock = manualClock(Date.parse('2027-10-04T08:00:00Z'));
let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
});
afterAll(() => stack.close());

const ranks = [12, 25, 7, 40, 18, 33, 9, 51];

/** What changed between two reads: every number whose path or value differs. */
function changedNumbers(before: unknown, after: unknown): string[] {
  const [a, b] = [numbersIn(before), numbersIn(after)];
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}

describe('attack: differencing the reads of an open round (issue item 1)', () => {
  it('learns only that one more person answered, not their place, department or comment', async () => {
    const people: Person[] = [
      ...ranks.map((rank, i) => ({ department: i % 2 ? 'Ekonomi' : 'Vård', rank, rankReason: `skäl ${i}` })),
      { department: 'Ekonomi' },
    ];
    const round = await populatedRound(stack, people, { commentThreshold: 5 });
    await round.answerAll();
    const target = people.length - 1;
    // The admin reads, waits for the colleague they know to answer, and reads again.
    const before = { report: await round.report(), comments: await round.comments(), csv: await round.csv() };
    await round.answer(target, { rank: 97, rankReason: 'Bara jag skriver detta' });
    const after = { report: await round.report(), comments: await round.comments(), csv: await round.csv() };

    const changed = changedNumbers(before.report, after.report).filter((p) => p !== 'computedAt');
    expect(changed.every((path) => ['answered', 'responseRate'].includes(path))).toBe(true);
    expect(JSON.stringify(after.comments)).not.toContain('Bara jag');
    expect(after.csv).not.toContain('Bara jag');
    expect(after.report.rank ?? null).toBeNull();
    expect(after.report.withheld).toMatchObject({
      rank: 'round-open',
      segments: 'round-open',
      comments: 'round-open',
    });
  });
});

/** Sum of places a segment's published figures imply (answered × mean), or undefined where not published. */
function sumOf(segment: { answered?: number; mean?: number } | undefined): number | undefined {
  if (segment?.answered === undefined || segment.mean === undefined) return undefined;
  return segment.answered * segment.mean;
}
const segmentOf = (
  report: { segments: Record<string, { value: string }[]> | null },
  dimension: string,
  value: string,
) =>
  report.segments?.[dimension]?.find((s) => s.value === value) as
    | { answered?: number; mean?: number; median?: number }
    | undefined;

describe('attack: differencing segments of two dimensions (issue item 2)', () => {
  it('cannot isolate the one person alone in department D and role R', async () => {
    // D = the lone Chef p and five Sälj; every Sälj sits in D; the other Chefs sit in E.
    const people: Person[] = [
      { department: 'D', role: 'Chef', rank: 88 },
      ...[10, 12, 14, 16, 18].map((rank) => ({ department: 'D', role: 'Sälj', rank })),
      ...[20, 22, 24, 26, 28, 30].map((rank) => ({ department: 'E', role: 'Chef', rank })),
    ];
    const round = await populatedRound(stack, people);
    await round.answerAll();
    await round.close();
    const report = await round.report();

    // D minus Sälj is p alone; D minus the round's total plus Chef is p as well.
    const viaRole = [sumOf(segmentOf(report, 'department', 'D')), sumOf(segmentOf(report, 'role', 'Sälj'))];
    const learned = viaRole.every((x) => x !== undefined)
      ? Math.round((viaRole[0] as number) - (viaRole[1] as number))
      : undefined;
    expect(learned).toBeUndefined();
    expect(report.withheld['segments.department.D']).toBeDefined();
    expect(report.withheld['segments.role.Sälj']).toBeDefined();
  });
});

describe("attack: a group of five where four say don't know (issue item 4)", () => {
  it('releases no place figure of a segment with fewer than k known places', async () => {
    const people: Person[] = [
      ...Array.from({ length: 4 }, () => ({ department: 'Liten', rank: 'dont-know' as const })),
      { department: 'Liten', rank: 73 },
      ...[5, 9, 11, 14, 20, 35].map((rank) => ({ department: 'Stor', rank })),
    ];
    const round = await populatedRound(stack, people);
    await round.answerAll();
    await round.close();
    const report = await round.report();

    const liten = segmentOf(report, 'department', 'Liten');
    expect(liten?.median).toBeUndefined();
    expect(liten?.mean).toBeUndefined();
    expect(report.withheld['segments.department.Liten']).toBeDefined();
  });

  it('releases no place figure of a round where fewer than k gave a place', async () => {
    const people: Person[] = [
      ...Array.from({ length: 5 }, () => ({ rank: 'dont-know' as const })),
      ...[44, 61].map((rank) => ({ rank })),
    ];
    const round = await populatedRound(stack, people);
    await round.answerAll();
    await round.close();
    const report = await round.report();
    const csv = await round.csv();

    expect(report.rank ?? null).toBeNull();
    expect(report.withheld.rank).toBe('too-few-places');
    expect(csv).not.toMatch(/rank,,,(median|mean)/);
  });
});

describe('attack: whether a person answered (issue item 6)', () => {
  it('erasing a respondent, answered or not, changes no count the round publishes', async () => {
    const people: Person[] = [...ranks.map((rank) => ({ rank })), {}, {}];
    const round = await populatedRound(stack, people);
    await round.answerAll();
    const before = await round.view();

    await round.erase(0); // answered
    await round.erase(people.length - 1); // did not answer
    await round.reimport(0);
    const after = await round.view();
    await round.close();
    const report = await round.report();

    expect([after.invited, after.answered, after.responseRate]).toEqual([
      before.invited,
      before.answered,
      before.responseRate,
    ]);
    expect([report.invited, report.answered]).toEqual([before.invited, before.answered]);
  });

  it('the progress mail shows no group ratio that points at the few who have not answered', async () => {
    // A: five invited, four answer (4/5 points at the fifth). B: ten invited, five answer.
    const people: Person[] = [
      ...[3, 4, 5, 6].map((rank) => ({ department: 'A', rank })),
      { department: 'A' },
      ...[7, 8, 9, 10, 11].map((rank) => ({ department: 'B', rank })),
      ...Array.from({ length: 5 }, () => ({ department: 'B' })),
    ];
    const round = await populatedRound(stack, people);
    await round.answerAll();
    let progress: { body: { text: string } } | undefined;
    for (let day = 0; day < 14 && !progress; day++) {
      clock.advanceDays(1);
      await runTick(stack.deps);
      progress = (await sentMail(stack)).find(
        (m) => m.destination.to[0] === round.org.contactEmail && m.subject.startsWith('Svarsfrekvens'),
      );
    }
    const rows = [...(progress?.body.text ?? '').matchAll(/(\d+) \/ (\d+)/g)].map(([, a, i]) => [
      Number(a),
      Number(i),
    ]);

    expect(progress).toBeDefined();
    // Every group row keeps at least k answered and k not answered (k = 5).
    expect(
      rows.every(
        ([answered, invited]) => (answered as number) >= 5 && (invited as number) - (answered as number) >= 5,
      ),
    ).toBe(true);
    expect(progress?.body.text).not.toContain('4 / 5');
  });
});

describe('attack: across rounds, erasure and re-import', () => {
  // p is alone in (D, Chef) both rounds; only p changes answer between the rounds.
  const population = aloneInACell;

  it('the second round and its heatmap change tell nothing about the one person alone in a cell', async () => {
    const first = await populatedRound(stack, population(3));
    await first.answerAll();
    await first.close();
    clock.advanceDays(1);
    const second = await first.nextRound(population(95));
    await second.answerAll();
    await second.close();
    const [one, two] = [await first.report(), await second.report()];

    // Segment figures and heatmap cells that cover p's cell are withheld in both rounds, so the change
    // per segment (the only figure that spans rounds) never covers p.
    for (const report of [one, two]) {
      expect(report.withheld['segments.department.D']).toBe('differencing');
      const d = report.heatmap.rows.find((r: { value: string }) => r.value === 'D');
      expect(d.cells.medianPlace).toBeNull();
      expect(report.heatmap.withheld['department.D.medianPlace']).toBe('differencing');
    }
    const e = two.heatmap.rows.find((r: { value: string }) => r.value === 'E');
    expect(e.cells).toMatchObject({ medianPlace: 25, change: 0 });
    expect(e.cells.change).toBe(
      e.cells.medianPlace -
        one.heatmap.rows.find((r: { value: string }) => r.value === 'E').cells.medianPlace,
    );
  });

  it('erasing a respondent after the close and importing them again changes nothing a reader sees', async () => {
    const round = await populatedRound(stack, population(77));
    await round.answerAll();
    await round.close();
    const before = {
      report: await round.report(),
      csv: await round.csv(),
      view: await round.view(),
      trend: await round.trend(),
    };

    await round.erase(0);
    await round.reimport(0);
    const after = {
      report: await round.report(),
      csv: await round.csv(),
      view: await round.view(),
      trend: await round.trend(),
    };

    expect(after).toEqual(before);
  });
});

describe('the heatmap', () => {
  it('gives segments × figures, each cell a released figure or null with its reason', async () => {
    const people: Person[] = [
      ...[4, 6, 8, 10, 12].map((rank) => ({ department: 'Vård', rank })),
      ...Array.from({ length: 5 }, () => ({ department: 'Vård' })),
      ...[30, 35, 40, 45, 50, 55].map((rank) => ({ department: 'Stab', rank: rank as number | 'dont-know' })),
      { department: 'Stab', rank: 'dont-know' },
    ];
    const round = await populatedRound(stack, people);
    await round.answerAll();
    await round.close();
    const { heatmap } = await round.report();
    const csv = await round.csv();

    expect(heatmap.figures).toEqual(['medianPlace', 'top10Share', 'dontKnowShare', 'responseRate', 'change']);
    const byValue = Object.fromEntries(heatmap.rows.map((r: { value: string }) => [r.value, r]));
    expect(byValue.Vård.cells).toMatchObject({
      medianPlace: 8,
      top10Share: 0.8,
      dontKnowShare: 0,
      responseRate: null,
      change: null,
    });
    expect(byValue.Stab.cells).toMatchObject({
      medianPlace: 42.5,
      top10Share: 0,
      dontKnowShare: 0.14,
      responseRate: null,
    });
    expect(heatmap.withheld).toMatchObject({
      // Stab: all 7 answered, so its rate (and Vård's, which with the total gives Stab's) would point at people.
      'department.Stab.responseRate': 'participation',
      'department.Vård.responseRate': 'participation',
      'department.Vård.change': 'no-previous-round',
    });
    expect(csv).toContain('heatmap,department,Vård,medianPlace,8');
    expect(csv).toContain('withheld,,heatmap.department.Stab.responseRate,reason,participation');
  });
});
