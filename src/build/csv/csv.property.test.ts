/**
 * Property tests of CSV reading: whatever the text (quotes, separators, line ends, encodings,
 * however the file's bytes are cut into pieces), reading never throws and gives the same rows.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseCsvText } from './parse';
import { readCsvTable, streamCsvTable } from './table';
import type { CsvRow } from './parse';

/** Text made of what CSV files trip over. */
const csvText = fc.string({ unit: fc.constantFrom('a', 'é', '€', '"', '""', ';', ',', '\t', '\r', '\n', '\r\n', ' ', "'", '=', '1', '𝄞'), maxLength: 300 });

/** `bytes` cut at the given (sorted, deduplicated) positions. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const cuts = [...new Set(at.map((x) => Math.floor(x * bytes.length)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    pieces.push(bytes.subarray(from, c));
    from = c;
  }
  return pieces;
}

describe('CSV reading (property tests)', () => {
  it('never throws; rows are in line order, each on a line of the text', () => {
    fc.assert(fc.property(csvText, (text) => {
      const parsed = parseCsvText(text, 'f.csv');
      const lines = text.split(/\r\n|\r|\n/u).length;
      let previous = 1;
      for (const row of parsed.rows) {
        expect(row.line).toBeGreaterThan(previous);
        expect(row.line).toBeLessThanOrEqual(lines);
        if (row.problem) expect(row.problem.line).toBeGreaterThanOrEqual(row.line);
        previous = row.line;
      }
    }), { numRuns: 500 });
  });

  it('gives the same header and rows read whole or as a stream cut anywhere, in any encoding', async () => {
    await fc.assert(fc.asyncProperty(
      csvText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
      async (text, at, encoding) => {
        const content = `id;titre\n${text}`;
        const bytes = encoding === 'windows-1252' ? new Uint8Array(iconv.encode(Array.from(content, (ch) => (ch.charCodeAt(0) <= 0xff || ch === '€' ? ch : '?')).join(''), 'win1252'))
          : encoding === 'utf-16le' ? new Uint8Array([0xff, 0xfe, ...iconv.encode(content, 'utf16le')])
            : new Uint8Array([...(encoding === 'utf-8-bom' ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(content)]);
        const whole = readCsvTable(bytes, 'f.csv', ['id', 'titre']);
        const rows: CsvRow[] = [];
        const streamed = await streamCsvTable({ path: 'f.csv', pieces: () => cut(bytes, at) }, ['id', 'titre'], (row) => rows.push(row));
        expect(streamed.diagnostics).toEqual(whole.diagnostics);
        expect(rows).toEqual(whole.table?.rows ?? []);
        expect(streamed.table?.encoding).toBe(whole.table?.encoding);
      },
    ), { numRuns: 300 });
  });

  it('reads every well-formed row as written around a stray quote, and accepts nothing else', () => {
    // Rows of 13 cells, as innovations.csv: prose cells (separators and line breaks inside, text
    // at both ends) and plain ones.
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '1'), minLength: 1, maxLength: 6 }).map((c) => c.trim() || 'x');
    const prose = fc.string({ unit: fc.constantFrom('a', 'é', ';', '\n', '\r\n', ' '), maxLength: 8 })
      .map((c) => c.replace(/^[\s;]+|[\s;]+$/gu, ''));
    const row = fc.tuple(prose, plain, prose, fc.array(plain, { minLength: 10, maxLength: 10 })).map(([a, b, c, rest]) => [a, b, c, ...rest]);
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.nat(), fc.constantFrom('\n', '\r\n'), (cells, pick, end) => {
      const quote = (c: string) => (/[;"\r\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c);
      const bad = pick % cells.length;
      // The stray quote: text pasted with a quote in front, never closed in its cell. (Its row has
      // no cell over several lines: once broken, the rest of such a cell may read as a row.)
      const oneLine = (c: string) => c.replace(/[\r\n]+/gu, ' ');
      const lines = cells.map((r, i) => (i === bad ? [quote(oneLine(r[0]!)), `"${r[1]}`, ...r.slice(2).map((c) => quote(oneLine(c)))].join(';') : r.map(quote).join(';')));
      const header = Array.from({ length: 13 }, (_, i) => `c${i + 1}`).join(';');
      const parsed = parseCsvText(`${header}${end}${lines.join(end)}${end}`, 'f.csv');
      const good = parsed.rows.filter((r) => !r.problem).map((r) => r.cells);
      expect(good).toEqual(cells.filter((_, i) => i !== bad));
      // The broken row is reported (its own later lines may be too, when it spans several).
      expect(parsed.rows.filter((r) => r.problem).length).toBeGreaterThanOrEqual(1);
    }), { numRuns: 500 });
  });
});
