import type { Segments } from '../respondents/respondent.js';
import { SEGMENT_FIELDS } from '../respondents/respondent.js';

/**
 * A release cell: the people who share one value in every dimension (department × role × site, "none" being a
 * value too). Every figure per segment is computed from whole cells, so any sum or difference of such figures,
 * across dimensions, is again a sum over whole cells: it cannot reach inside one.
 */
export interface Cell<T> {
  key: string;
  segments: Segments;
  tally: T;
}

export const cellKey = (segments: Segments) =>
  SEGMENT_FIELDS.map((field) => segments[field] ?? '').join('\u0000');

/**
 * Which cells segment figures may use. A cell is used when it is large enough on its own; the rest form one pool
 * that only the whole round's figures include, and the round's total minus every segment is exactly that pool,
 * so the pool must itself be empty or safe: while it is not, the smallest used cell joins it.
 */
export function releaseCells<T>(
  cells: Iterable<Cell<T>>,
  largeEnough: (tally: T) => boolean,
  poolIsSafe: (pool: T[]) => boolean,
  size: (tally: T) => number,
): Set<string> {
  const all = [...cells];
  const used = all
    .filter((cell) => largeEnough(cell.tally))
    .sort((a, b) => size(a.tally) - size(b.tally) || a.key.localeCompare(b.key));
  const pool = all.filter((cell) => !largeEnough(cell.tally)).map((cell) => cell.tally);
  while (used.length > 0 && !poolIsSafe(pool)) pool.push((used.shift() as Cell<T>).tally);
  return new Set(used.map((cell) => cell.key));
}

/** A count that is either nothing or at least k: what a pool may hold of each kind. */
export const noneOrAtLeast = (count: number, k: number) => count === 0 || count >= k;
