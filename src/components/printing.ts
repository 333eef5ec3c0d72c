/**
 * Printing: what must be ready before the browser lays the page out for print (the map drawn into
 * a plain canvas, the full results table). Preparations run synchronously on `beforeprint` (Ctrl+P,
 * the browser menu) and when the "Imprimer" button asks for print.
 */
type Preparation = () => void;

const preparations = new Set<Preparation>();

/** Registers `prepare` to run before each print; returns the function that unregisters it. */
export function onBeforePrint(prepare: Preparation): () => void {
  preparations.add(prepare);
  return () => preparations.delete(prepare);
}

/** Runs every registered preparation now. */
export function preparePrint(): void {
  for (const prepare of preparations) prepare();
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', preparePrint);

/** Prepares the page, then opens the browser's print dialog. */
export function printPage(): void {
  preparePrint();
  window.print();
}

/** Most rows printed: past that, a sentence says how many were left out and points to the CSV. */
export const PRINT_MAX_ROWS = 500;

/** Fetches the rows the printed table shows, then prints. */
export async function printWithRows(source: { loadRows(rows: ArrayLike<number>): Promise<unknown> }, rows: Uint32Array): Promise<void> {
  await source.loadRows(rows.subarray(0, PRINT_MAX_ROWS));
  printPage();
}
