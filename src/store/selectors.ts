/**
 * Derived values from the store, built on src/domain/filters.ts. Every selector is memoised: it
 * returns the same instance while the inputs it depends on are unchanged, so React hooks and the
 * map controller can compare by reference and skip work.
 */
import type { AppState, Filters, LoadedData } from './appStore';
import type { DepartementInfo, EtapeFeature, InnovationFeature } from '../domain/types';
import {
  applyFilters, buildFilterIndex, etapesMatchingThemes, queryWords, type FilterIndex, type FilterResult,
} from '../domain/filters';
import { countsForCodes, legendClasses, type LegendClass } from '../domain/legend';

const NO_INNOVATIONS: InnovationFeature[] = [];
const NO_ETAPES: EtapeFeature[] = [];
const EMPTY_RESULT: FilterResult = Object.freeze({
  innovations: NO_INNOVATIONS,
  themeCounts: new Map(), secteurCounts: new Map(), regionCounts: new Map(),
  departementCounts: new Map(), countsByDepartement: new Map(),
});
const NO_DEPARTEMENTS: ReadonlyMap<string, DepartementInfo> = new Map();

interface DataIndex {
  departements: ReadonlyMap<string, DepartementInfo>;
  filterIndex: FilterIndex;
}

// Built once per data load: folding 100,000 texts per keystroke would be far too slow.
const dataIndexes = new WeakMap<LoadedData, DataIndex>();

function dataIndex(data: LoadedData): DataIndex {
  let found = dataIndexes.get(data);
  if (!found) {
    const departements = new Map<string, DepartementInfo>();
    for (const f of data.departements) {
      if (f.properties.role !== 'zone') continue;
      const { code, nom, region, region_nom, zone } = f.properties;
      departements.set(code, { code, nom, region, region_nom, zone });
    }
    found = { departements, filterIndex: buildFilterIndex(data.innovations, departements) };
    dataIndexes.set(data, found);
  }
  return found;
}

function readyData(state: AppState): LoadedData | null {
  return state.load.status === 'ready' ? state.load.data : null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}

/** Whether two filter states select the same innovations (display toggles and blank spacing aside). */
function sameInnovationCriteria(a: Filters, b: Filters): boolean {
  return sameList(a.themes, b.themes) && sameList(a.secteurs, b.secteurs)
    && a.region === b.region && a.departement === b.departement
    && a.anneeMin === b.anneeMin && a.anneeMax === b.anneeMax
    && (a.texte === b.texte || queryWords(a.texte).join(' ') === queryWords(b.texte).join(' '));
}

let lastFilter: { data: LoadedData; filters: Filters; result: FilterResult } | null = null;

/** The whole filter pass: matches and every facet count. */
export function selectFilterResult(state: AppState): FilterResult {
  const data = readyData(state);
  if (!data) return EMPTY_RESULT;
  if (lastFilter && lastFilter.data === data
    && (lastFilter.filters === state.filters || sameInnovationCriteria(lastFilter.filters, state.filters))) {
    return lastFilter.result;
  }
  const result = applyFilters(dataIndex(data).filterIndex, state.filters);
  lastFilter = { data, filters: state.filters, result };
  return result;
}

/** Innovations matching the current filters. Same array instance while inputs are unchanged. */
export function selectFilteredInnovations(state: AppState): InnovationFeature[] {
  return selectFilterResult(state).innovations;
}

/** Number of filtered innovations per department code (codes with none are absent). */
export function selectCountsByDepartement(state: AppState): ReadonlyMap<string, number> {
  return selectFilterResult(state).countsByDepartement;
}

/** Facet count per theme id: matches if that theme were ticked alone among themes. */
export function selectThemeCounts(state: AppState): ReadonlyMap<string, number> {
  return selectFilterResult(state).themeCounts;
}

/** Facet count per sector id: matches if that sector were ticked alone among sectors. */
export function selectSecteurCounts(state: AppState): ReadonlyMap<string, number> {
  return selectFilterResult(state).secteurCounts;
}

/** Facet count per region code, region and department choices left out. */
export function selectRegionCounts(state: AppState): ReadonlyMap<string, number> {
  return selectFilterResult(state).regionCounts;
}

/** Facet count per department code, region and department choices left out. */
export function selectDepartementCounts(state: AppState): ReadonlyMap<string, number> {
  return selectFilterResult(state).departementCounts;
}

/** Department facts (name, region) by code, from the loaded boundaries. */
export function selectDepartements(state: AppState): ReadonlyMap<string, DepartementInfo> {
  const data = readyData(state);
  return data ? dataIndex(data).departements : NO_DEPARTEMENTS;
}

let lastLegend: { counts: ReadonlyMap<string, number>; departements: ReadonlyMap<string, DepartementInfo>; classes: LegendClass[] } | null = null;

/** Choropleth classes of the current counts, zero included: the map's shades and the legend share them. */
export function selectLegendClasses(state: AppState): LegendClass[] {
  const counts = selectCountsByDepartement(state);
  const departements = selectDepartements(state);
  if (lastLegend && lastLegend.counts === counts && lastLegend.departements === departements) return lastLegend.classes;
  const classes = legendClasses(countsForCodes([...departements.keys()], counts));
  lastLegend = { counts, departements, classes };
  return classes;
}

let lastEtapes: { etapes: readonly EtapeFeature[]; themes: readonly string[]; result: EtapeFeature[] } | null = null;

/** Stops sharing a ticked theme (all when none), whether or not stops are shown: what gets exported. */
export function selectEtapesMatchingThemes(state: AppState): EtapeFeature[] {
  const data = readyData(state);
  if (!data) return NO_ETAPES;
  if (lastEtapes && lastEtapes.etapes === data.etapes && sameList(lastEtapes.themes, state.filters.themes)) {
    return lastEtapes.result;
  }
  const result = etapesMatchingThemes(data.etapes, state.filters.themes);
  lastEtapes = { etapes: data.etapes, themes: state.filters.themes, result };
  return result;
}

/** Stops to show (hidden entirely when filters.afficherEtapes is false; filtered by theme). */
export function selectVisibleEtapes(state: AppState): EtapeFeature[] {
  if (!state.filters.afficherEtapes) return NO_ETAPES;
  return selectEtapesMatchingThemes(state);
}
