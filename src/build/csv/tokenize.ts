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

  constructor(separator: string, private readonly emit: (record: CsvRecord) => void) {
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
    for (;;) {
      let cell = '';
      if (s.charCodeAt(p) === QUOTE) {
        const quoteLine = line;
        let from = p + 1;
        for (;;) {
          const close = s.indexOf('"', from);
          if (close === -1 || close - p > MAX_QUOTED_LENGTH) {
            if (!final && close === -1 && s.length - p <= MAX_QUOTED_LENGTH) return -1;
            return this.unclosed(s, p, cells, quoteLine, final);
          }
          if (close + 1 === s.length && !final) return -1;
          if (s.charCodeAt(close + 1) === QUOTE) {
            cell += s.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          cell += s.slice(from, close);
          line += countLineBreaks(s, p, close);
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
      cells.push(cell);
      if (p >= s.length) {
        if (!final) return -1;
        this.emit({ line: this.line, cells });
        this.line = line;
        return p;
      }
      if (c === sep) {
        p += 1;
        continue;
      }
      // A CR at the end of the text so far may be the first half of a CRLF.
      if (c === CR && p + 1 === s.length && !final) return -1;
      this.emit({ line: this.line, cells });
      this.line = line;
      return this.afterLineBreak(s, p, final);
    }
  }

  /** Emits the record whose quote at s[quote] never closes; reading resumes on the next line. */
  private unclosed(s: string, quote: number, cells: string[], quoteLine: number, final: boolean): number {
    const lineEnd = lineBreakAt(s, quote);
    this.emit({
      line: this.line,
      cells: [...cells, s.slice(quote + 1, lineEnd)],
      unclosedQuote: { line: quoteLine, column: cells.length + 1 },
    });
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
