/**
 * Filtering innovations: the semantics users rely on, and the precomputation that keeps it fast.
 *
 * Semantics: within a group (themes, sectors) values are OR-ed; across groups criteria are AND-ed.
 * A text query matches when every word of it appears somewhere in the title, description, porteur
 * or commune, ignoring case and accents. Facet counts tell, for each value of a group, how many
 * innovations would match if that value were ticked alone in its group while the other groups keep
 * their current choices (the group's own selection is left out, so counts never drop to zero just
 * because a sibling value is ticked).
 *
 * Everything that depends only on the data (folded search text, region of each innovation, display
 * order) is computed once per data load in `buildFilterIndex`; `applyFilters` only scans.
 */
import type { DepartementInfo, EtapeFeature, Filters, InnovationFeature } from './types';
import { foldText } from './normalize';

/**
 * Values of a multi-valued field (themes, sectors) as small integers, flattened: the values of
 * innovation i are `codes[offsets[i]] … codes[offsets[i + 1] - 1]`, without repeats.
 */
interface CodedLists {
  ids: string[];
  offsets: Uint32Array;
  codes: Uint16Array;
}

/** Folded searchable fields, in display order. */
interface SearchText {
  titres: string[];
  porteurs: string[];
  communes: string[];
  descriptions: string[];
}

/** What a filter pass needs to know about the data, computed once per load. */
export interface FilterIndex {
  /** Innovations in display order: department code, then title, then id. */
  readonly ordered: readonly InnovationFeature[];
  /** Department of each innovation in `ordered`, as an index into `departementIds`. */
  readonly departementCodes: Uint16Array;
  readonly departementIds: readonly string[];
  /** Region of each department in `departementIds` ('' when unknown). */
  readonly regionOfDepartement: readonly string[];
  readonly themes: CodedLists;
  readonly secteurs: CodedLists;
  readonly search: SearchText;
  /** Last text query and its scores (-1: no match), so changing another filter skips the text scan. */
  textCache: { query: string; scores: Float64Array } | null;
}

function codeLists(lists: readonly (readonly string[])[]): CodedLists {
  const ids: string[] = [];
  const codeOf = new Map<string, number>();
  const offsets = new Uint32Array(lists.length + 1);
  const flat: number[] = [];
  lists.forEach((values, i) => {
    offsets[i] = flat.length;
    for (const v of values) {
      let code = codeOf.get(v);
      if (code === undefined) {
        code = ids.length;
        ids.push(v);
        codeOf.set(v, code);
      }
      let seen = false;
      for (let k = offsets[i]!; k < flat.length && !seen; k++) seen = flat[k] === code;
      if (!seen) flat.push(code);
    }
  });
  offsets[lists.length] = flat.length;
  return { ids, offsets, codes: Uint16Array.from(flat) };
}

const FIELD_SEPARATOR = '\u0000';

/** Sort key of an INSEE department code: '2A' between '19' and '21', overseas after metropolitan. */
export function departementSortKey(code: string): string {
  if (/^2[AB]$/i.test(code)) return `020${code.toUpperCase()}`;
  return code.padStart(3, '0');
}

/** Precomputes what filtering needs. Call once per data load; does not mutate its inputs. */
export function buildFilterIndex(
  innovations: readonly InnovationFeature[],
  departements: ReadonlyMap<string, DepartementInfo>,
): FilterIndex {
  const rows = innovations.map((feature) => {
    const p = feature.properties;
    // One fold per innovation rather than four: folding dominates the cost at 100,000 rows.
    const [titre = '', porteur = '', commune = '', description = ''] = foldText(
      [p.titre, p.porteur, p.commune, p.description].join(FIELD_SEPARATOR),
    ).split(FIELD_SEPARATOR).map((f) => f.trim());
    return { feature, depKey: departementSortKey(p.departement), titre, porteur, commune, description };
  });
  rows.sort((a, b) =>
    a.depKey < b.depKey ? -1 : a.depKey > b.depKey ? 1
      : a.titre < b.titre ? -1 : a.titre > b.titre ? 1
        : a.feature.properties.id < b.feature.properties.id ? -1 : a.feature.properties.id > b.feature.properties.id ? 1 : 0);
  const ordered = rows.map((r) => r.feature);
  const departementIds: string[] = [];
  const depCodeOf = new Map<string, number>();
  const departementCodes = Uint16Array.from(ordered, (f) => {
    let code = depCodeOf.get(f.properties.departement);
    if (code === undefined) {
      code = departementIds.length;
      departementIds.push(f.properties.departement);
      depCodeOf.set(f.properties.departement, code);
    }
    return code;
  });
  return {
    ordered,
    departementCodes,
    departementIds,
    regionOfDepartement: departementIds.map((d) => departements.get(d)?.region ?? ''),
    themes: codeLists(ordered.map((f) => f.properties.themes)),
    secteurs: codeLists(ordered.map((f) => f.properties.secteurs)),
    search: {
      titres: rows.map((r) => r.titre),
      porteurs: rows.map((r) => r.porteur),
      communes: rows.map((r) => r.commune),
      descriptions: rows.map((r) => r.description),
    },
    textCache: null,
  };
}

/** Result of one filter pass. */
export interface FilterResult {
  /** Matching innovations, sorted by department then title, or by relevance when searching. */
  innovations: InnovationFeature[];
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
}

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
  const titre = text.titres[i]!;
  const porteur = text.porteurs[i]!;
  const commune = text.communes[i]!;
  for (const w of words) {
    if (titre.includes(w)) score += startsAWord(titre, w) ? 10 : 6;
    if (porteur.includes(w)) score += startsAWord(porteur, w) ? 4 : 2;
    if (commune.includes(w)) score += startsAWord(commune, w) ? 4 : 2;
    if (text.descriptions[i]!.includes(w)) score += 1;
  }
  if (words.length > 1 && titre.includes(words.join(' '))) score += 5;
  return score;
}

function includes(text: SearchText, i: number, word: string): boolean {
  return text.titres[i]!.includes(word) || text.porteurs[i]!.includes(word)
    || text.communes[i]!.includes(word) || text.descriptions[i]!.includes(word);
}

/** Relevance score of every indexed innovation for the query (-1 where it does not match). */
function textScores(index: FilterIndex, query: string): Float64Array | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const key = words.join(' ');
  if (index.textCache?.query === key) return index.textCache.scores;
  const text = index.search;
  const scores = new Float64Array(index.ordered.length);
  for (let i = 0; i < scores.length; i++) {
    scores[i] = words.every((w) => includes(text, i, w)) ? relevance(text, i, words) : -1;
  }
  index.textCache = { query: key, scores };
  return scores;
}

function anyIn(values: readonly string[], selected: ReadonlySet<string>): boolean {
  for (const v of values) if (selected.has(v)) return true;
  return false;
}

/** Which coded values are selected (ids absent from the data select nothing). */
function selectionMask(lists: CodedLists, selected: readonly string[]): Uint8Array {
  const mask = new Uint8Array(lists.ids.length);
  for (const id of selected) {
    const code = lists.ids.indexOf(id);
    if (code >= 0) mask[code] = 1;
  }
  return mask;
}

function anySelected(lists: CodedLists, i: number, mask: Uint8Array): boolean {
  for (let k = lists.offsets[i]!; k < lists.offsets[i + 1]!; k++) if (mask[lists.codes[k]!]) return true;
  return false;
}

function countInto(lists: CodedLists, i: number, counts: Int32Array): void {
  for (let k = lists.offsets[i]!; k < lists.offsets[i + 1]!; k++) counts[lists.codes[k]!]!++;
}

function countMap(ids: readonly string[], counts: Int32Array): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, code) => {
    if (counts[code]! > 0) map.set(id, counts[code]!);
  });
  return map;
}

/**
 * One pass over the data: the matching innovations and every facet count. Does not mutate the
 * filters or the innovations (the index keeps caches of the search text and the last query).
 */
export function applyFilters(index: FilterIndex, filters: Filters): FilterResult {
  const themeMask = selectionMask(index.themes, filters.themes);
  const secteurMask = selectionMask(index.secteurs, filters.secteurs);
  const anyTheme = filters.themes.length > 0;
  const anySecteur = filters.secteurs.length > 0;
  const scores = textScores(index, filters.texte);
  const { anneeMin, anneeMax, region, departement } = filters;
  const hasYear = anneeMin !== null || anneeMax !== null;
  const depCount = index.departementIds.length;
  // Place criteria, decided once per department rather than once per innovation.
  const placeOk = new Uint8Array(depCount);
  const regionCodes = index.regionOfDepartement;
  for (let d = 0; d < depCount; d++) {
    placeOk[d] = (region === null || regionCodes[d] === region)
      && (departement === null || index.departementIds[d] === departement) ? 1 : 0;
  }

  const matched = new Int32Array(index.ordered.length);
  let matchedCount = 0;
  const themeCounts = new Int32Array(index.themes.ids.length);
  const secteurCounts = new Int32Array(index.secteurs.ids.length);
  const placeCounts = new Int32Array(depCount);
  const matchCounts = new Int32Array(depCount);

  for (let i = 0; i < index.ordered.length; i++) {
    if (scores && scores[i]! < 0) continue;
    if (hasYear) {
      // An innovation without a year cannot be said to fall within a range: left out.
      const annee = index.ordered[i]!.properties.annee;
      if (annee === null) continue;
      if (anneeMin !== null && annee < anneeMin) continue;
      if (anneeMax !== null && annee > anneeMax) continue;
    }
    const d = index.departementCodes[i]!;
    const themeOk = !anyTheme || anySelected(index.themes, i, themeMask);
    const secteurOk = !anySecteur || anySelected(index.secteurs, i, secteurMask);
    if (themeOk && secteurOk) placeCounts[d]!++;
    if (!placeOk[d]) continue;
    if (secteurOk) countInto(index.themes, i, themeCounts);
    if (themeOk) countInto(index.secteurs, i, secteurCounts);
    if (themeOk && secteurOk) {
      matched[matchedCount++] = i;
      matchCounts[d]!++;
    }
  }

  const order = Array.from(matched.subarray(0, matchedCount));
  if (scores) {
    // Stable on display order, so equal scores stay sorted by department then title.
    order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  }
  const regionCounts = new Map<string, number>();
  for (let d = 0; d < depCount; d++) {
    if (placeCounts[d]! > 0 && regionCodes[d] !== '') {
      regionCounts.set(regionCodes[d]!, (regionCounts.get(regionCodes[d]!) ?? 0) + placeCounts[d]!);
    }
  }
  return {
    innovations: order.map((i) => index.ordered[i]!),
    themeCounts: countMap(index.themes.ids, themeCounts),
    secteurCounts: countMap(index.secteurs.ids, secteurCounts),
    regionCounts,
    departementCounts: countMap(index.departementIds, placeCounts),
    countsByDepartement: countMap(index.departementIds, matchCounts),
  };
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
    || foldText(filters.texte) !== '';
}
