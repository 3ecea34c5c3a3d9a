import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/reports/csv.js';

describe('CSV output', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-cmd', '@x', '\tx'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-cmd",
      "'@x",
      '"\'\tx"',
    ]);
  });

  it('neutralises a cell as a whole when any part after a comma, semicolon or tab starts a formula', () => {
    expect(csvCell('a;=1+1')).toBe('"\'a;=1+1"');
    expect(csvCell(' =1')).toBe("' =1");
    expect(csvCell('x\t@SUM(A1)')).toBe('"\'x\t@SUM(A1)"');
    expect(csvCell('ok, -cmd|calc')).toBe('"\'ok, -cmd|calc"');
    expect(csvCell('rad ett\n+HYPERLINK("x")')).toBe('"\'rad ett\n+HYPERLINK(""x"")"');
  });

  it('leaves ordinary text alone, hyphens and e-mail signs inside words included', () => {
    expect(['Vård', '1-10', 'a@b.se', 'mer tid - tack', 'x=y'].map(csvCell)).toEqual([
      'Vård',
      '1-10',
      'a@b.se',
      'mer tid - tack',
      'x=y',
    ]);
  });

  it('keeps figures numeric: only text cells are guarded', () => {
    expect([-0.05, -3, 0, 12.5].map(csvCell)).toEqual(['-0.05', '-3', '0', '12.5']);
  });

  it('never lets a text cell split into a field that starts a formula, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('=', '+', '-', '@', ';', ',', '\t', ' ', 'a', '"', '\n') }),
        (text) => {
          const cell = csvCell(text);
          const inner = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
          // Whatever a spreadsheet splits the cell on, no part starts a formula unless the cell starts with '.
          const parts = inner.split(/[,;\t\r\n]/);
          expect(inner.startsWith("'") || parts.every((part) => !/^\s*[=+\-@]/.test(part))).toBe(true);
        },
      ),
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, with CRLF rows', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"\nnow']])).toBe('a,b\r\n"x, y","say ""hi""\nnow"\r\n');
  });
});
