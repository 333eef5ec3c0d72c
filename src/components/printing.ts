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
