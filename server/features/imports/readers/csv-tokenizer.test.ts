import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';

/** Feeds `text` in pieces of the given sizes and collects every record. */
function tokenize(text: string, cuts: number[], delimiter = ','): (string | null)[][] {
  const tk = new CsvTokenizer(delimiter, 1_000_000);
  const out: (string | null)[][] = [];
  let pos = 0;
  for (const n of cuts) {
    out.push(...tk.push(text.slice(pos, pos + n)));
    pos += n;
  }
  out.push(...tk.push(text.slice(pos)), ...tk.end());
  return out;
}

const reference = (text: string, delimiter = ',') =>
  (parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).map((r) =>
    r.map((v) => (v === '' ? null : v)),
  );

describe('CsvTokenizer', () => {
  it('splits plain lines, CRLF, a BOM, empty cells and a last line without a line break', () => {
    expect(tokenize('\ufeffa,b,c\r\n1,,3\r\n\r\nx,y', [3, 5])).toEqual([
      ['a', 'b', 'c'],
      ['1', null, '3'],
      [null],
      ['x', 'y'],
    ]);
  });

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes, across chunk boundaries', () => {
    const text = 'ro,note\n"R1","a, ""quoted""\nsecond line"\nR2,plain "inner" quote\n';
    for (let cut = 1; cut < text.length; cut++)
      expect(tokenize(text, [cut])).toEqual([
        ['ro', 'note'],
        ['R1', 'a, "quoted"\nsecond line'],
        ['R2', 'plain "inner" quote'],
      ]);
  });

  it('gives what csv-parse gives for any well-formed CSV, however the text is cut', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '张伟', '1,234.50', 'a"b', '沪A12345'),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[\r\n",]/g, '')),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const record = fc.array(cell, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (rows, cuts) => {
          const text = `${rows.map((r) => r.join(',')).join('\n')}\n`;
          expect(tokenize(text, cuts)).toEqual(reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an unclosed quote at the end of the file', () => {
    expect(() => tokenize('a,b\n"open,1\n', [])).toThrow(/not closed/);
  });
});
