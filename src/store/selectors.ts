/**
 * Derived values from the store. PROVISIONAL STUB: the filters issue replaces these bodies with
 * tested, memoised selectors built on src/domain/filters.ts. Signatures are the contract the map
 * and components use.
 */
import type { AppState } from './appStore';
import type { EtapeFeature, InnovationFeature } from '../domain/types';

const NONE: never[] = [];

/** Innovations matching the current filters. Same array instance while inputs are unchanged. */
export function selectFilteredInnovations(state: AppState): InnovationFeature[] {
  return state.load.status === 'ready' ? state.load.data.innovations : NONE;
}

/** Stops to show (hidden entirely when filters.afficherEtapes is false; filtered by theme). */
export function selectVisibleEtapes(state: AppState): EtapeFeature[] {
  if (state.load.status !== 'ready' || !state.filters.afficherEtapes) return NONE;
  return state.load.data.etapes;
}

/** Number of filtered innovations per department code (codes with none are absent). */
export function selectCountsByDepartement(state: AppState): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const f of selectFilteredInnovations(state)) {
    counts.set(f.properties.departement, (counts.get(f.properties.departement) ?? 0) + 1);
  }
  return counts;
}
