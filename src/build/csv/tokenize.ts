/**
 * CSV records from text fed piece by piece, each with the physical line it starts on.
 *
 * Why not papaparse here: the build reports every problem as `file:line:column`, so it needs the
 * line of each record and of each opening quote, and it must not keep a whole file in memory.
 * Papaparse reports neither line, and in stream mode a quote that never closes makes it hold the
 * rest of the file in one string, then return it as one cell: every row after it disappears.
 *
 * Rules (RFC 4180, read as spreadsheets write it):
 * - a record ends at CRLF, LF or a lone CR outside quotes (each counts one line, as editors do);
 * - a cell starting with `"` is quoted: `""` inside is one `"`, and it may hold separators and
 *   line breaks; text after its closing quote, up to the next separator, is kept as is (as
 *   Python's csv module does), so a stray quote never swallows the next rows;
 * - a `"` inside an unquoted cell is an ordinary character;
 * - a quoted cell still open at the end of the text, or longer than MAX_QUOTED_LENGTH (far above
 *   the 32,767 characters a spreadsheet cell holds), is an unclosed quote: the record is returned
 *   with `unclosedQuote` set, and reading starts again on the line after the quote's line, so the
 *   following rows are read as rows.
 */

/** Longer than any spreadsheet cell (Excel: 32,767 characters): a quote this long never closed. */
export const MAX_QUOTED_LENGTH = 1 << 20;
/** No CSV row is this long: past it, the text is not a CSV file (or has no line breaks). */
export const MAX_RECORD_LENGTH = 16 << 20;

export interface CsvRecord {
  /** 1-based physical line of the record's first character. */
  line: number;
  /** Cells as written (quotes removed, not trimmed). */
  cells: string[];
  /** Set when a quoted cell never closes: line and cell number (1-based) of its opening quote. */
  unclosedQuote?: { line: number; column: number };
  /** Set when the line is longer than MAX_RECORD_LENGTH: its cells are cut, the rest of the line dropped. */
  tooLong?: true;
  /**
   * The record's quoted cells that run over several lines: where each quote opens and closes,
   * the most cells a line after the quote's would have as a row of its own, whether the closing
   * quote stands where a cell starts (after a separator or a line break) and whether text follows
   * it (spreadsheets never write that). A quote typed
   * by mistake pairs with the opening quote of a later cell and swallows the rows between; the
   * reader then asks to read again from the line after the quote's (see RecordSink).
   */
  quotedLines?: { line: number; column: number; closeLine: number; swallowedCells: number; closesAtCellStart: boolean; textAfter: boolean }[];
  /**
   * A quoted cell on one line whose closing quote stands where a cell starts and is followed by
   * text: a stray quote that closed on the next cell's quote (`1;"Word;"texte";x`).
   */
  strayQuote?: { line: number; column: number };
}

/**
 * Receives each record; returning the index of one of its `quotedLines` makes reading start again
 * on the line after that quote's line (the rows it swallowed are read as rows).
 */
export type RecordSink = (record: CsvRecord) => number | void;

/** A quoted cell over several lines, as the tokenizer tracks it: `at` is its quote's index in the text. */
interface MultilineQuote {
  at: number;
  line: number;
  column: number;
  closeLine: number;
  swallowedCells: number;
  closesAtCellStart: boolean;
  textAfter: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Line breaks in s[from, to): CRLF, LF and a lone CR each count one. */
export function countLineBreaks(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n += 1;
  for (let i = s.indexOf('\r', from); i !== -1 && i < to; i = s.indexOf('\r', i + 1)) {
    if (s.charCodeAt(i + 1) !== LF) n += 1;
  }
  return n;
}

/** Splits text into records; call push() with each piece of text, then end(). */
export class CsvTokenizer {
  /** Text not yet made into records (starts at a record's first character). */
  private buffer = '';
  /** Physical line of buffer[0]. */
  private line = 1;
  /**
   * After an unclosed quote whose line goes on past the text read so far: 'line' drops text up
   * to the next line break, 'lf' drops the LF of a CRLF cut between two pieces.
   */
  private skipping: 'line' | 'lf' | undefined;
  private readonly separator: number;
  private readonly separatorText: string;

  constructor(separator: string, private readonly emit: RecordSink) {
    this.separator = separator.charCodeAt(0);
    this.separatorText = separator.charAt(0);
  }

  push(text: string): void {
    this.buffer = this.buffer === '' ? text : this.buffer + text;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    this.buffer = '';
  }

  private scan(final: boolean): void {
    const s = this.buffer;
    let p = this.skip(s, final);
    while (p < s.length) {
      const end = this.record(s, p, final);
      if (end === -1) break;
      p = end;
    }
    if (!final && s.length - p > MAX_RECORD_LENGTH) {
      // Memory stays bounded whatever the file: the line so far is given up.
      this.emit({ line: this.line, cells: [s.slice(p, p + 80)], tooLong: true });
      this.skipping = 'line';
      this.buffer = '';
      return;
    }
    this.buffer = p === 0 ? s : s.slice(p);
  }

  /** Where reading starts in s once the rest of an unclosed quote's line is dropped. */
  private skip(s: string, final: boolean): number {
    if (this.skipping === 'lf') {
      if (s === '' && !final) return 0;
      this.skipping = undefined;
      return s.charCodeAt(0) === LF ? 1 : 0;
    }
    if (this.skipping === 'line') {
      const next = this.afterLineBreak(s, lineBreakAt(s, 0), final);
      return next;
    }
    return 0;
  }

  /**
   * Ends the line whose break is at s[i] (s.length: not seen yet) and returns where the next
   * line starts, updating `skipping` when that depends on text not read yet.
   */
  private afterLineBreak(s: string, i: number, final: boolean): number {
    if (i === s.length) {
      this.skipping = final ? undefined : 'line';
      return s.length;
    }
    this.line += 1;
    this.skipping = undefined;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 === s.length) {
        if (!final) this.skipping = 'lf';
        return s.length;
      }
      return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
    return i + 1;
  }

  /** Next line break positions in the current text (-1: none), found once per line. */
  private nextLF = -1;
  private nextCR = -1;
  private scanned = '';

  /** Index of the first separator or line break at or after p, or s.length. */
  private cellEnd(s: string, p: number): number {
    if (s !== this.scanned) {
      this.scanned = s;
      this.nextLF = -2;
      this.nextCR = -2;
    }
    if (this.nextLF !== -1 && this.nextLF < p) this.nextLF = s.indexOf('\n', p);
    if (this.nextCR !== -1 && this.nextCR < p) this.nextCR = s.indexOf('\r', p);
    let end = s.indexOf(this.separatorText, p);
    if (end === -1) end = s.length;
    if (this.nextLF !== -1 && this.nextLF < end) end = this.nextLF;
    if (this.nextCR !== -1 && this.nextCR < end) end = this.nextCR;
    return end;
  }

  /**
   * Reads the record starting at s[start] and emits it; returns where the next one starts, or
   * -1 when the text so far ends inside it (more text is needed).
   */
  private record(s: string, start: number, final: boolean): number {
    const cells: string[] = [];
    const sep = this.separator;
    let line = this.line;
    let p = start;
    const multiline: MultilineQuote[] = [];
    let stray: CsvRecord['strayQuote'];
    for (;;) {
      let cell = '';
      let quoted: MultilineQuote | undefined;
      let atCellStart = false;
      let quoteColumn = 0;
      const quoteAt = line;
      if (s.charCodeAt(p) === QUOTE) {
        const quoteLine = line;
        let from = p + 1;
        for (;;) {
          const close = s.indexOf('"', from);
          if (close === -1 || close - p > MAX_QUOTED_LENGTH) {
            if (!final && close === -1 && s.length - p <= MAX_QUOTED_LENGTH) return -1;
            return this.unclosed(s, p, cells, quoteLine, final, multiline);
          }
          if (close + 1 === s.length && !final) return -1;
          if (s.charCodeAt(close + 1) === QUOTE) {
            cell += s.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          cell += s.slice(from, close);
          const breaks = countLineBreaks(s, p, close);
          const before = s.charCodeAt(close - 1);
          atCellStart = close - 1 > p && (before === this.separator || before === LF || before === CR);
          quoteColumn = cells.length + 1;
          if (breaks > 0) {
            multiline.push({
              at: p, line: quoteLine, column: cells.length + 1, closeLine: quoteLine + breaks,
              swallowedCells: this.swallowedRowCells(s, p, close),
              closesAtCellStart: atCellStart,
              textAfter: false,
            });
            quoted = multiline[multiline.length - 1];
          }
          line += breaks;
          p = close + 1;
          break;
        }
      }
      // Unquoted cell, or what follows a closing quote: up to the next separator or line break
      // (indexOf scans far faster than a loop over characters).
      const from = p;
      p = this.cellEnd(s, p);
      const c = s.charCodeAt(p);
      if (p > from) cell += s.slice(from, p);
      if (quoted) quoted.textAfter = p > from;
      else if (atCellStart && p > from) stray ??= { line: quoteAt, column: quoteColumn };
      cells.push(cell);
      if (p >= s.length) {
        if (!final) return -1;
        const again = this.emitRecord({ line: this.line, cells, ...(stray ? { strayQuote: stray } : {}) }, multiline);
        if (again) return this.resume(s, again, final);
        this.line = line;
        return p;
      }
      if (c === sep) {
        p += 1;
        continue;
      }
      // A CR at the end of the text so far may be the first half of a CRLF.
      if (c === CR && p + 1 === s.length && !final) return -1;
      const again = this.emitRecord({ line: this.line, cells, ...(stray ? { strayQuote: stray } : {}) }, multiline);
      if (again) return this.resume(s, again, final);
      this.line = line;
      return this.afterLineBreak(s, p, final);
    }
  }

  /** Emits a record; returns the multi-line quote the reader wants to read on after, if any. */
  private emitRecord(record: CsvRecord, multiline: MultilineQuote[]): MultilineQuote | undefined {
    if (multiline.length > 0) record.quotedLines = multiline.map(({ at: _, ...quote }) => quote);
    const again = this.emit(record);
    return typeof again === 'number' ? multiline[again] : undefined;
  }

  /**
   * The most cells a line swallowed by the quote at s[quote] (closing at s[end]) would have as a
   * row: for each line after the quote's, its separators plus one, up to the closing quote on
   * the last. Between the two quotes there is no other quote (only doubled ones), so separators
   * there are plain characters of the text.
   */
  private swallowedRowCells(s: string, quote: number, end: number): number {
    let most = 0;
    let cells = 0;
    for (let k = lineBreakAt(s, quote); k < end; k += 1) {
      const c = s.charCodeAt(k);
      if (c === LF || c === CR) {
        most = Math.max(most, cells);
        cells = 1;
      } else if (c === this.separator) {
        cells += 1;
      }
    }
    return Math.max(most, cells);
  }

  /** Reading goes on at the line after the quote's (the quote is inside the record just read, in s). */
  private resume(s: string, quote: MultilineQuote, final: boolean): number {
    this.line = quote.line;
    // Reading goes back in the text: the line breaks found ahead are no longer the next ones.
    this.nextLF = -2;
    this.nextCR = -2;
    return this.afterLineBreak(s, lineBreakAt(s, quote.at), final);
  }

  /**
   * Emits the record whose quote at s[quote] never closes; reading resumes on the next line (or,
   * when the reader says so, after an earlier quote of the record that ran over several lines).
   */
  private unclosed(s: string, quote: number, cells: string[], quoteLine: number, final: boolean, multiline: MultilineQuote[]): number {
    const lineEnd = lineBreakAt(s, quote);
    const again = this.emitRecord({
      line: this.line,
      cells: [...cells, s.slice(quote + 1, lineEnd)],
      unclosedQuote: { line: quoteLine, column: cells.length + 1 },
    }, multiline);
    if (again) return this.resume(s, again, final);
    this.line = quoteLine;
    return this.afterLineBreak(s, lineEnd, final);
  }
}

/** Index of the first line break at or after `from`, or s.length. */
function lineBreakAt(s: string, from: number): number {
  for (let i = from; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return s.length;
}
