/**
 * The one owner of the MapLibre map. It draws what it is told (operations from diffMapModel) and
 * reports what the user does on the map through callbacks; it never reads the app's state.
 * MapView creates it once per data set and feeds it.
 *
 * What changes with the filters goes in cheaply: the clusters of the view (a few hundred features
 * from the points worker) into a custom layer's vertex buffer, department colours by feature-state
 * keyed by INSEE code, never by re-sending polygons. All in one task, so one frame per change.
 */
import {
  AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { insetFrames } from '../domain/insets';
import type { ClusterAnswer, MapFrame } from '../points/protocol';
import { attributionStrings } from './attribution';
import { buildStyle } from './buildStyle';
import { applyCamera, FIT_PADDING, NationalViewControl } from './camera';
import type { MapOp } from './diff';
import { insetNameAnchors } from './geometry';
import { HoverFeedback, type MapHit, type TooltipLines } from './hover';
import { CLICKABLE_LAYERS, LAYER, SOURCE } from './ids';
import { MapMeasures } from './measures';
import { NATIONAL_BOUNDS } from './model';
import { drawnRadius, PointsLayer } from './pointsLayer';
import { StopMarkers } from './stopMarkers';
import { DEFAULT_TOKENS, type MapTokens } from './tokens';

// The ESM build looks for its worker next to the bundle; Vite emits it as an asset of our origin.
setWorkerUrl(workerUrl);

/**
 * Every word the map writes, in the interface's language, given by the app (the map knows no
 * catalogue): MapLibre's own strings, the national view control, tooltips, the failure notice.
 */
export interface MapTexts {
  /** MapLibre's interface strings by id ('Map.Title', 'NavigationControl.ZoomIn'…). */
  maplibre: Record<string, string>;
  nationalView: string;
  nationalViewTitle: string;
  contextLost: string;
  /** Detail line of a cluster's tooltip. */
  clusterHint: string;
  /** "12 innovations". */
  count(n: number): string;
  /** Detail line of a department's tooltip: its code and count. */
  departementLine(code: string, count: number): string;
}

/** The map's camera as the app keeps it (rounded for the URL). */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

/** What the map reports; MapView may replace these at any time (they are read at each event). */
export interface MapEvents {
  /** The map is ready to take operations. */
  ready(): void;
  selectDepartement(code: string): void;
  selectEtape(id: string): void;
  selectPoint(row: number): void;
  /**
   * The camera stopped: where it is (for the URL) and the box in view (for clusters). `moved` is
   * false for the first report, when the map only shows where it started.
   */
  viewChanged(camera: MapCamera, frame: MapFrame, moved: boolean): void;
  /** Zoom at which a cluster splits, or null when it is gone (newer filters). */
  expansionZoom(clusterId: number, generation: number): Promise<number | null>;
  /** Tooltip of an innovation point. */
  pointLines(row: number): Promise<TooltipLines | null> | TooltipLines | null;
  /** The map stopped working (WebGL context lost): the page says so and goes on without it. */
  failed(message: string): void;
  /**
   * While picking (the proposal form places its innovation): the position clicked, as drawn
   * (inside its frame when overseas), and the department there, if any.
   */
  positionPicked(lngLat: [number, number], departement: string | null): void;
}

/** What the map learns once the app's data is loaded (the outlines it reads by itself). */
export interface MapContext {
  /** Department names by code, for tooltips. */
  names: ReadonlyMap<string, string>;
  /** Every leg of the tour (routeLegs of all stops): legs are shown or hidden, never re-sent. */
  route: FeatureCollection;
  attributions: readonly string[];
}

const collection = <F extends Feature>(features: F[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/**
 * The density view's points: the view's clusters (and single points) weighted by the square root
 * of their share of the biggest one, so the heatmap's colours span their whole range at any zoom
 * and data size, and groups of a few innovations still show beside groups of thousands.
 */
export function densityPoints(points: ClusterAnswer): FeatureCollection<Point, { poids: number }> {
  const countOf = (f: ClusterAnswer['features'][number]) => ('cluster' in f.properties ? f.properties.point_count : 1);
  const max = Math.max(1, ...points.features.map(countOf));
  return {
    type: 'FeatureCollection',
    features: points.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { poids: Math.sqrt(countOf(f) / max) } })),
  };
}

/** The inset frames and, as points, the corner where each frame's name is written. */
function insetsWithNames(): FeatureCollection {
  const frames = insetFrames();
  return collection([...frames, ...insetNameAnchors(frames).features]);
}

export class MapController {
  readonly map: MapLibreMap;
  private readonly stops: StopMarkers;
  private readonly hover: HoverFeedback;
  private readonly measures: MapMeasures;
  /** The map has shown its first complete view (until then it draws out of sight). */
  private firstViewShown = false;
  private loaded = false;
  private destroyed = false;
  private generation = 0;
  private readonly counts = new Map<string, number>();
  private hoveredDepartement: string | null = null;
  private readonly points: PointsLayer;
  private texts: MapTexts;
  private readonly nationalView: NationalViewControl;
  private legs: number[] = [];
  private focus: readonly [number, number][] = [];
  private context: MapContext | null = null;
  private attribution: AttributionControl | null = null;
  private obstruction = 0;
  private densityShown = false;
  /** Clicks give a position for the proposal form instead of selecting. */
  private picking = false;
  /**
   * Density view: feature-state changes (shades, route legs) wait for the heatmap's new data to be
   * tiled by MapLibre's worker, so they and the heat change in the same frame. Null when nothing waits.
   */
  private held: (() => void)[] | null = null;

  /**
   * Starts the map at once, before the app's data arrives: the outlines are read from `dataUrl`
   * (the data folder's absolute URL) by MapLibre's worker meanwhile.
   * @param initial where the camera starts (a shared link's view), or null for the national view.
   * Throws when the browser cannot draw the map (no WebGL).
   */
  constructor(
    container: HTMLElement,
    dataUrl: string,
    private readonly events: MapEvents,
    initial: MapCamera | null,
    texts: MapTexts,
    tokens: MapTokens = DEFAULT_TOKENS,
  ) {
    this.texts = texts;
    const style = buildStyle(tokens, {
      pays: `${dataUrl}pays.geojson`,
      departements: `${dataUrl}departements.geojson`,
      encarts: insetsWithNames(),
      parcours: collection([]),
      contexte: `${dataUrl}contexte.geojson`,
    });
    this.points = new PointsLayer(LAYER.innovations, {
      grappe: tokens.grappe, grappeTexte: tokens.grappeTexte, contour: tokens.innovationContour, focus: tokens.focus,
      laureat: tokens.laureat, laureatContour: tokens.laureatContour,
    });

    performance.mark('carto:carte-creee');
    this.map = new MapLibreMap({
      container,
      style,
      ...(initial
        ? { center: initial.center, zoom: initial.zoom }
        : { bounds: NATIONAL_BOUNDS, fitBoundsOptions: { padding: FIT_PADDING } }),
      // Added with the data's credits (setContext).
      attributionControl: false,
      maplibreLogo: false,
      locale: texts.maplibre,
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
    this.nationalView = new NationalViewControl(() => this.showNationalView(), { label: texts.nationalView, title: texts.nationalViewTitle });
    this.map.addControl(this.nationalView, 'top-right');
    // Distances hold for metropolitan France; the inset frames have scales of their own.
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 110 }), 'bottom-left');

    this.stops = new StopMarkers(this.map, (id) => this.events.selectEtape(id));
    this.hover = new HoverFeedback(this.map, (e) => this.topFeature(e), (f) => this.tooltipLines(f), (code) => {
      if (this.hoveredDepartement) this.map.setFeatureState({ source: SOURCE.departements, id: this.hoveredDepartement }, { hover: false });
      if (code) this.map.setFeatureState({ source: SOURCE.departements, id: code }, { hover: true });
      this.hoveredDepartement = code;
    });
    // Until its first complete view the map draws out of sight: the frames it draws while its
    // tiles arrive one source at a time are not shown, so the page does not wait for each of them
    // to be read back (on a software renderer that wait is most of the cost).
    container.classList.add('carte-en-preparation');
    this.measures = new MapMeasures(this.map, () => {
      container.classList.remove('carte-en-preparation');
      this.firstViewShown = true;
    });

    this.map.on('load', this.onLoad);
    this.map.on('click', this.onClick);
    this.map.on('moveend', this.onMoveEnd);
    this.map.on('webglcontextlost', this.onContextLost);
    // Read by the browser tests only: what the map draws, where (never read by the app).
    Object.defineProperty(container, 'carteTest', { value: { map: this.map, circles: () => this.drawnCircles() }, configurable: true });
    this.map.on('sourcedata', this.onSourceData);
    this.map.on('idle', this.releaseHeld);
  }

  destroy(): void {
    this.destroyed = true;
    this.stops.destroy();
    this.hover.destroy();
    this.measures.destroy();
    this.map.remove();
  }

  /**
   * The app's data is here: department names (tooltips), the tour's legs, the credits. Operations
   * may follow. Call again when new data is loaded.
   */
  setContext(context: MapContext): void {
    this.context = context;
    if (!this.loaded) return;
    this.legs = context.route.features.map((f) => Number(f.properties?.etape));
    void this.source(SOURCE.parcours)?.setData(context.route);
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: true, customAttribution: attributionStrings(context.attributions) });
    this.map.addControl(this.attribution);
    // Expanded, the credits would cover the bottom of the map (and the scale): fold them behind
    // the (i) button at once, as MapLibre itself does at the first drag; the footer names them too.
    this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  }

  /**
   * The interface changed language: MapLibre's strings (its table, and the controls already drawn,
   * which read it once), the national view control, the tooltips from now on.
   */
  setTexts(texts: MapTexts): void {
    this.texts = texts;
    this.map._locale = { ...this.map._locale, ...texts.maplibre };
    this.nationalView.setTexts({ label: texts.nationalView, title: texts.nationalViewTitle });
    const container = this.map.getContainer();
    const label = (selector: string, id: string) => {
      const text = texts.maplibre[id];
      if (text === undefined) return;
      for (const el of container.querySelectorAll(selector)) {
        if (el instanceof HTMLButtonElement) el.title = text;
        el.setAttribute('aria-label', text);
      }
    };
    label('canvas.maplibregl-canvas', 'Map.Title');
    label('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
    label('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
    label('.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution');
    this.hover.clear();
  }

  /** Whether the map takes operations (its style is loaded; `ready` was reported). */
  get ready(): boolean {
    return this.loaded && !this.destroyed;
  }

  /** Removes what operations drew (before the operations of newly loaded data). */
  clear(): void {
    if (this.destroyed) return;
    this.stops.clear();
    this.focus = [];
    this.points.setData({ features: [], focus: [] });
  }

  /**
   * Height (CSS px) of what covers the bottom of the map (a phone's detail sheet): the camera keeps
   * what it shows above it.
   */
  setObstruction(bottom: number): void {
    const next = Math.max(0, bottom);
    if (next === this.obstruction) return;
    this.obstruction = next;
    this.stops.setObstruction(next);
  }

  /** Screen circles of the clusters and points drawn now (CSS px from the map's top left). */
  private drawnCircles(): { x: number; y: number; r: number; count: number; laureat: boolean }[] {
    const zoom = this.map.getZoom();
    return this.points.features.map((f) => {
      const { x, y } = this.map.project(f.geometry.coordinates as [number, number]);
      const count = 'cluster' in f.properties ? f.properties.point_count : 1;
      const laureat = !('cluster' in f.properties) && f.properties.laureat;
      return { x, y, r: drawnRadius(f, zoom), count, laureat };
    });
  }

  showNationalView(): void {
    this.map.fitBounds(NATIONAL_BOUNDS, { padding: FIT_PADDING });
  }

  /**
   * The map has what answers the last filter change (`drawing`: it changed something on the map):
   * its measure ends at the next idle.
   */
  closeFilterMeasureAtIdle(drawing: boolean): void {
    if (this.loaded) this.measures.closeFilterAtIdle(drawing);
  }

  /** Redraws now, for a still image read in the same task (print). */
  redraw(): HTMLCanvasElement {
    this.map.redraw();
    return this.map.getCanvas();
  }

  private readonly onLoad = () => {
    performance.mark('carto:carte-chargee');
    this.loaded = true;
    this.map.addLayer(this.points);
    if (this.context) this.setContext(this.context);
    this.reportView(false);
    this.events.ready();
  };

  private readonly onContextLost = () => {
    if (this.destroyed) return;
    this.events.failed(this.texts.contextLost);
  };

  /**
   * Applies operations in order, in this task: the next frame draws them all at once (a frame is
   * what costs on a software renderer). Call only after `ready`. Says whether anything changed.
   */
  apply(ops: readonly MapOp[]): boolean {
    if (!this.loaded || this.destroyed) return false;
    for (const op of ops) this.applyOne(op);
    return ops.length > 0;
  }

  private applyOne(op: MapOp): void {
    {
      switch (op.op) {
        case 'points':
          this.generation = op.points?.generation ?? this.generation;
          this.points.setData({ features: op.points?.features ?? [], focus: this.focus });
          if (op.points) this.measures.notePointsShown();
          break;
        case 'density':
          this.showDensity(op.points);
          break;
        case 'shades':
          for (const { code, shade } of op.changes) this.counts.set(code, shade.count);
          this.whenHeatReady(() => {
            for (const { code, shade } of op.changes) {
              this.map.setFeatureState({ source: SOURCE.departements, id: code }, { count: shade.count, teinte: shade.teinte });
            }
          });
          break;
        case 'selectDepartement':
          if (op.previous) this.map.setFeatureState({ source: SOURCE.departements, id: op.previous }, { selected: false });
          if (op.next) this.map.setFeatureState({ source: SOURCE.departements, id: op.next }, { selected: true });
          break;
        case 'addStop':
          this.stops.add(op.stop);
          break;
        case 'updateStop':
          this.stops.update(op.stop, op.returnFocus);
          break;
        case 'removeStop':
          this.stops.remove(op.id);
          break;
        case 'route': {
          // Feature-state, not setData: a new route would go to MapLibre's worker and cost frames.
          const shown = new Set(op.legs);
          this.whenHeatReady(() => {
            for (const leg of this.legs) this.map.setFeatureState({ source: SOURCE.parcours, id: leg }, { visible: shown.has(leg) });
          });
          break;
        }
        case 'focus':
          this.focus = op.positions;
          this.points.setData({ features: this.points.features, focus: op.positions });
          break;
        case 'camera':
          applyCamera(this.map, op.camera.target, {
            national: op.camera.key === 'nationale',
            // A link that opens on a choice lands there: flying from the national view, unseen,
            // would draw every zoom on the way (seconds on a software renderer) for nothing.
            instant: !this.firstViewShown,
            obstruction: this.obstruction,
          });
          break;
        case 'picking':
          this.picking = op.on;
          this.map.getContainer().classList.toggle('carte-choix-position', op.on);
          break;
      }
    }
  }

  /** Shows the density view with `points`, or hides it (null). */
  private showDensity(points: ClusterAnswer | null): void {
    const container = this.map.getContainer();
    if ((points !== null) !== this.densityShown) {
      this.densityShown = points !== null;
      this.map.setLayoutProperty(LAYER.densiteHeatmap, 'visibility', this.densityShown ? 'visible' : 'none');
      container.dataset.affichage = this.densityShown ? 'densite' : 'grappes';
    }
    if (!points) {
      this.releaseHeld();
      delete container.dataset.densitePoints;
      return;
    }
    this.held ??= [];
    const data = densityPoints(points);
    void this.source(SOURCE.densite)?.setData(data).then(() => {
      // Read by the browser tests: what the heatmap was given.
      if (this.densityShown) container.dataset.densitePoints = String(data.features.length);
    });
  }

  /** Runs `change` now, or once the heatmap's new data is ready when it is on its way. */
  private whenHeatReady(change: () => void): void {
    if (this.held) this.held.push(change);
    else change();
  }

  /** The held changes, now (the heatmap's tiles are ready, or the map went idle anyway). */
  private readonly releaseHeld = () => {
    const held = this.held;
    if (!held || this.destroyed) return;
    this.held = null;
    for (const change of held) change();
  };

  // A tile of the new density data was loaded and none is left to load: held changes and heat together.
  private readonly onSourceData = (event: { sourceId?: string; tile?: unknown }) => {
    if (this.held && event.sourceId === SOURCE.densite && event.tile && this.map.isSourceLoaded(SOURCE.densite)) this.releaseHeld();
  };

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }

  // The national view the app fits by itself is where the map starts, not a user's move.
  private readonly onMoveEnd = (event: object) => this.reportView((event as { vueNationale?: boolean }).vueNationale !== true);

  private reportView(moved: boolean): void {
    if (!this.loaded) return;
    const c = this.map.getCenter();
    const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
    const b = this.map.getBounds();
    this.events.viewChanged(
      { center: [round(c.lng, 4), round(c.lat, 4)], zoom: round(this.map.getZoom(), 2) },
      { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: this.map.getZoom() },
      moved,
    );
  }

  /** What is under the pointer: an innovation point or cluster (drawn on top), else a department. */
  private topFeature(event: MapMouseEvent): MapHit | undefined {
    if (!this.loaded) return undefined;
    const innovation = this.points.featureAt(event.point.x, event.point.y, this.map.getZoom(), (p) => this.map.project(p));
    if (innovation) return { kind: 'innovation', feature: innovation };
    const code = this.departementAt(event.point);
    return code === null ? undefined : { kind: 'departement', code };
  }

  /** The department (or overseas frame) drawn at a screen point. */
  private departementAt(point: MapMouseEvent['point']): string | null {
    const area = this.map.queryRenderedFeatures(point, { layers: [...CLICKABLE_LAYERS] })[0];
    return area ? String(area.properties.code) : null;
  }

  private readonly onClick = async (event: MapMouseEvent) => {
    if (this.picking) {
      this.events.positionPicked([event.lngLat.lng, event.lngLat.lat], this.departementAt(event.point));
      return;
    }
    const hit = this.topFeature(event);
    if (!hit) return;
    if (hit.kind === 'departement') {
      this.events.selectDepartement(hit.code);
      return;
    }
    const { properties, geometry } = hit.feature;
    if ('cluster' in properties) {
      const center = geometry.coordinates as [number, number];
      const zoom = await this.events.expansionZoom(properties.cluster_id, this.generation);
      // A cluster of older filters has no expansion zoom any more: zoom in one step.
      this.map.easeTo({ center, zoom: zoom ?? this.map.getZoom() + 1 });
    } else {
      this.events.selectPoint(properties.i);
    }
  };

  /** Title and detail line of the tooltip for a hovered department, point or cluster. */
  private tooltipLines(hit: MapHit): TooltipLines | Promise<TooltipLines | null> | null {
    if (hit.kind === 'departement') {
      return [this.context?.names.get(hit.code) ?? hit.code, this.texts.departementLine(hit.code, this.counts.get(hit.code) ?? 0)];
    }
    const { properties } = hit.feature;
    if ('cluster' in properties) return [this.texts.count(properties.point_count), this.texts.clusterHint];
    return this.events.pointLines(properties.i);
  }
}
