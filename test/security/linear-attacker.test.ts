import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredAnswer } from '../../shared/answers/answer.js';
import { segmentTurnout } from '../../shared/reports/participation.js';
import { cellKey } from '../../shared/reports/release-cells.js';
import { Group, segmentFigures } from '../../shared/reports/segment-figures.js';
import { SEGMENT_FIELDS } from '../../shared/respondents/respondent.js';
import type { TurnoutCell } from '../../shared/rounds/round-view.js';
import { isolatedSet } from './support/linear-algebra.js';
import { aggregated, type Member, segmentsOf } from './support/population.js';

const memberArb = fc.record({
  department: fc.constantFrom('A', 'B', 'C', undefined),
  role: fc.constantFrom('x', 'y', undefined),
  site: fc.constantFrom('s', undefined),
  rank: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 })),
});
const populationArb = fc.record({
  k: fc.integer({ min: 3, max: 5 }),
  members: fc.array(memberArb, { minLength: 3, maxLength: 13 }),
});

function published(members: Member[], k: number) {
  return aggregated(members).figures(k, 1000);
}

/**
 * The groups whose sums the report publishes exactly, as 0/1 rows over the people, for the attacker who knows
 * everyone's department, role and site, who answered, and how segment figures are built (Kerckhoffs): the
 * round (answered ≥ k) and each released segment over the release cells it uses.
 */
function publishedGroups(members: Member[], k: number): number[][] {
  const figures = published(members, k);
  if (figures.answered < k) return [];
  const cells = new Map<string, { key: string; segments: StoredAnswer['segments']; tally: Group }>();
  for (const m of members) {
    const key = cellKey(segmentsOf(m));
    const cell = cells.get(key) ?? { key, segments: segmentsOf(m), tally: new Group(30) };
    cell.tally.add(m.rank);
    cells.set(key, cell);
  }
  const { used } = segmentFigures([...cells.values()], k);
  const rows = [members.map(() => 1)];
  for (const dimension of SEGMENT_FIELDS)
    for (const segment of figures.segments[dimension]) {
      if (segment.suppressed) continue;
      const row = members.map((m): number =>
        m[dimension] === segment.value && used.has(cellKey(segmentsOf(m))) ? 1 : 0,
      );
      // The attacker's model must be the report's: the segment's count is the size of the group it covers.
      expect(row.reduce((a, b) => a + b, 0)).toBe(segment.answered);
      rows.push(row);
    }
  return rows;
}

describe('attack: an analyst who solves the linear system of every published count and sum', () => {
  it('finds no combination of published figures that depends on fewer than k people', () => {
    fc.assert(
      fc.property(populationArb, ({ k, members }) => {
        const rows = publishedGroups(members, k);
        // Every count, share × count and sum the report gives is Σ over one of these groups of some
        // function of each person's answer; a combination isolates a set S exactly when S is found here.
        const learned = isolatedSet(rows, members.length, k);
        expect(learned).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('the issue-2 population: D minus Sälj would be one person; the attacker finds nothing', () => {
    const members: Member[] = [
      { department: 'D', role: 'Chef', rank: 88 },
      ...[10, 12, 14, 16, 18].map((rank) => ({ department: 'D', role: 'Sälj', rank })),
      ...[20, 22, 24, 26, 28, 30].map((rank) => ({ department: 'E', role: 'Chef', rank })),
    ];
    expect(isolatedSet(publishedGroups(members, 5), members.length, 5)).toBeUndefined();
    // The same attacker against per-dimension figures of every segment (the old report) finds p.
    const naive = [
      members.map(() => 1),
      ...['D', 'E'].map((d) => members.map((m) => (m.department === d ? 1 : 0))),
      ...['Chef', 'Sälj'].map((r) => members.map((m) => (m.role === r ? 1 : 0))),
    ];
    expect(isolatedSet(naive, members.length, 5)).toEqual([0]);
  });
});

describe('attack: swapping two people’s answers', () => {
  const canonical = (members: Member[], k: number) => JSON.stringify(published(members, k));

  it('every person shares every published figure with at least k-1 others whose answers could be theirs', () => {
    fc.assert(
      fc.property(populationArb, ({ k, members }) => {
        const truth = canonical(members, k);
        if (published(members, k).answered < k) return;
        for (const [p] of members.entries()) {
          let lookalikes = 0;
          for (const [q] of members.entries()) {
            if (q === p) continue;
            const swapped = members.map((m, i) =>
              i === p
                ? { ...m, rank: members[q]?.rank ?? null }
                : i === q
                  ? { ...m, rank: members[p]?.rank ?? null }
                  : m,
            );
            if (canonical(swapped, k) === truth) lookalikes++;
          }
          // Nothing published tells p's answer from that of each lookalike: no attack, linear or not, can.
          expect(lookalikes).toBeGreaterThanOrEqual(k - 1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('attack: whether a person answered, from the participation rows', () => {
  const inviteeArb = fc.record({
    department: fc.constantFrom('A', 'B', undefined),
    role: fc.constantFrom('x', 'y', undefined),
    answered: fc.boolean(),
  });
  const rowsOf = (invitees: { department?: string; role?: string; answered: boolean }[], k: number) => {
    const cells = new Map<string, TurnoutCell>();
    for (const invitee of invitees) {
      const segments = {
        ...(invitee.department ? { department: invitee.department } : {}),
        ...(invitee.role ? { role: invitee.role } : {}),
      };
      const key = cellKey(segments);
      const cell = cells.get(key) ?? { key, segments, tally: { invited: 0, answered: 0 } };
      cell.tally.invited++;
      if (invitee.answered) cell.tally.answered++;
      cells.set(key, cell);
    }
    return JSON.stringify(segmentTurnout(cells.values(), k));
  };

  it('every invitee shares the rows with at least k-1 others whose answered-or-not could be theirs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(inviteeArb, { minLength: 5, maxLength: 24 }),
        (k, invitees) => {
          const truth = rowsOf(invitees, k);
          for (const [p] of invitees.entries()) {
            let lookalikes = 0;
            for (const [q] of invitees.entries()) {
              if (q === p) continue;
              const swapped = invitees.map((m, i) =>
                i === p
                  ? { ...m, answered: invitees[q]?.answered ?? false }
                  : i === q
                    ? { ...m, answered: invitees[p]?.answered ?? false }
                    : m,
              );
              if (rowsOf(swapped, k) === truth) lookalikes++;
            }
            expect(lookalikes).toBeGreaterThanOrEqual(k - 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
