import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/actions/action.js';
import { actionsBesideChange } from '../../shared/reports/actions-beside-change.js';
import { aggregated, type Member } from './support/population.js';

const place = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 30 }) },
);
/** The same people in both rounds (where they sit does not change), each with an answer per round. */
const twoRoundsArb = fc
  .record({
    k: fc.integer({ min: 3, max: 5 }),
    people: fc.array(
      fc.record({
        department: fc.constantFrom('A', 'B', 'A', 'B', undefined),
        role: fc.constantFrom('x', 'y', 'x', 'y', undefined),
        ranks: fc.tuple(place, place),
      }),
      { minLength: 6, maxLength: 16 },
    ),
  })
  .map(({ k, people }) => ({
    k,
    first: people.map(({ ranks, ...where }) => ({ ...where, rank: ranks[0] })),
    second: people.map(({ ranks, ...where }) => ({ ...where, rank: ranks[1] })),
  }));

/** An action on every segment an admin could name: each value, a cell of two dimensions, and none at all. */
const ACTIONS: Action[] = [
  undefined,
  { department: 'A' },
  { department: 'B' },
  { role: 'x' },
  { role: 'y' },
  { department: 'A', role: 'x' },
].map((segment, i) => ({
  id: `act_${i}`,
  orgId: 'org',
  roundId: 'r1',
  text: `Åtgärd ${i}`,
  ...(segment ? { segment } : {}),
  status: 'done',
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
}));

function roundOf(members: Member[], k: number) {
  const aggregator = aggregated(members);
  const figures = aggregator.figures(k, 1000);
  return {
    figures,
    side: {
      report: { ...figures, anonymityThreshold: k, rankMax: 30 },
      cells: async () => aggregator.cellGroups(),
    },
  };
}

/** Everything the two rounds publish, with the actions beside the change: what the swap must leave alone. */
async function published(first: Member[], second: Member[], k: number): Promise<string> {
  const [before, now] = [roundOf(first, k), roundOf(second, k)];
  const actions = await actionsBesideChange(ACTIONS, now.side, before.side);
  return JSON.stringify({ before: before.figures, now: now.figures, actions });
}

const swap = (members: Member[], p: number, q: number) =>
  members.map((m, i) =>
    i === p
      ? { ...m, rank: members[q]?.rank ?? null }
      : i === q
        ? { ...m, rank: members[p]?.rank ?? null }
        : m,
  );

describe('attack: actions beside the change, across segments and rounds', () => {
  it('every person of either round shares everything published with at least k-1 others whose answers could be theirs', async () => {
    await fc.assert(
      fc.asyncProperty(twoRoundsArb, async ({ k, first, second }) => {
        const truth = await published(first, second, k);
        for (const which of ['first', 'second'] as const) {
          const members = which === 'first' ? first : second;
          if (members.length < k) continue;
          for (const [p] of members.entries()) {
            let lookalikes = 0;
            for (const [q] of members.entries()) {
              if (q === p) continue;
              const swapped = swap(members, p, q);
              const after =
                which === 'first' ? await published(swapped, second, k) : await published(first, swapped, k);
              if (after === truth) lookalikes++;
            }
            // Nothing published, the tests of the changes included, tells p's answer from a lookalike's.
            expect(lookalikes).toBeGreaterThanOrEqual(k - 1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives a change with its tests where both rounds release the segment, and no number where either does not', async () => {
    const many = (department: string, ranks: number[]) => ranks.map((rank) => ({ department, rank }));
    // B (two people) and three with no department pool together: five, enough for the round's own figures.
    const rest = [...many('B', [28, 29]), ...[15, 16, 17].map((rank) => ({ rank }))];
    const first = [...many('A', [20, 21, 22, 23, 24, 25]), ...rest];
    const second = [...many('A', [2, 3, 4, 5, 6, 7]), ...rest];
    const [before, now] = [roundOf(first, 5), roundOf(second, 5)];

    const [whole, a, b, , , cell] = await actionsBesideChange(ACTIONS, now.side, before.side);

    // The round's own change is computed elsewhere (`changeSince`); without it an action on the whole says why.
    expect(whole).toMatchObject({ change: null, withheld: 'no-previous-round' });
    expect(a?.change).toMatchObject({ median: -18, top10Share: 1 });
    expect(a?.change?.significance?.median).toMatchObject({ significant: true });
    expect(a?.change?.significance?.top10Share).toMatchObject({ significant: true });
    expect(b).toMatchObject({ change: null, withheld: 'below-threshold' });
    expect(cell).toMatchObject({ change: null, withheld: 'not-a-reported-segment' });
  });
});
