import { describe, expect, it } from 'vitest';
import { CsvTokenizer, MAX_QUOTED_LENGTH, MAX_RECORD_LENGTH, type CsvRecord } from './tokenize';

/** Records of `text` fed in pieces of `size` characters (Infinity: all at once). */
function records(text: string, size = Infinity, separator = ';'): CsvRecord[] {
  const out: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(separator, (r) => { out.push(r); });
  if (size === Infinity) tokenizer.push(text);
  else for (let i = 0; i < text.length; i += size) tokenizer.push(text.slice(i, i + size));
  tokenizer.end();
  return out;
}

describe('CsvTokenizer', () => {
  it('splits records at CRLF, LF and lone CR, counting each as one line', () => {
    expect(records('a;b\r\nc;d\ne;f\rg;h').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']], [2, ['c', 'd']], [3, ['e', 'f']], [4, ['g', 'h']],
    ]);
  });

  it('reads quoted cells: separators, line breaks and doubled quotes inside', () => {
    const text = 'id;texte\r\n1;"a;b\r\nc ""d"""\r\n2;"x\ny"\r\n3;z\r\n';
    expect(records(text).map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'texte']], [2, ['1', 'a;b\r\nc "d"']], [4, ['2', 'x\ny']], [6, ['3', 'z']],
    ]);
  });

  it('keeps text after a closing quote and quotes inside unquoted cells', () => {
    expect(records('"Bonjour" dit-il;x"y\n').map((r) => r.cells)).toEqual([['Bonjour dit-il', 'x"y']]);
  });

  it('gives the same records whatever the pieces the text comes in', () => {
    const text = 'id;t\r\n1;"a\r\n""b"";c"\r\n2;"x"\r\n\r\n3;"oups\r\n4;5\r';
    const whole = records(text);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 5, 6, 7]);
    for (const size of [1, 2, 3, 5, 7]) expect(records(text, size), `pieces of ${size}`).toEqual(whole);
  });

  it('returns an unclosed quote with where it opens, then reads on from the next line', () => {
    expect(records('1;2\n3;"oups;x\n4;5')).toEqual([
      { line: 1, cells: ['1', '2'] },
      { line: 2, cells: ['3', 'oups;x'], unclosedQuote: { line: 2, column: 2 } },
      { line: 3, cells: ['4', '5'] },
    ]);
    expect(records('1;"oups')).toEqual([{ line: 1, cells: ['1', 'oups'], unclosedQuote: { line: 1, column: 2 } }]);
  });

  it('gives up on a quote longer than any spreadsheet cell without waiting for the end of the text', () => {
    const seen: CsvRecord[] = [];
    const tokenizer = new CsvTokenizer(";", (r) => { seen.push(r); });
    tokenizer.push('1;"Word\r\n');
    const filler = `${'x'.repeat(999)}\n`;
    const lines = Math.ceil(MAX_QUOTED_LENGTH / 1000) + 1;
    for (let i = 0; i < lines; i += 1) tokenizer.push(filler);
    expect(seen[0]).toEqual({ line: 1, cells: ['1', 'Word'], unclosedQuote: { line: 1, column: 2 } });
    expect(seen.length).toBeGreaterThan(1);
    tokenizer.end();
    // Every line after the quote's is read as a record.
    expect(seen).toHaveLength(1 + lines);
    expect(seen.at(-1)).toEqual({ line: 1 + lines, cells: ['x'.repeat(999)] });
  });

  it('takes any one-character separator', () => {
    expect(records('a\tb,c\n', Infinity, '\t')[0]?.cells).toEqual(['a', 'b,c']);
    expect(records('a\tb,c\n', Infinity, ',')[0]?.cells).toEqual(['a\tb', 'c']);
  });

  it('gives up a line longer than any CSV row (not a CSV file) and reads on from the next one', () => {
    const seen: CsvRecord[] = [];
    const tokenizer = new CsvTokenizer(";", (r) => { seen.push(r); });
    tokenizer.push('a;b\n');
    const piece = 'x'.repeat(1 << 20);
    for (let i = 0; i <= MAX_RECORD_LENGTH >> 20; i += 1) tokenizer.push(piece);
    tokenizer.push('x\nc;d\n');
    tokenizer.end();
    expect(seen.map((r) => [r.line, r.tooLong ?? false, r.cells[0]?.length])).toEqual([[1, false, 1], [2, true, 80], [3, false, 1]]);
  });
});
