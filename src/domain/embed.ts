/**
 * Putting the map in another site: the address of the embedded page (the same page with
 * `integration=1` and the current filters) and the `<iframe>` code an organiser pastes. Pure.
 */

/** Height of the frame the code proposes: enough for the map and the first results. */
export const EMBED_HEIGHT = 640;

/** Escapes text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's address (origin and path, no query) with `query` (without '?') and the embed flag. */
export function embedUrl(pageUrl: string, query: string): string {
  const base = pageUrl.replace(/[?#].*$/s, '');
  return `${base}?${query ? `${query}&` : ''}integration=1`;
}

/** The page's address with `query` and without the embed flag: the full map, same filters. */
export function fullMapUrl(pageUrl: string, query: string): string {
  const base = pageUrl.replace(/[?#].*$/s, '');
  return query ? `${base}?${query}` : base;
}

/** The `<iframe>` to paste: a title for screen readers (RGAA 2.1), no border, loaded when seen. */
export function embedSnippet(src: string, title = 'Cartographie TIC des territoires'): string {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
}
