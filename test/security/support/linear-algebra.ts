/** A prime below 2^26: products of two residues stay exact in a double. */
const P = 67_108_859;

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, a];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return ((t % P) + P) % P;
}

/**
 * Rank of an integer matrix by exact elimination modulo a large prime. It can only come out lower than the
 * rational rank (never higher), so a check that passes here passes over the rationals too, barring a prime
 * dividing every minor, which would make the attack look stronger, not weaker.
 */
export function rank(rows: number[][]): number {
  const m = rows.map((row) => row.map((x) => ((x % P) + P) % P));
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let col = 0; col < width && r < m.length; col++) {
    const pivot = m.findIndex((row, i) => i >= r && row[col] !== 0);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
    const lead = m[r] as number[];
    const inv = inverse(lead[col] as number);
    for (let j = col; j < width; j++) lead[j] = ((lead[j] as number) * inv) % P;
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as number[];
      if (i === r || row[col] === 0) continue;
      const factor = row[col] as number;
      for (let j = col; j < width; j++)
        row[j] = ((((row[j] as number) - factor * (lead[j] as number)) % P) + P) % P;
    }
    r++;
  }
  return r;
}

/** Every subset of 0..n-1 with 1 to `max` members. */
export function* smallSubsets(n: number, max: number, start = 0, chosen: number[] = []): Generator<number[]> {
  for (let i = start; i < n; i++) {
    const next = [...chosen, i];
    yield next;
    if (next.length < max) yield* smallSubsets(n, max, i + 1, next);
  }
}

/**
 * The smallest set of people some combination of the published sums depends on, if it is under `limit`: rows
 * are the groups each published sum covers (0/1 per person). A combination of rows that is zero outside S and
 * not zero on S exists exactly when dropping S's columns lowers the rank.
 */
export function isolatedSet(rows: number[][], people: number, limit: number): number[] | undefined {
  if (rows.length === 0) return undefined;
  const full = rank(rows);
  for (const subset of smallSubsets(people, limit - 1)) {
    const outside = rows.map((row) => row.filter((_, j) => !subset.includes(j)));
    if (rank(outside.map((row) => (row.length ? row : [0]))) < full) return subset;
  }
  return undefined;
}
