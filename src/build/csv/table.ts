import type { Diagnostic } from '../../domain/types';
import { foldText } from '../../domain/normalize';
import { decodeCsvBytes, type CsvEncoding } from './decode';
import { parseCsvText, type CsvDelimiter, type CsvRow } from './parse';

/** A CSV file read against its expected columns. */
export interface CsvTable<C extends string> {
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  rows: CsvRow[];
  /** 0-based index of each expected column in the file (files may order columns freely). */
  index: Record<C, number>;
}

export interface CsvTableResult<C extends string> {
  /** Undefined when the file cannot be used at all (missing column, no header). */
  table?: CsvTable<C>;
  diagnostics: Diagnostic[];
}

/**
 * Decode, parse and map a CSV file onto its expected columns. Column names are matched without
 * case or accents (a spreadsheet user may type "Année"), but every expected column must be there.
 */
export function readCsvTable<C extends string>(
  bytes: Uint8Array,
  file: string,
  columns: readonly C[],
): CsvTableResult<C> {
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = parseCsvText(text, file);
  const diagnostics: Diagnostic[] = [];
  const error = (column: number, message: string) =>
    diagnostics.push({ severity: 'error', file, line: 1, column, message });

  if (parsed.header.length === 0) {
    error(1, `fichier vide : la première ligne doit nommer les colonnes (${columns.join(', ')})`);
    return { diagnostics };
  }

  const wanted = new Map(columns.map((c) => [foldText(c), c] as const));
  const index = {} as Record<C, number>;
  const seen = new Set<C>();
  parsed.header.forEach((name, i) => {
    const column = wanted.get(foldText(name));
    if (column === undefined) {
      if (name !== '') {
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
      error(parsed.header.length + 1, `colonne « ${column} » manquante : ajoutez-la à la première ligne (colonnes attendues : ${columns.join(', ')})`);
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { table: { file, encoding, delimiter: parsed.delimiter, rows: parsed.rows, index }, diagnostics };
}
