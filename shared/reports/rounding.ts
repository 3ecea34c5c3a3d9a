/**
 * Rounds half away from zero at a decimal place as people do on paper: 10.075 → 10.08 and 0.575 → 0.58, where
 * `Math.round(x * 100) / 100` gives 10.07 and 0.57 because 10.075 is stored as 10.07499999… in binary. Shifting
 * the decimal point in the number's shortest decimal text (what `String(x)` prints) avoids that product.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  const result = sign * Number(`${shifted}e-${decimals}`);
  return Object.is(result, -0) ? 0 : result;
}

/** Shares and places in the analysts' JSON: 4 decimals keep every released figure's precision. */
export const round4 = (value: number) => roundHalfUp(value, 4);
