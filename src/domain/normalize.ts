/**
 * Text folding for matching what people type against names: case, accents and spacing
 * must not matter ("La Réunion" = "la reunion"). Shared by the data build and the app's search.
 */

// The combining diacritical marks block, as a plain range: faster than /\p{M}/u, which dominates
// the filter index build at 100,000 innovations (npm run bench:filter-domain), and it covers
// every accent of the Latin script (NFD puts French accents in U+0300–U+036F).
const COMBINING_MARKS = /[\u0300-\u036f]+/g;
const SPACES = /\s+/gu;
const NON_ASCII = /[^\x20-\x7e\s]/u;

/** Lowercase, strip diacritics (é→e), spell out ligatures (œ→oe), collapse and trim whitespace. */
export function foldText(s: string): string {
  // Most cells are plain ASCII: skip Unicode normalisation for them (it dominates build time).
  if (!NON_ASCII.test(s)) return s.toLowerCase().replace(SPACES, ' ').trim();
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/œ/giu, 'oe')
    .replace(/æ/giu, 'ae')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

const PUNCTUATION = /[-‐‑‒–—_'’‘`´.,;:()/]+/gu;

/**
 * Key for a place name (commune, department): folded, punctuation as spaces, and the usual
 * abbreviations spelled out, so that "St-Denis", "Saint Denis" and "saint-denis" meet.
 */
export function placeKey(s: string): string {
  return foldText(s.replace(PUNCTUATION, ' '))
    .replace(/\bste\b/gu, 'sainte')
    .replace(/\bst\b/gu, 'saint');
}

/** placeKey without a leading article, for names people often write without it ("Réunion"). */
export function placeKeyWithoutArticle(s: string): string {
  return placeKey(s).replace(/^(?:la|le|les|l) /u, '');
}
