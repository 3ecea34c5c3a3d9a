/**
 * A text cell a spreadsheet could run as a formula: one that starts with =, +, - or @ (after optional
 * whitespace), or has a part that does after a comma, a semicolon (the field separator of Swedish Excel), a tab
 * or a line break (importers that split on them), or that starts with a tab or CR.
 */
const FORMULA_LIKE = /(?:^|[,;\t\r\n])\s*[=+\-@]|^[\t\r]/;

/**
 * RFC 4180 CSV. Only text cells are guarded: a formula-like text cell is neutralised as a whole with a leading
 * apostrophe. Figures are numbers and stay numbers, so a negative change is still -0.05 and sums still work.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA_LIKE.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
