import type { Diagnostic } from '../../domain/types';
import { foldText } from '../../domain/normalize';
import { decodeCsvBytes, decodePieces, detectEncoding, type CsvEncoding } from './decode';
import { CsvReader, type CsvDelimiter, type CsvRow } from './parse';

/** How a CSV file's columns map onto the expected ones. */
export interface CsvColumns<C extends string> {
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** 0-based index of each expected column in the file (files may order columns freely). */
  index: Record<C, number>;
  /** Header cells as written (trimmed). */
  header: string[];
}

/** A CSV file read whole against its expected columns. */
export interface CsvTable<C extends string> extends CsvColumns<C> {
  rows: CsvRow[];
}

export interface CsvTableResult<C extends string> {
  /** Undefined when the file cannot be used at all (missing column, no header). */
  table?: CsvTable<C>;
  diagnostics: Diagnostic[];
}

/** A file given as pieces of bytes; `pieces()` may be called more than once (the encoding is found first). */
export interface CsvSource {
  /** Path shown in messages. */
  path: string;
  pieces: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** The whole of a (small) source in one block: vocabularies, stops, meta.json, countries. */
export async function allBytes(source: CsvSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of source.pieces()) parts.push(piece);
  return parts.length === 1 ? parts[0] as Uint8Array : new Uint8Array(Buffer.concat(parts));
}

export interface CsvColumnOptions {
  /** Extra column names accepted without a warning (and ignored). */
  known?: readonly string[];
}

/**
 * Check a header against the expected columns. Names are matched without case or accents (a
 * spreadsheet user may type "Année"), but every expected column must be there.
 */
function checkHeader<C extends string>(header: string[], file: string, columns: readonly C[], options: CsvColumnOptions): { index?: Record<C, number>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (column: number, message: string) =>
    diagnostics.push({ severity: 'error', file, line: 1, column, message });

  if (header.length === 0) {
    error(1, `fichier vide : la première ligne doit nommer les colonnes (${columns.join(', ')})`);
    return { diagnostics };
  }

  const wanted = new Map(columns.map((c) => [foldText(c), c] as const));
  const known = new Set((options.known ?? []).map(foldText));
  const index = {} as Record<C, number>;
  const seen = new Set<C>();
  header.forEach((name, i) => {
    const column = wanted.get(foldText(name));
    if (column === undefined) {
      if (name !== '' && !known.has(foldText(name))) {
        diagnostics.push({
          severity: 'warning', file, line: 1, column: i + 1,
          message: `colonne « ${name} » inconnue, ignorée (colonnes attendues : ${columns.join(', ')})`,
        });
      }
      return;
    }
    if (seen.has(column)) {
      error(i + 1, `colonne « ${column} » en double : gardez-en une seule`);
      return;
    }
    seen.add(column);
    index[column] = i;
  });
  for (const column of columns) {
    if (!seen.has(column)) {
      error(header.length + 1, `colonne « ${column} » manquante : ajoutez-la à la première ligne (colonnes attendues : ${columns.join(', ')})`);
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { index, diagnostics };
}

/** Decode, parse and map a whole CSV file onto its expected columns (small files, tests). */
export function readCsvTable<C extends string>(
  bytes: Uint8Array,
  file: string,
  columns: readonly C[],
  options: CsvColumnOptions = {},
): CsvTableResult<C> {
  const { text, encoding } = decodeCsvBytes(bytes);
  let header: string[] = [];
  const rows: CsvRow[] = [];
  const reader = new CsvReader(file, { header: (h) => { header = h; }, row: (r) => rows.push(r) });
  reader.push(text);
  reader.end();
  const { index, diagnostics } = checkHeader(header, file, columns, options);
  if (!index) return { diagnostics };
  return { table: { file, encoding, delimiter: reader.delimiter, rows, index, header }, diagnostics };
}

/**
 * Read a CSV file as a stream: the header is checked against the expected columns, then each row
 * goes to `onRow` as soon as it is read, so no file is ever held whole in memory. Returns the
 * column mapping (undefined when the file cannot be used: then no row was given).
 */
export async function streamCsvTable<C extends string>(
  source: CsvSource,
  columns: readonly C[],
  onRow: (row: CsvRow, columns: CsvColumns<C>) => void,
  options: CsvColumnOptions = {},
): Promise<{ table?: CsvColumns<C>; diagnostics: Diagnostic[] }> {
  const file = source.path;
  const detected = await detectEncoding(source.pieces());
  let table: CsvColumns<C> | undefined;
  let checked: { diagnostics: Diagnostic[] } | undefined;
  const reader = new CsvReader(file, {
    header: (header, delimiter) => {
      const result = checkHeader(header, file, columns, options);
      checked = result;
      if (result.index) table = { file, encoding: detected.encoding, delimiter, index: result.index, header };
    },
    row: (row) => {
      if (table) onRow(row, table);
    },
  });
  for await (const text of decodePieces(source.pieces(), detected)) {
    reader.push(text);
    // A file whose columns are wrong is not worth reading further.
    if (checked && !table) break;
  }
  if (!checked || table) reader.end();
  return { table, diagnostics: (checked ?? checkHeader([], file, columns, options)).diagnostics };
}
