/**
 * The app's single source of truth, grouped by concern:
 * - what was loaded (`load`), and the answers of the points worker (`results`, `clusters`), which
 *   arrive asynchronously and are kept as they came;
 * - what the user chose: filters, selection (and where it was made), hovered list row;
 * - where the map looks: `view` (kept in the URL) and `mapFrame` (the box clusters are asked for);
 * - how it draws: clusters or density (`mapDisplay`), the tour's edition shown (`edition`) and the
 *   tour being replayed (`tour`);
 * - a place being picked on the map for the proposal form (`picking`, `pickedPosition`);
 * - the interface's language (`lang`).
 * Everything else is derived by selectors (src/store/selectors.ts). The map never reads this
 * store: MapView computes a map model from it and hands the controller operations.
 */
import { create, createStore, type StateCreator, type StoreApi } from 'zustand';
import {
  EMPTY_FILTERS, type DataMeta, type EditionChoice, type Lang, type DepartementIndexEntry, type EtapeFeature, type Filters, type Vocabulaires,
} from '../domain/types';
import type { FilterResult } from '../domain/filters';
import type { InnovationSource } from '../points/client';
import type { ClusterAnswer, MapFrame } from '../points/protocol';
import type { MapDisplay } from '../map/model';

export { EMPTY_FILTERS, type Filters };

/**
 * Everything the app loads from public/data at start: small files. Outlines are the map's own
 * (MapLibre's worker reads them); innovations stay in the points worker.
 */
export interface LoadedData {
  meta: DataMeta;
  vocabulaires: Vocabulaires;
  /** Every department: facts and display box. */
  departements: DepartementIndexEntry[];
  etapes: EtapeFeature[];
  /** The innovations: counts, filters and clusters in a worker, rows fetched on demand. */
  innovations: InnovationSource;
}

export type Selection =
  | { kind: 'departement'; id: string }
  | { kind: 'innovation'; id: string }
  | { kind: 'etape'; id: string };

/** Where a selection was made: on the map (what was clicked is on screen) or elsewhere. */
export type SelectionOrigin = 'carte' | 'interface';

/** Map camera as kept in the URL. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

/** The tour being replayed: stops shown so far (1…n, date order) and whether it advances by itself. */
export interface TourReplay {
  step: number;
  playing: boolean;
}

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; data: LoadedData }
  | { status: 'error'; message: string; retry: boolean };

/**
 * A place picked on the map for the proposal form: real WGS84 coordinates (never an inset's
 * display position) and the department clicked, when a department was.
 */
export interface PickedPosition {
  longitude: number;
  latitude: number;
  departement: string | null;
}

/** The points worker's answer for the filters it was given. */
export interface Results extends FilterResult {
  generation: number;
  filters: Filters;
}

export interface AppState {
  load: LoadState;
  /** French sentences on data files whose features were partly left out (wrong shape). */
  dataProblems: string[];
  results: Results | null;
  clusters: ClusterAnswer | null;
  filters: Filters;
  selection: Selection | null;
  selectionOrigin: SelectionOrigin;
  /** Innovation id hovered in the list (highlighted on the map). */
  hoveredInnovation: string | null;
  view: MapView | null;
  mapFrame: MapFrame | null;
  mapDisplay: MapDisplay;
  tour: TourReplay | null;
  /** Whether the tour's legs (direction and order) are drawn with the stops. */
  afficherParcours: boolean;
  /**
   * Embedded in another site (`?integration=1`): no header nor footer, compact controls and a
   * link to the full map. Read from the address; kept in it by URL sync.
   */
  integration: boolean;
  /**
   * The tour's edition the map shows (stops, route, numbering, calendar): a year, 'toutes', or
   * null for the default one (see selectEdition). Kept in the URL.
   */
  edition: EditionChoice | null;
  /** The interface's language (French by default, `lang=en`). Kept in the URL. */
  lang: Lang;
  /** The proposal form waits for a place clicked on the map: clicks then pick instead of select. */
  picking: boolean;
  /** The last place picked on the map (the form reads it), or null. */
  pickedPosition: PickedPosition | null;
  setLoad: (load: LoadState) => void;
  setFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
  select: (selection: Selection | null, origin?: SelectionOrigin) => void;
  hoverInnovation: (id: string | null) => void;
  setView: (view: MapView | null) => void;
  setMapFrame: (frame: MapFrame) => void;
  /** A filter answer: its results and, when asked with a frame, its clusters, in one update. */
  setResults: (results: Results, clusters: ClusterAnswer | null) => void;
  setClusters: (clusters: ClusterAnswer) => void;
  setMapDisplay: (display: MapDisplay) => void;
  setTour: (tour: TourReplay | null) => void;
  setAfficherParcours: (shown: boolean) => void;
  setEdition: (edition: EditionChoice | null) => void;
  setLang: (lang: Lang) => void;
  /** Starts (true) or cancels (false) picking a place on the map; starting forgets the last one. */
  setPicking: (picking: boolean) => void;
  /** A place was clicked while picking: kept for the form, and picking ends. */
  pickPosition: (position: PickedPosition) => void;
}

const appState: StateCreator<AppState> = (set) => ({
  load: { status: 'loading' },
  dataProblems: [],
  results: null,
  clusters: null,
  filters: EMPTY_FILTERS,
  selection: null,
  selectionOrigin: 'interface',
  hoveredInnovation: null,
  view: null,
  mapFrame: null,
  mapDisplay: 'grappes',
  tour: null,
  afficherParcours: true,
  integration: false,
  edition: null,
  lang: 'fr',
  picking: false,
  pickedPosition: null,
  setLoad: (load) => set({ load }),
  setFilters: (patch) => {
    // Start of a 'carto:filter' measure; the map closes it once it has drawn the answer.
    performance.mark('carto:filter-start');
    set((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  resetFilters: () => {
    performance.mark('carto:filter-start');
    set((s) => ({ filters: { ...EMPTY_FILTERS, afficherEtapes: s.filters.afficherEtapes } }));
  },
  select: (selection, origin = 'interface') => set({ selection, selectionOrigin: origin }),
  hoverInnovation: (hoveredInnovation) => set({ hoveredInnovation }),
  setView: (view) => set({ view }),
  setMapFrame: (mapFrame) => set({ mapFrame }),
  setResults: (results, clusters) => set((s) => ({ results, clusters: clusters ?? s.clusters })),
  setClusters: (clusters) => set({ clusters }),
  setMapDisplay: (mapDisplay) => set({ mapDisplay }),
  setTour: (tour) => set({ tour }),
  setAfficherParcours: (afficherParcours) => set({ afficherParcours }),
  setEdition: (edition) => set({ edition }),
  setLang: (lang) => set({ lang }),
  setPicking: (picking) => set(picking ? { picking, pickedPosition: null } : { picking }),
  pickPosition: (pickedPosition) => set({ pickedPosition, picking: false }),
});

/** The app's store, for React (hook), MapView and URL sync (getState/subscribe). */
export const useAppStore = create<AppState>()(appState);

/** A separate store with the same state and actions, for tests that must not share the app's. */
export const createAppStore = () => createStore<AppState>()(appState);

export type AppStoreApi = StoreApi<AppState>;
