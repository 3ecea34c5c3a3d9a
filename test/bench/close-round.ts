import { fileURLToPath } from 'node:url';
import { closedRoundWith } from './support/answer-dataset.js';
import { type MemoryPeak, runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { int, label, mb, ms, ratio, size } from './support/stats.js';

const CHILD = fileURLToPath(new URL('./support/close-round-child.ts', import.meta.url));

interface CloseRun {
  ms: number;
  answered: number;
  invited: number;
  memory: MemoryPeak;
}

/**
 * Row 4. storeRoundFigures (stream every answer through the aggregator, count invitations, store the report)
 * for a round of 10k and of 100k answers, each in a fresh process that samples its own memory.
 */
export async function closeRoundBench(): Promise<Row[]> {
  const [small, large] = [size(10_000), size(100_000)];
  const runs = new Map<number, CloseRun>();
  for (const n of [small, large]) {
    const { dataset, round } = await closedRoundWith(n);
    runs.set(
      n,
      await runChild<CloseRun>(
        CHILD,
        { env: dataset.stack.env, orgId: round.orgId, roundId: round.roundId },
        { nodeFlags: ['--expose-gc'] },
      ),
    );
  }
  const a = runs.get(small) as CloseRun;
  const b = runs.get(large) as CloseRun;
  for (const [n, run] of runs)
    if (run.answered !== n) throw new Error(`aggregated ${run.answered} of ${n} answers`);
  const timeRatio = b.ms / a.ms;
  const heapRatio = b.memory.peakLive / a.memory.peakLive;
  return [
    {
      n: 4,
      what: `Close a round: storeRoundFigures, ${label(large)} vs ${label(small)} answers (time)`,
      figure: `${ms(b.ms)} vs ${ms(a.ms)} = ${ratio(timeRatio)} (${int((large / b.ms) * 1000)} answers/s)`,
      target: `≤ ${((large / small) * 1.1).toFixed(0)}× (linear)`,
      ok: timeRatio <= (large / small) * 1.1,
    },
    {
      n: 4,
      what: `Close a round: peak live heap (after GC at each page), ${label(large)} vs ${label(small)}`,
      figure: `${mb(b.memory.peakLive)} vs ${mb(a.memory.peakLive)} = ${ratio(heapRatio)} (raw peak heap ${mb(b.memory.peakHeap)} vs ${mb(a.memory.peakHeap)}, RSS ${mb(b.memory.peakRss)} vs ${mb(a.memory.peakRss)})`,
      target: '≤ 1.30× (flat)',
      ok: heapRatio <= 1.3,
    },
  ];
}
