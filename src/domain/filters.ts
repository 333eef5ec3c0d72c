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
import type { Filters } from '../store/appStore';
import type { DepartementInfo, EtapeFeature, InnovationFeature } from './types';
import { foldText } from './normalize';

/** What a filter pass needs to know about the data, computed once per load. */
export interface FilterIndex {
  /** Innovations in display order: department code, then title, then id. */
  readonly ordered: readonly InnovationFeature[];
  /** Region code of each innovation in `ordered` ('' when its department is unknown). */
  readonly regions: readonly string[];
  /** Folded searchable fields of each innovation in `ordered`. */
  readonly titres: readonly string[];
  readonly porteurs: readonly string[];
  readonly communes: readonly string[];
  readonly descriptions: readonly string[];
  /** All searchable fields joined, for a quick "does every word occur" test. */
  readonly haystacks: readonly string[];
  /** Last text query and its scores (-1: no match), so changing another filter skips the text scan. */
  textCache: { query: string; scores: Float64Array } | null;
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
    return {
      feature,
      depKey: departementSortKey(p.departement),
      titre: foldText(p.titre),
      porteur: foldText(p.porteur),
      commune: foldText(p.commune),
      description: foldText(p.description),
    };
  });
  rows.sort((a, b) =>
    a.depKey < b.depKey ? -1 : a.depKey > b.depKey ? 1
      : a.titre < b.titre ? -1 : a.titre > b.titre ? 1
        : a.feature.properties.id < b.feature.properties.id ? -1 : a.feature.properties.id > b.feature.properties.id ? 1 : 0);
  return {
    ordered: rows.map((r) => r.feature),
    regions: rows.map((r) => departements.get(r.feature.properties.departement)?.region ?? ''),
    titres: rows.map((r) => r.titre),
    porteurs: rows.map((r) => r.porteur),
    communes: rows.map((r) => r.commune),
    descriptions: rows.map((r) => r.description),
    haystacks: rows.map((r) => [r.titre, r.porteur, r.commune, r.description].join(FIELD_SEPARATOR)),
    textCache: null,
  };
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
function relevance(index: FilterIndex, i: number, words: readonly string[]): number {
  let score = 0;
  const titre = index.titres[i]!;
  for (const w of words) {
    if (titre.includes(w)) score += startsAWord(titre, w) ? 10 : 6;
    const porteur = index.porteurs[i]!;
    if (porteur.includes(w)) score += startsAWord(porteur, w) ? 4 : 2;
    const commune = index.communes[i]!;
    if (commune.includes(w)) score += startsAWord(commune, w) ? 4 : 2;
    if (index.descriptions[i]!.includes(w)) score += 1;
  }
  if (words.length > 1 && titre.includes(words.join(' '))) score += 5;
  return score;
}

/** Relevance score of every indexed innovation for the query (-1 where it does not match). */
function textScores(index: FilterIndex, query: string): Float64Array | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const key = words.join(' ');
  if (index.textCache?.query === key) return index.textCache.scores;
  const scores = new Float64Array(index.ordered.length);
  for (let i = 0; i < scores.length; i++) {
    const hay = index.haystacks[i]!;
    let all = true;
    for (const w of words) {
      if (!hay.includes(w)) { all = false; break; }
    }
    scores[i] = all ? relevance(index, i, words) : -1;
  }
  index.textCache = { query: key, scores };
  return scores;
}

function anyIn(values: readonly string[], selected: ReadonlySet<string>): boolean {
  for (const v of values) if (selected.has(v)) return true;
  return false;
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * One pass over the data: the matching innovations and every facet count. Does not mutate the
 * filters or the innovations (the index keeps a cache of the last text query).
 */
export function applyFilters(index: FilterIndex, filters: Filters): FilterResult {
  const themes = new Set(filters.themes);
  const secteurs = new Set(filters.secteurs);
  const scores = textScores(index, filters.texte);
  const { anneeMin, anneeMax, region, departement } = filters;
  const hasYear = anneeMin !== null || anneeMax !== null;

  const matched: number[] = [];
  const themeCounts = new Map<string, number>();
  const secteurCounts = new Map<string, number>();
  const regionCounts = new Map<string, number>();
  const departementCounts = new Map<string, number>();
  const countsByDepartement = new Map<string, number>();

  for (let i = 0; i < index.ordered.length; i++) {
    if (scores && scores[i]! < 0) continue;
    const p = index.ordered[i]!.properties;
    if (hasYear) {
      // An innovation without a year cannot be said to fall within a range: left out.
      if (p.annee === null) continue;
      if (anneeMin !== null && p.annee < anneeMin) continue;
      if (anneeMax !== null && p.annee > anneeMax) continue;
    }
    const placeOk = (region === null || index.regions[i] === region)
      && (departement === null || p.departement === departement);
    const themeOk = themes.size === 0 || anyIn(p.themes, themes);
    const secteurOk = secteurs.size === 0 || anyIn(p.secteurs, secteurs);

    if (themeOk && secteurOk) {
      increment(regionCounts, index.regions[i]!);
      increment(departementCounts, p.departement);
    }
    if (!placeOk) continue;
    if (secteurOk) for (const t of new Set(p.themes)) increment(themeCounts, t);
    if (themeOk) for (const s of new Set(p.secteurs)) increment(secteurCounts, s);
    if (themeOk && secteurOk) {
      matched.push(i);
      increment(countsByDepartement, p.departement);
    }
  }

  if (scores) {
    // Stable on display order, so equal scores stay sorted by department then title.
    matched.sort((a, b) => scores[b]! - scores[a]! || a - b);
  }
  return {
    innovations: matched.map((i) => index.ordered[i]!),
    themeCounts, secteurCounts, regionCounts, departementCounts, countsByDepartement,
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
