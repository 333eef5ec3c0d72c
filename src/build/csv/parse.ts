import type { Diagnostic } from '../../domain/types';
import { FORMULA_START } from '../../domain/csvCells';
import { CsvTokenizer, MAX_RECORD_LENGTH, type CsvRecord } from './tokenize';

export type CsvDelimiter = ',' | ';' | '\t';

/** One data row as read from the file: cells trimmed, with the line where the row starts. */
export interface CsvRow {
  /** 1-based line of the row's first character (header is line 1; quoted line breaks counted). */
  line: number;
  cells: string[];
  /** Set when the row itself is malformed (wrong number of fields, unclosed quote): it is then rejected whole. */
  problem?: Diagnostic;
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  /** Header cells, trimmed; empty when the file is empty. */
  header: string[];
  rows: CsvRow[];
}

/**
 * Guess the separator from the header (first non-blank) line: column names never contain `,`,
 * `;` or tabs, so whichever appears most there is the separator. French spreadsheets write `;`,
 * Excel's "Texte Unicode" tabs.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = /[^\r\n]*\S[^\r\n]*/u.exec(text)?.[0] ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * A cell as typed, without the apostrophe the app's CSV export puts before a cell a spreadsheet
 * would run as a formula (src/domain/export.ts: "=SOMME(A1)" is exported as "'=SOMME(A1)"). Only
 * an apostrophe followed by what the export protects is removed: "'Allo" stays "'Allo".
 */
export function unprotectFormula(cell: string): string {
  if (cell.charCodeAt(0) !== 39 || !FORMULA_START.test(cell.slice(1))) return cell;
  return cell.slice(1).trim();
}

/** What a CsvReader reports: the header once, then each non-blank row. */
export interface CsvReaderEvents {
  header?: (header: string[], delimiter: CsvDelimiter) => void;
  row: (row: CsvRow) => void;
}

/**
 * Reads CSV text given piece by piece (a file read as a stream): the separator is guessed from
 * the header line, blank lines and lines made only of separators (as spreadsheets leave after
 * the last row) are skipped but still counted in line numbers, and malformed rows are passed on
 * flagged, never dropped.
 */
export class CsvReader {
  private tokenizer: CsvTokenizer | undefined;
  /** Text held until the header line is complete (the separator is guessed from it). */
  private head = '';
  private header: string[] | undefined;
  delimiter: CsvDelimiter = ',';

  constructor(private readonly file: string, private readonly on: CsvReaderEvents) {}

  push(text: string): void {
    if (this.tokenizer) {
      this.tokenizer.push(text);
      return;
    }
    this.head += text;
    // The header is the first line with something on it: wait until it is complete (or is surely
    // not a header line).
    if (/\S[^\r\n]*[\r\n]/u.test(this.head) || this.head.length > MAX_RECORD_LENGTH) this.start();
  }

  end(): void {
    if (!this.tokenizer) this.start();
    this.tokenizer?.end();
  }

  private start(): void {
    this.delimiter = detectDelimiter(this.head);
    this.tokenizer = new CsvTokenizer(this.delimiter, (record) => this.record(record));
    const head = this.head;
    this.head = '';
    this.tokenizer.push(head);
  }

  /** Returns the index of a quote that swallowed rows, to have the tokenizer read them again. */
  private record(record: CsvRecord): number | undefined {
    if (!record.unclosedQuote && !record.tooLong && isBlank(record.cells)) return undefined;
    if (this.header === undefined) {
      this.header = record.cells.map((c) => c.trim());
      this.on.header?.(this.header, this.delimiter);
      return undefined;
    }
    const cells = record.cells.map((c) => unprotectFormula(c.trim()));
    const row: CsvRow = { line: record.line, cells };
    let problem = describeProblem(record, cells, this.header.length, this.file);
    // A quote typed by mistake closes on a later cell's opening quote, swallowing the rows in
    // between: it ran over a line that reads as a whole row, or its closing quote stands where a
    // cell starts and is followed by text or leaves the row wrong. Those rows are read again. (A
    // description over several lines has prose there, ends with its text before its quote, and
    // a separator or a line break follows.)
    const width = this.header.length;
    const runaway = record.quotedLines?.findIndex((q) => q.swallowedCells >= width || (q.closesAtCellStart && (q.textAfter || problem !== undefined))) ?? -1;
    const quote = record.quotedLines?.[runaway];
    if (quote) {
      problem = {
        severity: 'error', file: this.file, line: quote.line, column: quote.column,
        message: `guillemet ouvert ici et refermé seulement ligne ${quote.closeLine} : tout le texte entre les deux a été lu comme une seule cellule ; fermez le guillemet à la bonne place ou retirez-le (les lignes suivantes sont lues normalement)`,
      };
    }
    if (!problem && record.strayQuote) {
      problem = {
        severity: 'error', file: this.file, ...record.strayQuote,
        message: 'guillemet ouvert ici et refermé par le guillemet d’une cellule suivante : le texte entre les deux a été lu comme une seule cellule ; fermez le guillemet à la bonne place ou retirez-le',
      };
    }
    if (problem) row.problem = problem;
    this.on.row(row);
    return quote ? runaway : undefined;
  }
}

/** Parse CSV text (already decoded) into trimmed cells with line numbers (see CsvReader). */
export function parseCsvText(text: string, file: string): ParsedCsv {
  const rows: CsvRow[] = [];
  let header: string[] = [];
  const reader = new CsvReader(file, { header: (h) => { header = h; }, row: (r) => rows.push(r) });
  reader.push(text);
  reader.end();
  return { delimiter: reader.delimiter, header, rows };
}

function describeProblem(record: CsvRecord, cells: string[], expected: number, file: string): Diagnostic | undefined {
  const line = record.line;
  if (record.tooLong) {
    return {
      severity: 'error', file, line, column: 1,
      message: 'ligne de plus de 16 millions de caractères, ignorée : est-ce bien un fichier CSV enregistré depuis un tableur ?',
    };
  }
  if (record.unclosedQuote) {
    return {
      severity: 'error', file, line: record.unclosedQuote.line, column: record.unclosedQuote.column,
      message: 'guillemet ouvrant sans guillemet fermant : le texte de cette cellule commence par " mais ne se termine jamais ; fermez-le par " ou retirez ce guillemet (les lignes suivantes sont lues normalement)',
    };
  }
  // Trailing empty cells are what spreadsheets add when a column was once used: harmless.
  let count = cells.length;
  while (count > expected && cells[count - 1] === '') count -= 1;
  if (count > expected) {
    return {
      severity: 'error', file, line, column: expected + 1,
      message: `${count} champs au lieu de ${expected} : un texte contenant le séparateur doit être entre guillemets (")`,
    };
  }
  if (count < expected) {
    return {
      severity: 'error', file, line, column: count + 1,
      message: `${count} champ${count > 1 ? 's' : ''} au lieu de ${expected} : il manque des séparateurs sur cette ligne`,
    };
  }
  return undefined;
}
