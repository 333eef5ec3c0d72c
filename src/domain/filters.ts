/**
 * Filtering innovations: the semantics users rely on, computed over the compact columns of
 * src/domain/points.ts (the points worker runs this; the unit tests check it against a
 * brute-force definition).
 *
 * Semantics: within a group (themes, sectors) values are OR-ed; across groups criteria are AND-ed.
 * A text query matches when every word of it appears somewhere in the title, description, porteur
 * or commune, ignoring case and accents. "Lauréats des Trophées" keeps the innovations that won a
 * Trophée de l'Innovation Territoriale. Facet counts tell, for each value of a group, how many
 * innovations would match if that value were ticked alone in its group while the other groups keep
 * their current choices (the group's own selection is left out, so counts never drop to zero just
 * because a sibling value is ticked).
 *
 * Everything that depends only on the data (folded search text, display order, coded values) is
 * computed by the data build; a filter pass only scans columns.
 */
import type { EtapeFeature, Filters } from './types';
import { foldText } from './normalize';
import { SEARCH_FIELD_SEPARATOR, wordsFor, type PointsTable } from './points';

/** Folded searchable fields, row by row in display order (from the recherche/ chunks). */
export interface SearchText {
  titres: string[];
  porteurs: string[];
  communes: string[];
  descriptions: string[];
}

/** An empty SearchText to fill chunk by chunk with appendSearchLines. */
export function emptySearchText(): SearchText {
  return { titres: [], porteurs: [], communes: [], descriptions: [] };
}

/** Adds the rows of one recherche/NNNN.txt file (one line per row, fields separated) at `start`. */
export function appendSearchLines(search: SearchText, start: number, text: string): void {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, k) => {
    const [titre = '', porteur = '', commune = '', description = ''] = line.split(SEARCH_FIELD_SEPARATOR);
    search.titres[start + k] = titre;
    search.porteurs[start + k] = porteur;
    search.communes[start + k] = commune;
    search.descriptions[start + k] = description;
  });
}

/** Result of one filter pass. */
export interface FilterResult {
  /** Matching rows, in display order (department then title), or by relevance when searching. */
  matched: Uint32Array;
  /** Facet counts per theme id (other groups applied, theme selection left out). */
  themeCounts: Map<string, number>;
  /** Facet counts per sector id (other groups applied, sector selection left out). */
  secteurCounts: Map<string, number>;
  /** Facet counts per region code (territory selections left out). */
  regionCounts: Map<string, number>;
  /** Facet counts per department code (territory selections left out). */
  departementCounts: Map<string, number>;
  /** Number of matching innovations per department code (codes with none are absent). */
  countsByDepartement: Map<string, number>;
  /**
   * Facet counts per year (year range left out): innovations meeting every other criterion, by
   * year; UNKNOWN_YEAR counts those without a year. Years with none are absent. The filtered set's
   * own years are matchedYearCounts(yearCounts, filters).
   */
  yearCounts: Map<number, number>;
  /** Laureates among the innovations meeting every other criterion (the laureate filter left out). */
  laureatCount: number;
}

/** The key of yearCounts for innovations without a year (the `annee` column's 0). */
export const UNKNOWN_YEAR = 0;
/** Years are stored as 16-bit integers: one counter per possible value. */
const YEAR_SLOTS = 0x10000;

/** Words of a query, folded; empty when the query is blank. */
export function queryWords(query: string): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `word` occurs in `field` at the start of a word (not only inside one). */
function startsAWord(field: string, word: string): boolean {
  for (let at = field.indexOf(word); at >= 0; at = field.indexOf(word, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(field[at - 1]!)) return true;
  }
  return false;
}

/**
 * Relevance of an innovation for the query words: a word in the title counts most, then the porteur
 * and commune, then the description; a word that starts a word counts more than one found inside.
 */
function relevance(text: SearchText, i: number, words: readonly string[]): number {
  let score = 0;
  const titre = text.titres[i] ?? '';
  const porteur = text.porteurs[i] ?? '';
  const commune = text.communes[i] ?? '';
  for (const w of words) {
    if (titre.includes(w)) score += startsAWord(titre, w) ? 10 : 6;
    if (porteur.includes(w)) score += startsAWord(porteur, w) ? 4 : 2;
    if (commune.includes(w)) score += startsAWord(commune, w) ? 4 : 2;
    if ((text.descriptions[i] ?? '').includes(w)) score += 1;
  }
  if (words.length > 1 && titre.includes(words.join(' '))) score += 5;
  return score;
}

function includes(text: SearchText, i: number, word: string): boolean {
  return (text.titres[i] ?? '').includes(word) || (text.porteurs[i] ?? '').includes(word)
    || (text.communes[i] ?? '').includes(word) || (text.descriptions[i] ?? '').includes(word);
}

/**
 * Relevance score of every row for the query (-1 where it does not match), or null for a blank
 * query. The caller keeps the last scores to skip the text scan when only another filter changes.
 */
export function textScores(search: SearchText, count: number, query: string): Float64Array | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    scores[i] = words.every((w) => includes(search, i, w)) ? relevance(search, i, words) : -1;
  }
  return scores;
}

/** The key under which textScores' answer for `query` may be reused (same folded words). */
export function textKey(query: string): string {
  return queryWords(query).join(' ');
}

/** A bit mask (words per row of `ids`) with the bits of `selected` set; ids absent from the data select nothing. */
export function selectionMask(ids: readonly string[], selected: readonly string[]): Uint32Array {
  const mask = new Uint32Array(wordsFor(ids.length));
  for (const id of selected) {
    const bit = ids.indexOf(id);
    if (bit >= 0) mask[bit >>> 5]! |= 1 << (bit & 31);
  }
  return mask;
}

function anySelected(mask: Uint32Array, words: number, row: number, selected: Uint32Array): boolean {
  for (let w = 0; w < words; w++) if ((mask[row * words + w]! & selected[w]!) !== 0) return true;
  return false;
}

function countBits(mask: Uint32Array, words: number, row: number, counts: Int32Array): void {
  for (let w = 0; w < words; w++) {
    let m = mask[row * words + w]!;
    while (m !== 0) {
      const low = m & -m;
      counts[w * 32 + 31 - Math.clz32(low)]!++;
      m ^= low;
    }
  }
}

function countMap(ids: readonly string[], counts: Int32Array): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, code) => {
    if (counts[code]! > 0) map.set(id, counts[code]!);
  });
  return map;
}

/**
 * One pass over the columns: the matching rows and every facet count. `scores` are the text
 * scores of filters.texte (textScores), or null when there is no text query. Does not mutate its
 * inputs.
 */
export function applyFilters(table: PointsTable, filters: Filters, scores: Float64Array | null): FilterResult {
  const { header } = table;
  const count = header.count;
  const themeWords = wordsFor(header.themes.length);
  const secteurWords = wordsFor(header.secteurs.length);
  const themeMask = selectionMask(header.themes, filters.themes);
  const secteurMask = selectionMask(header.secteurs, filters.secteurs);
  const anyTheme = filters.themes.length > 0;
  const anySecteur = filters.secteurs.length > 0;
  const { anneeMin, anneeMax, region, departement, laureats } = filters;
  const hasYear = anneeMin !== null || anneeMax !== null;
  const depCount = header.departements.length;
  // Place criteria, decided once per department rather than once per innovation.
  const placeOk = new Uint8Array(depCount);
  for (let d = 0; d < depCount; d++) {
    placeOk[d] = (region === null || header.regions[d] === region)
      && (departement === null || header.departements[d] === departement) ? 1 : 0;
  }

  const matched = new Uint32Array(count);
  let matchedCount = 0;
  const themeCounts = new Int32Array(header.themes.length);
  const secteurCounts = new Int32Array(header.secteurs.length);
  const placeCounts = new Int32Array(depCount);
  const matchCounts = new Int32Array(depCount);
  const yearCounts = new Int32Array(YEAR_SLOTS);
  let laureatCount = 0;

  for (let i = 0; i < count; i++) {
    if (scores && scores[i]! < 0) continue;
    const annee = table.annee[i]!;
    const d = table.departement[i]!;
    const themeOk = !anyTheme || anySelected(table.themes, themeWords, i, themeMask);
    const secteurOk = !anySecteur || anySelected(table.secteurs, secteurWords, i, secteurMask);
    const laureat = table.trophee[i] !== 0;
    const laureatOk = !laureats || laureat;
    // The year facet leaves the year range out: counted before the range is applied.
    if (themeOk && secteurOk && laureatOk && placeOk[d]) yearCounts[annee]!++;
    // An innovation without a year cannot be said to fall within a range: left out.
    if (hasYear && (annee === UNKNOWN_YEAR || (anneeMin !== null && annee < anneeMin) || (anneeMax !== null && annee > anneeMax))) continue;
    if (themeOk && secteurOk && laureatOk) placeCounts[d]!++;
    if (!placeOk[d]) continue;
    if (themeOk && secteurOk && laureat) laureatCount++;
    if (!laureatOk) continue;
    if (secteurOk) countBits(table.themes, themeWords, i, themeCounts);
    if (themeOk) countBits(table.secteurs, secteurWords, i, secteurCounts);
    if (themeOk && secteurOk) {
      matched[matchedCount++] = i;
      matchCounts[d]!++;
    }
  }

  let order = matched.slice(0, matchedCount);
  if (scores) {
    // Stable on display order, so equal scores stay sorted by department then title.
    order = Uint32Array.from(Array.from(order).sort((a, b) => scores[b]! - scores[a]! || a - b));
  }
  const regionCounts = new Map<string, number>();
  for (let d = 0; d < depCount; d++) {
    const r = header.regions[d]!;
    if (placeCounts[d]! > 0 && r !== '') regionCounts.set(r, (regionCounts.get(r) ?? 0) + placeCounts[d]!);
  }
  return {
    matched: order,
    themeCounts: countMap(header.themes, themeCounts),
    secteurCounts: countMap(header.secteurs, secteurCounts),
    regionCounts,
    departementCounts: countMap(header.departements, placeCounts),
    countsByDepartement: countMap(header.departements, matchCounts),
    yearCounts: yearMap(yearCounts),
    laureatCount,
  };
}

function yearMap(counts: Int32Array): Map<number, number> {
  const map = new Map<number, number>();
  for (let y = 0; y < counts.length; y++) if (counts[y]! > 0) map.set(y, counts[y]!);
  return map;
}

/** Whether a year (UNKNOWN_YEAR for none) meets the year range of `filters`. */
export function yearInRange(annee: number, filters: Pick<Filters, 'anneeMin' | 'anneeMax'>): boolean {
  const { anneeMin, anneeMax } = filters;
  if (anneeMin === null && anneeMax === null) return true;
  return annee !== UNKNOWN_YEAR && (anneeMin === null || annee >= anneeMin) && (anneeMax === null || annee <= anneeMax);
}

/**
 * The filtered set's innovations per year: the year facet counts within the year range (those
 * without a year only when no range is set). They add up to the number of matches.
 */
export function matchedYearCounts(yearCounts: ReadonlyMap<number, number>, filters: Pick<Filters, 'anneeMin' | 'anneeMax'>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [annee, n] of yearCounts) if (yearInRange(annee, filters)) out.set(annee, n);
  return out;
}

/** Rows of one department among `rows` (e.g. the filtered ones), in the same order. */
export function rowsInDepartement(table: PointsTable, rows: Uint32Array, code: string): Uint32Array {
  const d = table.header.departements.indexOf(code);
  if (d < 0) return new Uint32Array(0);
  return rows.filter((i) => table.departement[i] === d);
}

/** Every row presented at stop `etapeId`, in display order. */
export function rowsAtEtape(table: PointsTable, etapeId: string): Uint32Array {
  const e = table.header.etapes.indexOf(etapeId) + 1;
  const out: number[] = [];
  if (e === 0) return new Uint32Array(0);
  for (let i = 0; i < table.header.count; i++) if (table.etape[i] === e) out.push(i);
  return Uint32Array.from(out);
}

/** Number of innovations per department code, filters aside (codes with none are absent). */
export function totalsByDepartement(table: PointsTable): Map<string, number> {
  const counts = new Int32Array(table.header.departements.length);
  for (let i = 0; i < table.header.count; i++) counts[table.departement[i]!]!++;
  return countMap(table.header.departements, counts);
}

/** Number of laureates of the Trophées, filters aside. */
export function laureatTotal(table: PointsTable): number {
  let n = 0;
  for (let i = 0; i < table.header.count; i++) if (table.trophee[i] !== 0) n++;
  return n;
}

/** Smallest and largest known year, or null when no row has one. */
export function yearRange(table: PointsTable): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < table.header.count; i++) {
    const y = table.annee[i]!;
    if (y === 0) continue;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  return min <= max ? { min, max } : null;
}

function anyIn(values: readonly string[], selected: ReadonlySet<string>): boolean {
  for (const v of values) if (selected.has(v)) return true;
  return false;
}

/** Stops whose themes meet the theme selection (all stops when no theme is ticked). */
export function etapesMatchingThemes(etapes: readonly EtapeFeature[], themes: readonly string[]): EtapeFeature[] {
  if (themes.length === 0) return [...etapes];
  const selected = new Set(themes);
  return etapes.filter((e) => anyIn(e.properties.themes, selected));
}

/** Whether any filter narrows the innovations (display toggles such as stops do not count). */
export function hasActiveFilters(filters: Filters): boolean {
  return filters.themes.length > 0 || filters.secteurs.length > 0 || filters.region !== null
    || filters.departement !== null || filters.anneeMin !== null || filters.anneeMax !== null
    || filters.laureats || foldText(filters.texte) !== '';
}
