/**
 * The one owner of the MapLibre map. A React component creates it once with the loaded data;
 * from then on it follows the app store one way (subscribe → push into the map) and reports map
 * events back only through store actions (select, setView). React never touches the map.
 *
 * What changes with the filters goes in cheaply: innovation points by setData (a clustered source
 * must re-cluster), only when the filtered array changed; department colours, hover and selection
 * by feature-state keyed by INSEE code, never by re-sending polygons.
 */
import {
  Map as MapLibreMap, Marker, Popup, NavigationControl, setWorkerUrl,
  type GeoJSONSource, type IControl, type LngLatBoundsLike, type MapGeoJSONFeature, type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { StoreApi, UseBoundStore } from 'zustand';
import { useAppStore, type AppState, type Filters, type LoadedData, type MapView, type Selection } from '../store/appStore';
import {
  selectCountsByDepartement, selectDepartements, selectFilteredInnovations, selectLegendClasses, selectVisibleEtapes,
} from '../store/selectors';
import { NATIONAL_VIEW_BOUNDS } from '../domain/insets';
import { classForCount } from '../domain/legend';
import { formatCount, etapeAccessibleName } from '../domain/presentation';
import type { EtapeFeature, InnovationFeature } from '../domain/types';
import { attributionStrings } from './attribution';
import { buildStyle } from './buildStyle';
import { etapesInDateOrder, routeThrough } from '../domain/route';
import { departementBounds, innovationPoints, insetNameAnchors, type Bounds } from './geometry';
import { CLICKABLE_LAYERS, CLUSTER_MAX_ZOOM, LAYER, SOURCE } from './ids';
import { DEFAULT_TOKENS, type MapTokens } from './tokens';

// The ESM build looks for its worker next to the bundle; Vite emits it as an asset of our origin.
setWorkerUrl(workerUrl);

type AppStore = UseBoundStore<StoreApi<AppState>>;

/** MapLibre's own interface strings, in French. */
const FRENCH_UI: Record<string, string> = {
  'Map.Title': 'Carte des innovations et des étapes. Flèches pour se déplacer, + et − pour zoomer.',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
  'Popup.Close': 'Fermer',
};

const NATIONAL_BOUNDS: LngLatBoundsLike = [
  [NATIONAL_VIEW_BOUNDS[0], NATIONAL_VIEW_BOUNDS[1]],
  [NATIONAL_VIEW_BOUNDS[2], NATIONAL_VIEW_BOUNDS[3]],
];
const FIT_PADDING = 12;
/** Zoom at which a selected innovation is shown: past clustering, so the point itself is visible. */
const INNOVATION_ZOOM = CLUSTER_MAX_ZOOM + 1;

const centreOf = ([[w, s], [e, n]]: Bounds): [number, number] => [(w + e) / 2, (s + n) / 2];

const collection = <F extends Feature>(features: F[]): FeatureCollection => ({ type: 'FeatureCollection', features });

function sameCounts(a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [k, v] of b) if (a.get(k) !== v) return false;
  return true;
}

/** A map control with one text button that brings back the national view. */
class NationalViewControl implements IControl {
  private container: HTMLElement | null = null;
  constructor(private readonly onActivate: () => void) {}
  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group carte-vue-nationale';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Vue nationale';
    button.title = 'Revenir à la vue de toute la France, outre-mer compris';
    button.addEventListener('click', this.onActivate);
    container.append(button);
    this.container = container;
    return container;
  }
  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}

interface StopMarker {
  marker: Marker;
  button: HTMLButtonElement;
  shown: boolean;
}

export class MapController {
  readonly map: MapLibreMap;
  private readonly store: AppStore;
  private readonly data: LoadedData;
  private readonly tokens: MapTokens;
  private readonly innovationsById: Map<string, InnovationFeature>;
  private readonly departementBounds: Map<string, Bounds>;
  /** True while the map itself reports a click: what was clicked is on screen, the camera stays. */
  private selectingFromMap = false;
  private readonly markers = new Map<string, StopMarker>();
  private readonly tooltip: Popup;
  private unsubscribe: () => void = () => {};
  private loaded = false;
  private firstIdleRecorded = false;
  private filterMeasurePending = false;
  /** New points are on their way to the worker: department shades follow them. */
  private pointsPending = false;
  private destroyed = false;
  private hoveredDepartement: string | null = null;
  /** What the tooltip shows now, to rebuild it only when that changes. */
  private tooltipKey = '';
  private last: {
    filters?: Filters;
    innovations?: InnovationFeature[];
    counts?: ReadonlyMap<string, number>;
    etapes?: EtapeFeature[];
    selection: Selection | null;
    focus: string;
    view: MapView | null;
  } = { selection: null, focus: '', view: null };

  constructor(container: HTMLElement, data: LoadedData, store: AppStore = useAppStore, tokens: MapTokens = DEFAULT_TOKENS) {
    this.store = store;
    this.data = data;
    this.tokens = tokens;
    this.innovationsById = new Map(data.innovations.map((f) => [f.properties.id, f]));
    this.departementBounds = departementBounds(data.departements);

    const state = store.getState();
    const innovations = selectFilteredInnovations(state);
    const etapes = selectVisibleEtapes(state);
    this.last.filters = state.filters;
    this.last.innovations = innovations;
    this.last.etapes = etapes;
    this.last.view = state.view;

    const style = buildStyle(tokens, {
      pays: collection(data.pays),
      departements: collection(data.departements),
      encarts: collection(data.insets),
      encartsNoms: insetNameAnchors(data.insets),
      parcours: routeThrough(etapes),
      innovations: innovationPoints(innovations, data.vocabulaires.themes, tokens.innovationSansTheme),
    });

    this.map = new MapLibreMap({
      container,
      style,
      ...(state.view
        ? { center: state.view.center, zoom: state.view.zoom }
        : { bounds: NATIONAL_BOUNDS, fitBoundsOptions: { padding: FIT_PADDING } }),
      attributionControl: { compact: true, customAttribution: attributionStrings(data.meta.attributions) },
      maplibreLogo: false,
      locale: FRENCH_UI,
      renderWorldCopies: false,
      // Labels appear at once: a cross-fade keeps the map busy (not idle) 300 ms after every
      // filter change and costs frames on slow devices.
      fadeDuration: 0,
      minZoom: 2,
      maxZoom: 13,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    this.map.keyboard.disableRotation();
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new NationalViewControl(() => this.showNationalView()), 'top-right');

    this.tooltip = new Popup({
      closeButton: false, closeOnClick: false, focusAfterOpen: false, className: 'carte-infobulle', offset: 14, maxWidth: '260px',
    });

    this.map.on('load', this.onLoad);
    this.map.on('idle', this.onIdle);
    this.map.on('click', this.onClick);
    this.map.on('mousemove', this.onMouseMove);
    this.map.on('mouseout', this.clearHover);
    this.map.on('moveend', this.onMoveEnd);
  }

  /** Removes the map, its markers and the store subscription. */
  destroy(): void {
    this.destroyed = true;
    this.unsubscribe();
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
    this.tooltip.remove();
    this.map.remove();
  }

  showNationalView(): void {
    this.map.fitBounds(NATIONAL_BOUNDS, { padding: FIT_PADDING });
  }

  private readonly onLoad = () => {
    this.loaded = true;
    if (this.map.getContainer().clientWidth <= 640) {
      // On a phone the expanded credits would cover the bottom of the map (and its insets): fold
      // them behind the (i) button at once, as MapLibre itself does at the first drag.
      this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    }
    this.createStopMarkers();
    const state = this.store.getState();
    this.applyStops(this.last.etapes ?? []);
    this.applyCounts(state);
    this.sync(state);
    this.unsubscribe = this.store.subscribe((s) => this.sync(s));
  };

  /** Pushes whatever changed in the store into the map. Cheap when nothing did. */
  private sync(state: AppState): void {
    if (!this.loaded) return;
    const innovations = selectFilteredInnovations(state);
    const pointsChanged = innovations !== this.last.innovations;
    if (state.filters !== this.last.filters) {
      this.last.filters = state.filters;
      this.noteFilterUpdate(!pointsChanged);
    }
    const source = pointsChanged ? this.source(SOURCE.innovations) : undefined;
    if (pointsChanged) this.last.innovations = innovations;
    if (source) {
      this.pointsPending = true;
      // Department shades wait for the new points (their worker round trip): set at once, they
      // would draw one whole frame of their own first, and on a slow renderer (software WebGL)
      // that frame holds the main thread while the points are ready to be tiled.
      void source.setData(innovationPoints(innovations, this.data.vocabulaires.themes, this.tokens.innovationSansTheme))
        .then(this.onPointsSent);
    } else if (!this.pointsPending) {
      this.updateCounts(state);
    }
    const etapes = selectVisibleEtapes(state);
    if (etapes !== this.last.etapes) this.applyStops(etapes);
    if (state.selection !== this.last.selection) this.applySelection(this.last.selection, state.selection);
    this.applyFocus(state);
    if (state.view !== this.last.view) this.applyView(state.view);
  }

  private updateCounts(state: AppState): void {
    const counts = selectCountsByDepartement(state);
    if (counts !== this.last.counts && !sameCounts(this.last.counts, counts)) this.applyCounts(state);
  }

  /** The worker has the latest points (setData settles once no update is left to send). */
  private readonly onPointsSent = () => {
    if (this.destroyed) return;
    this.pointsPending = false;
    this.updateCounts(this.store.getState());
  };

  private departementNom(code: string): string | undefined {
    return selectDepartements(this.store.getState()).get(code)?.nom;
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }

  /**
   * The filters changed and what follows from them is being pushed to the map: the next idle
   * closes the 'carto:filter' measure the store opened.
   */
  private noteFilterUpdate(needsFrame: boolean): void {
    if (performance.getEntriesByName('carto:filter-start', 'mark').length === 0) return;
    this.filterMeasurePending = true;
    // Some changes (same matches, a count that stays in its class) redraw nothing: ask for a
    // frame so that an idle event still follows. New points bring their own frames.
    if (needsFrame) this.map.triggerRepaint();
  }

  private readonly onIdle = () => {
    if (!this.loaded) return;
    if (!this.firstIdleRecorded) {
      this.firstIdleRecorded = true;
      performance.measure('carto:first-idle', { start: 0, end: performance.now() });
    }
    if (this.filterMeasurePending) {
      this.filterMeasurePending = false;
      if (performance.getEntriesByName('carto:filter-start', 'mark').length > 0) {
        performance.measure('carto:filter', 'carto:filter-start');
        performance.clearMarks('carto:filter-start');
      }
    }
  };

  private applyCounts(state: AppState): void {
    const counts = selectCountsByDepartement(state);
    this.last.counts = counts;
    const classes = selectLegendClasses(state);
    for (const code of selectDepartements(state).keys()) {
      const count = counts.get(code) ?? 0;
      this.map.setFeatureState({ source: SOURCE.departements, id: code }, { count, teinte: classForCount(count, classes).teinte });
    }
  }

  private createStopMarkers(): void {
    etapesInDateOrder(this.data.etapes).forEach((etape, index) => {
      const { id, departement } = etape.properties;
      const name = etapeAccessibleName(etape.properties, this.departementNom(departement) ?? departement, index + 1);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'etape-marqueur';
      button.dataset.etapeId = id;
      button.setAttribute('aria-label', name);
      button.setAttribute('aria-haspopup', 'dialog');
      button.title = name;
      const number = document.createElement('span');
      number.setAttribute('aria-hidden', 'true');
      number.textContent = String(index + 1);
      button.append(number);
      button.addEventListener('click', (event) => {
        // The click must not also reach the map (it would select the department underneath).
        event.stopPropagation();
        this.store.getState().select({ kind: 'etape', id });
      });
      const marker = new Marker({ element: button, anchor: 'center' }).setLngLat(etape.geometry.coordinates as [number, number]);
      this.markers.set(id, { marker, button, shown: false });
    });
  }

  private applyStops(etapes: EtapeFeature[]): void {
    this.last.etapes = etapes;
    const visible = new Set(etapes.map((e) => e.properties.id));
    for (const [id, stop] of this.markers) {
      const show = visible.has(id);
      if (show && !stop.shown) stop.marker.addTo(this.map);
      if (!show && stop.shown) stop.marker.remove();
      stop.shown = show;
    }
    this.source(SOURCE.parcours)?.setData(routeThrough(etapes));
  }

  private applySelection(previous: Selection | null, next: Selection | null): void {
    this.last.selection = next;
    if (previous?.kind === 'departement') {
      this.map.setFeatureState({ source: SOURCE.departements, id: previous.id }, { selected: false });
    }
    if (previous?.kind === 'etape') {
      const stop = this.markers.get(previous.id);
      stop?.button.classList.remove('est-active');
      // Closing the stop dialog gives focus back to the marker that opened it.
      if (next === null && stop?.shown) stop.button.focus();
    }
    if (next?.kind === 'departement') {
      this.map.setFeatureState({ source: SOURCE.departements, id: next.id }, { selected: true });
      // Chosen from the panel or a link: bring the department into view if it is not.
      const bounds = this.departementBounds.get(next.id);
      if (bounds && !this.selectingFromMap && !this.map.getBounds().contains(centreOf(bounds))) {
        this.map.fitBounds(bounds, { padding: 40, maxZoom: INNOVATION_ZOOM });
      }
    } else if (next?.kind === 'etape') {
      this.markers.get(next.id)?.button.classList.add('est-active');
    } else if (next?.kind === 'innovation' && !this.selectingFromMap) {
      const feature = this.innovationsById.get(next.id);
      if (feature) {
        this.map.flyTo({ center: feature.geometry.coordinates as [number, number], zoom: Math.max(this.map.getZoom(), INNOVATION_ZOOM) });
      }
    }
  }

  /** Ring around the innovation hovered in the list and the selected one, even inside a cluster. */
  private applyFocus(state: AppState): void {
    const ids = [state.hoveredInnovation, state.selection?.kind === 'innovation' ? state.selection.id : null]
      .filter((id): id is string => id !== null);
    const key = ids.join('|');
    if (key === this.last.focus) return;
    this.last.focus = key;
    const features = ids.flatMap((id): Feature<Point>[] => {
      const f = this.innovationsById.get(id);
      return f ? [{ type: 'Feature', properties: {}, geometry: f.geometry }] : [];
    });
    this.source(SOURCE.innovationFocus)?.setData(collection(features));
  }

  private applyView(view: MapView | null): void {
    this.last.view = view;
    if (!view) return;
    const center = this.map.getCenter();
    const moved = Math.abs(center.lng - view.center[0]) > 1e-4 || Math.abs(center.lat - view.center[1]) > 1e-4
      || Math.abs(this.map.getZoom() - view.zoom) > 0.01;
    if (moved) this.map.jumpTo({ center: view.center, zoom: view.zoom });
  }

  private readonly onMoveEnd = () => {
    const c = this.map.getCenter();
    const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
    const view: MapView = { center: [round(c.lng, 4), round(c.lat, 4)], zoom: round(this.map.getZoom(), 2) };
    const current = this.store.getState().view;
    if (current && current.zoom === view.zoom && current.center[0] === view.center[0] && current.center[1] === view.center[1]) return;
    this.last.view = view;
    this.store.getState().setView(view);
  };

  private topFeature(event: MapMouseEvent): MapGeoJSONFeature | undefined {
    if (!this.loaded) return undefined;
    return this.map.queryRenderedFeatures(event.point, { layers: [...CLICKABLE_LAYERS] })[0];
  }

  private readonly onClick = async (event: MapMouseEvent) => {
    const feature = this.topFeature(event);
    if (!feature) return;
    if (feature.layer.id === LAYER.innovationsClusters) {
      const source = this.source(SOURCE.innovations);
      const clusterId = Number(feature.properties.cluster_id);
      if (!source || !Number.isFinite(clusterId)) return;
      const center = (feature.geometry as Point).coordinates as [number, number];
      try {
        this.map.easeTo({ center, zoom: await source.getClusterExpansionZoom(clusterId) });
      } catch {
        // The cluster vanished meanwhile (new filter data re-clustered the source): zoom in one step.
        this.map.easeTo({ center, zoom: this.map.getZoom() + 1 });
      }
    } else if (feature.layer.id === LAYER.innovationsPoints) {
      this.selectFromMap({ kind: 'innovation', id: String(feature.properties.id) });
    } else if (feature.layer.id === LAYER.departementsFill) {
      this.selectFromMap({ kind: 'departement', id: String(feature.properties.code) });
    }
  };

  private selectFromMap(selection: Selection): void {
    this.selectingFromMap = true;
    try {
      this.store.getState().select(selection);
    } finally {
      this.selectingFromMap = false;
    }
  }

  private readonly onMouseMove = (event: MapMouseEvent) => {
    const feature = this.topFeature(event);
    this.map.getCanvas().style.cursor = feature ? 'pointer' : '';
    const code = feature?.layer.id === LAYER.departementsFill ? String(feature.properties.code) : null;
    if (code !== this.hoveredDepartement) {
      if (this.hoveredDepartement) this.map.setFeatureState({ source: SOURCE.departements, id: this.hoveredDepartement }, { hover: false });
      if (code) this.map.setFeatureState({ source: SOURCE.departements, id: code }, { hover: true });
      this.hoveredDepartement = code;
    }
    const lines = feature ? this.tooltipLines(feature) : null;
    const key = lines?.join('\n') ?? '';
    if (!lines) {
      this.tooltip.remove();
      this.tooltipKey = '';
      return;
    }
    if (key !== this.tooltipKey) {
      this.tooltipKey = key;
      this.tooltip.setDOMContent(tooltipElement(lines));
    }
    this.tooltip.setLngLat(event.lngLat);
    if (!this.tooltip.isOpen()) this.tooltip.addTo(this.map);
  };

  private readonly clearHover = () => {
    if (this.hoveredDepartement) this.map.setFeatureState({ source: SOURCE.departements, id: this.hoveredDepartement }, { hover: false });
    this.hoveredDepartement = null;
    this.tooltip.remove();
    this.tooltipKey = '';
    this.map.getCanvas().style.cursor = '';
  };

  /** Title and detail line of the tooltip for a hovered department, point or cluster. */
  private tooltipLines(feature: MapGeoJSONFeature): [string, string] | null {
    const props = feature.properties;
    switch (feature.layer.id) {
      case LAYER.departementsFill: {
        const code = String(props.code);
        return [this.departementNom(code) ?? code, `${code} · ${formatCount(this.last.counts?.get(code) ?? 0)}`];
      }
      case LAYER.innovationsPoints: {
        const innovation = this.innovationsById.get(String(props.id))?.properties;
        if (!innovation) return null;
        const place = innovation.commune || this.departementNom(innovation.departement) || innovation.departement;
        return [innovation.titre, place];
      }
      case LAYER.innovationsClusters:
        return [formatCount(Number(props.point_count)), 'Cliquer pour zoomer'];
      default:
        return null;
    }
  }
}

/** Tooltip body as text nodes (never HTML from data). */
function tooltipElement([title, detail]: [string, string]): HTMLElement {
  const root = document.createElement('div');
  const strong = document.createElement('strong');
  strong.textContent = title;
  const line = document.createElement('div');
  line.textContent = detail;
  root.append(strong, line);
  return root;
}
