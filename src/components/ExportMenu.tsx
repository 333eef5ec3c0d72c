/** PROVISIONAL STUB, replaced by the filters issue (filters, results list, export). */
export function ExportMenu() {
  return null;
}
