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
});
