/**
 * Values derived from the store. Memoised with reselect on their inputs (never on a hand-written
 * list of fields), so React hooks and MapView can compare results by reference and skip work.
 */
import { createSelector } from 'reselect';
import type { AppState, LoadedData, Results } from './appStore';
import type { DepartementInfo, EditionChoice, EtapeFeature, Filters } from '../domain/types';
import { defaultEdition, editionsOf, etapesOfEdition } from '../domain/route';
import { etapesMatchingThemes } from '../domain/filters';
import { countsForCodes, legendClasses, type LegendClass } from '../domain/legend';

const NO_ROWS = new Uint32Array(0);
const NO_COUNTS: ReadonlyMap<string, number> = new Map();
const NO_ETAPES: EtapeFeature[] = [];

export function selectData(state: AppState): LoadedData | null {
  return state.load.status === 'ready' ? state.load.data : null;
}

const selectResults = (state: AppState): Results | null => state.results;

/**
 * The filters minus what only changes the display (stops shown or not), as a key: every other
 * field, present or future, changes which innovations match. The points worker is asked again
 * only when this key changes.
 */
export function innovationCriteriaKey(filters: Filters): string {
  const { afficherEtapes: _display, ...criteria } = filters;
  return JSON.stringify(criteria);
}

/** Matching rows (display order, or relevance when searching); empty until the first answer. */
export function selectMatchedRows(state: AppState): Uint32Array {
  return state.results?.matched ?? NO_ROWS;
}

/** Number of matching innovations, or null before the points worker has answered. */
export function selectMatchedCount(state: AppState): number | null {
  return state.results ? state.results.matched.length : null;
}

/** Whether the shown results answer the current filters (false while the worker works). */
export function selectResultsCurrent(state: AppState): boolean {
  return state.results !== null && innovationCriteriaKey(state.results.filters) === innovationCriteriaKey(state.filters);
}

const counts = (pick: (r: Results) => ReadonlyMap<string, number>) => (state: AppState) =>
  (state.results ? pick(state.results) : NO_COUNTS);

/** Number of filtered innovations per department code (codes with none are absent). */
export const selectCountsByDepartement = counts((r) => r.countsByDepartement);
/** Facet count per theme id: matches if that theme were ticked alone among themes. */
export const selectThemeCounts = counts((r) => r.themeCounts);
/** Facet count per sector id: matches if that sector were ticked alone among sectors. */
export const selectSecteurCounts = counts((r) => r.secteurCounts);
/** Facet count per region code, region and department choices left out. */
export const selectRegionCounts = counts((r) => r.regionCounts);
/** Facet count per department code, region and department choices left out. */
export const selectDepartementCounts = counts((r) => r.departementCounts);

const NO_YEARS: ReadonlyMap<number, number> = new Map();

/** Laureates among the innovations meeting every other filter (the laureate filter's count). */
export function selectLaureatCount(state: AppState): number {
  return state.results?.laureatCount ?? 0;
}

/** Facet count per year, year range left out (UNKNOWN_YEAR: innovations without a year). */
export function selectYearCounts(state: AppState): ReadonlyMap<number, number> {
  return state.results?.yearCounts ?? NO_YEARS;
}

/** Department facts (name, region) by code, from the loaded boundaries. */
export const selectDepartements = createSelector([selectData], (data): ReadonlyMap<string, DepartementInfo> => {
  const departements = new Map<string, DepartementInfo>();
  for (const { code, nom, region, region_nom, zone } of data?.departements ?? []) departements.set(code, { code, nom, region, region_nom, zone });
  return departements;
});

/** Choropleth classes of the current counts, zero included: the map's shades and the legend share them. */
export const selectLegendClasses = createSelector(
  [selectCountsByDepartement, selectDepartements],
  (byDepartement, departements): LegendClass[] => legendClasses(countsForCodes([...departements.keys()], byDepartement)),
);

const NO_EDITIONS: number[] = [];

/** The tour's editions in the data, in order (several once the 2010 tour is added). */
/** Region names by region code, from the departments. */
export const selectRegionNames = createSelector([selectDepartements], (departements): ReadonlyMap<string, string> => {
  const names = new Map<string, string>();
  for (const d of departements.values()) names.set(d.region, d.region_nom);
  return names;
});

export const selectEditions = createSelector([selectData], (data): number[] => (data ? editionsOf(data.etapes) : NO_EDITIONS));

/**
 * The edition the map shows: the one chosen when the data has it, 'toutes', or the default (2009
 * when the data has it, else the latest); null when there is no stop.
 */
export const selectEdition = createSelector(
  [selectEditions, (state: AppState) => state.edition],
  (editions, chosen): EditionChoice | null => {
    if (chosen === 'toutes' || (chosen !== null && editions.includes(chosen))) return chosen;
    return defaultEdition(editions);
  },
);

/** The stops of the edition shown, in file order: the map's tour, its numbering and the calendar. */
export const selectEditionEtapes = createSelector(
  [selectData, selectEdition],
  (data, edition): EtapeFeature[] => (data ? etapesOfEdition(data.etapes, edition) : NO_ETAPES),
);

/** Stops of the edition shown sharing a ticked theme (all when none), whether or not stops are shown: what gets exported. */
export const selectEtapesMatchingThemes = createSelector(
  [selectEditionEtapes, (state: AppState) => state.filters.themes],
  (etapes, themes): EtapeFeature[] => etapesMatchingThemes(etapes, themes),
);

/** Stops to show (hidden entirely when filters.afficherEtapes is false; filtered by theme). */
export function selectVisibleEtapes(state: AppState): EtapeFeature[] {
  if (!state.filters.afficherEtapes) return NO_ETAPES;
  return selectEtapesMatchingThemes(state);
}

const selectAnsweredEtapes = createSelector(
  [selectEditionEtapes, (state: AppState) => (state.results?.filters ?? state.filters).themes],
  (etapes, themes): EtapeFeature[] => etapesMatchingThemes(etapes, themes),
);

/**
 * Stops the map shows: those of the theme filter the points worker has answered, so that stops,
 * points and shades change together, in one frame, when the answer comes.
 */
export function selectMapEtapes(state: AppState): EtapeFeature[] {
  if (!state.filters.afficherEtapes) return NO_ETAPES;
  return selectAnsweredEtapes(state);
}

export { selectResults };
