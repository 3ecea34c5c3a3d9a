/** Small statistics and formatting helpers for the benchmark table. */

export function quantile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const lower = sorted[low] as number;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return lower + (h - low) * (upper - lower);
}

export const median = (values: number[]) => quantile(values, 0.5);

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const int = (value: number) => Math.round(value).toLocaleString('en-US');
export const usd = (value: number) =>
  value >= 1 ? `$${value.toFixed(2)}` : value >= 0.01 ? `$${value.toFixed(3)}` : `$${value.toFixed(5)}`;

/** Times an async function once, in milliseconds. */
export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Sizes given as full-run numbers, shrunk by BENCH_QUICK=1 (10k→2k, 100k→20k). */
export const QUICK = process.env.BENCH_QUICK === '1';
export const size = (full: number) => (QUICK ? Math.max(1, Math.round(full / 5)) : full);
export const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
