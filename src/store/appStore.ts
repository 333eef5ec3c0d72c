/**
 * The app's single source of truth: inputs only (loaded data, filters, selection, hover, view).
 * Everything derived (matching innovations, counts per department, facets) is computed by
 * pure selectors (src/store/selectors.ts, src/domain/filters.ts), never stored here.
 * The map follows this store one way (src/map subscribes); React reads it through hooks.
 */
import { create, createStore, type StateCreator } from 'zustand';
import {
  EMPTY_FILTERS,
  type DataMeta, type DepartementDisplayFeature, type EtapeFeature, type Filters, type InnovationFeature,
  type InsetFrameFeature, type Vocabulaires, type BuildReport,
} from '../domain/types';

// The filter inputs are domain data (pure filtering and export use them): declared in types.ts.
export { EMPTY_FILTERS, type Filters };
import type { Feature, Polygon, MultiPolygon } from 'geojson';

/** Everything the app loads from public/data, parsed once. */
export interface LoadedData {
  meta: DataMeta;
  vocabulaires: Vocabulaires;
  departements: DepartementDisplayFeature[];
  innovations: InnovationFeature[];
  etapes: EtapeFeature[];
  insets: InsetFrameFeature[];
  /** Neighbouring countries for context (display only). */
  pays: Feature<Polygon | MultiPolygon, { nom: string }>[];
  report: BuildReport | null;
}

export type Selection =
  | { kind: 'departement'; id: string }
  | { kind: 'innovation'; id: string }
  | { kind: 'etape'; id: string };

/** Map camera as kept in the URL. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; data: LoadedData }
  | { status: 'error'; message: string };

export interface AppState {
  load: LoadState;
  filters: Filters;
  selection: Selection | null;
  /** Innovation id hovered in the list (highlighted on the map). */
  hoveredInnovation: string | null;
  view: MapView | null;
  setLoad: (load: LoadState) => void;
  setFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
  select: (selection: Selection | null) => void;
  hoverInnovation: (id: string | null) => void;
  setView: (view: MapView | null) => void;
}

const appState: StateCreator<AppState> = (set) => ({
  load: { status: 'loading' },
  filters: EMPTY_FILTERS,
  selection: null,
  hoveredInnovation: null,
  view: null,
  setLoad: (load) => set({ load }),
  setFilters: (patch) => {
    // Start of a 'carto:filter' measure; the map controller closes it at its next idle.
    performance.mark('carto:filter-start');
    set((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  resetFilters: () => {
    performance.mark('carto:filter-start');
    set((s) => ({ filters: { ...EMPTY_FILTERS, afficherEtapes: s.filters.afficherEtapes } }));
  },
  select: (selection) => set({ selection }),
  hoverInnovation: (hoveredInnovation) => set({ hoveredInnovation }),
  setView: (view) => set({ view }),
});

/** The app's store, for React (hook) and the map controller (getState/subscribe). */
export const useAppStore = create<AppState>()(appState);

/** A separate store with the same state and actions, for tests that must not share the app's. */
export const createAppStore = () => createStore<AppState>()(appState);
