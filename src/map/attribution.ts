/**
 * MapLibre's attribution control writes its strings as HTML; the credits come from a data file
 * (meta.json), so they are escaped to be shown as plain text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** The credits of every data source, escaped, blank ones and duplicates dropped. */
export function attributionStrings(attributions: readonly string[]): string[] {
  return [...new Set(attributions.map((a) => a.trim()).filter(Boolean))].map(escapeHtml);
}
