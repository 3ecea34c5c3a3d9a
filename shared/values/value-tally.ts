import { poissonOne, seededRandom } from './seeded-random.js';
import type { Value } from './value-list.js';

/** lcm(1..10): a person's picks share one vote, in whole units, so equal weights tie exactly (no float noise). */
export const VOTE_UNIT = 2520;
/** Bootstrap replicates of the measured place: 200 give a 95 % percentile interval to about ±1 place. */
export const REPLICATES = 200;

/**
 * One pick list's votes, streamed: raw counts, weighted votes (each person's picks share one vote, so one who
 * picks 3 counts as much as one who picks 10), and the same weighted votes under each replicate's Poisson(1)
 * weight of the person (the Poisson bootstrap: a replicate draws each person 0, 1, 2… times without storing
 * anyone). Memory: values × replicates, whatever the number of answers.
 */
export class PickTally {
  readonly counts: Int32Array;
  readonly weighted: Float64Array;
  readonly replicates: Float64Array;
  /** People who picked at least one value in this list. */
  basis = 0;

  constructor(
    private readonly size: number,
    readonly replicateCount: number,
  ) {
    this.counts = new Int32Array(size);
    this.weighted = new Float64Array(size);
    this.replicates = new Float64Array(size * replicateCount);
  }

  add(indices: number[], weights: Uint8Array): void {
    if (indices.length === 0) return;
    this.basis++;
    const share = VOTE_UNIT / indices.length;
    for (const i of indices) {
      this.counts[i] = (this.counts[i] as number) + 1;
      this.weighted[i] = (this.weighted[i] as number) + share;
    }
    // Value-major (one value's replicates side by side): the hot loop runs over contiguous memory.
    const count = this.replicateCount;
    for (const i of indices) {
      const row = i * count;
      for (let b = 0; b < count; b++)
        this.replicates[row + b] = (this.replicates[row + b] as number) + (weights[b] as number) * share;
    }
  }

  /** Replicate b's weighted votes, one per value. */
  replicate(b: number): Float64Array {
    const votes = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) votes[i] = this.replicates[i * this.replicateCount + b] as number;
    return votes;
  }
}

/** Both pick lists of a round, fed one answer at a time. The replicates' stream is seeded: a rerun is identical. */
export class ValueTally {
  readonly today: PickTally;
  readonly wishedFor: PickTally;
  private readonly index: Map<string, number>;
  private readonly random = seededRandom('measured-place-bootstrap');
  private readonly weights: Uint8Array;
  respondents = 0;

  constructor(
    readonly values: Value[],
    replicates = REPLICATES,
  ) {
    this.index = new Map(values.map((value, i) => [value.id, i]));
    this.today = new PickTally(values.length, replicates);
    this.wishedFor = new PickTally(values.length, replicates);
    this.weights = new Uint8Array(replicates);
  }

  add(today: string[] = [], wishedFor: string[] = []): void {
    const t = this.indices(today);
    const w = this.indices(wishedFor);
    if (t.length === 0 && w.length === 0) return;
    this.respondents++;
    // One weight per person and replicate, shared by both lists: a replicate resamples people, not picks.
    for (let b = 0; b < this.weights.length; b++) this.weights[b] = poissonOne(this.random);
    this.today.add(t, this.weights);
    this.wishedFor.add(w, this.weights);
  }

  private indices(ids: string[]): number[] {
    return ids.flatMap((id) => {
      const i = this.index.get(id);
      return i === undefined ? [] : [i];
    });
  }
}
