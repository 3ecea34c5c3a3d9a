import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/reports/csv.js';

describe('CSV output', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-cmd', '@x', '\tx'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-cmd",
      "'@x",
      "'\tx",
    ]);
  });

  it('keeps negative numbers numeric', () => {
    expect(csvCell(-0.05)).toBe('-0.05');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, with CRLF rows', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"\nnow']])).toBe('a,b\r\n"x, y","say ""hi""\nnow"\r\n');
  });
});
