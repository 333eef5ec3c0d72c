/**
 * Writing CSV cells as the organisers' spreadsheets read them, without papaparse: a proposition
 * file (the form) and the rows `npm run propositions` appends are one or a few lines, and the
 * form's code must stay small. The app's exports (export.ts) follow the same rules.
 */

/** `;` with decimal commas opens directly in French Excel; `,` with decimal points suits other tools. */
export type CsvDelimiter = ';' | ',';

/**
 * Cells a spreadsheet would evaluate: starting with = + - @ tab or CR (OWASP "CSV injection").
 * Plain numbers such as "-1,55" are not formulas and stay numbers; "-2+3" is neutralised.
 */
export const FORMULA_START = /^(?![-+]?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

/**
 * One cell: an apostrophe before what a spreadsheet would run as a formula (the data build takes
 * it off again), quotes around a cell holding the separator, a quote or a line break.
 */
export function csvCell(value: string, delimiter: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of cells, without its line break. */
export function csvLine(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter);
}

/** A coordinate to 6 decimals (10 cm), with a decimal comma when the separator is `;`. */
export function decimalCell(x: number, delimiter: string): string {
  const s = String(Number(x.toFixed(6)));
  return delimiter === ';' ? s.replace('.', ',') : s;
}
