/**
 * A small seeded generator (FNV-1a of the seed into mulberry32): the same seed gives the same stream, so a
 * person's value order and a round's bootstrap are reproducible. Not for secrets.
 */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** P(Poisson(1) <= k) for k = 0..11; past that the tail is below 1e-9. */
const POISSON_1_CDF = (() => {
  const cdf: number[] = [];
  let term = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    sum += term;
    cdf.push(sum);
    term /= k + 1;
  }
  return cdf;
})();

/** A Poisson(1) draw by inverting its distribution with one uniform: the weight of the Poisson bootstrap. */
export function poissonOne(random: () => number): number {
  const u = random();
  let k = 0;
  while (k < POISSON_1_CDF.length && u > (POISSON_1_CDF[k] as number)) k++;
  return k;
}
