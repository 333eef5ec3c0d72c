import { useEffect, useRef, useState } from 'react';
import { useAppStore, type AppState, type LoadedData } from '../store/appStore';
import {
  selectCountsByDepartement, selectDepartements, selectEdition, selectLegendClasses, selectMapEtapes, selectResultsCurrent,
} from '../store/selectors';
import { dataFolderUrl } from '../store/loadData';
import { MapController, type MapEvents, type MapTexts } from '../map/MapController';
import { mapModel, routeLegs, type Bounds, type MapModel, type MapModelInput } from '../map/model';
import { diffMapModel } from '../map/diff';
import { departementLabel, formatCount, tropheeBadge } from '../domain/presentation';
import type { Wording } from '../domain/types';
import { wording } from '../i18n';
import { useT } from './hooks';
import { realPlace } from '../domain/displayPosition';
import type { InnovationSource } from '../points/client';
import { Legend } from './Legend';
import { TourControls } from './TourReplay';
import { FullMapLink } from './FullMapLink';
import { drawMapSnapshot } from './mapSnapshot';
import { onBeforePrint } from './printing';

/** Display position of an innovation id if its row is loaded; asks for it otherwise. */
function positionOf(source: InnovationSource, id: string | null, asked: Set<string>): [number, number] | null {
  if (id === null) return null;
  const row = source.loadedRowOf(id);
  if (row !== undefined) return (source.row(row)?.geometry.coordinates as [number, number] | undefined) ?? null;
  if (!asked.has(id)) {
    asked.add(id);
    // The chunk's arrival calls the source's listeners, which compute the model again.
    void source.resolveId(id).then((found) => (found === null ? undefined : source.loadRows([found]))).catch(() => undefined);
  }
  return null;
}

type Statics = Pick<MapModelInput, 'departementCodes' | 'departementBounds' | 'departementNoms' | 'departementRegions' | 'etapes'>;

function staticsOf(data: LoadedData): Statics {
  return {
    departementCodes: data.departements.map((d) => d.code),
    departementBounds: new Map(data.departements.map((d): [string, Bounds] => [d.code, [[d.bbox[0], d.bbox[1]], [d.bbox[2], d.bbox[3]]]])),
    departementNoms: new Map(data.departements.map((d) => [d.code, d.nom])),
    departementRegions: new Map(data.departements.map((d) => [d.code, d.region])),
    etapes: data.etapes,
  };
}

function modelInput(state: AppState, statics: Statics, source: InnovationSource, asked: Set<string>): MapModelInput {
  const selected = state.selection?.kind === 'innovation' ? state.selection.id : null;
  return {
    ...statics,
    visibleEtapes: selectMapEtapes(state),
    clusters: state.clusters,
    countsByDepartement: selectCountsByDepartement(state),
    legendClasses: selectLegendClasses(state),
    selection: state.selection,
    selectionOrigin: state.selectionOrigin,
    selectedPosition: positionOf(source, selected, asked),
    hoveredPosition: positionOf(source, state.hoveredInnovation, asked),
    view: state.view,
    territory: { region: state.filters.region, departement: state.filters.departement },
    showRoute: state.afficherParcours,
    display: state.mapDisplay,
    tour: state.tour,
    edition: selectEdition(state),
    reducedMotion: prefersReducedMotion(),
    picking: state.picking,
    w: wording(state.lang),
  };
}

/** The map's words in the interface's language (the map itself knows no catalogue). */
function mapTexts(w: Wording): MapTexts {
  const { t } = w;
  return {
    maplibre: {
      'Map.Title': t('map.title'),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'NavigationControl.ResetBearing': t('map.resetBearing'),
      'AttributionControl.ToggleAttribution': t('map.attribution'),
      'Popup.Close': t('map.close'),
    },
    nationalView: t('map.nationalView'),
    nationalViewTitle: t('map.nationalViewTitle'),
    contextLost: t('map.contextLost'),
    clusterHint: t('map.clusterHint'),
    count: (n) => formatCount(n, w),
    departementLine: (code, count) => t('map.departementLine', { code, count: formatCount(count, w) }),
  };
}

/** Whether the person asked their system for less motion (read at each model: it may change). */
function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const territoryKey = (state: AppState) => `${state.filters.region ?? ''}|${state.filters.departement ?? ''}`;

/**
 * Height of the detail sheet that covers the bottom of the map on a phone (0 elsewhere), from the
 * share the stylesheet gives it (--part-feuille): the camera keeps the chosen point above it.
 */
function sheetHeight(state: AppState, map: HTMLElement): number {
  if (state.selection === null || typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 760px)').matches) return 0;
  const share = Number.parseFloat(getComputedStyle(map).getPropertyValue('--part-feuille'));
  return Number.isFinite(share) ? map.clientHeight * share : 0;
}

/** Whether MapLibre failed for want of WebGL (locked-down PCs, remote desktops, a browser setting). */
const isWebGlFailure = (err: unknown) => /webgl/i.test(err instanceof Error ? err.message : String(err));

/**
 * The map: its controller starts with the page, before the data (MapLibre reads the outlines by
 * itself meanwhile); once the data is here, every store change becomes a map model, diffed with
 * the last one, and the controller gets the operations. Clicks and moves come back as events,
 * which become store actions here.
 */
export function MapView({ data }: { data: LoadedData | null }) {
  const container = useRef<HTMLDivElement>(null);
  const printCanvas = useRef<HTMLCanvasElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const integration = useAppStore((s) => s.integration);
  const w = useT();
  // An error thrown while the map starts goes to the map region's error boundary (its message,
  // "Recharger"): thrown from a state update so that React routes it there.
  const [, setCrash] = useState<null>(null);
  /** What the map's events act on: the data loaded now (events may fire before it is). */
  const current = useRef<{ data: LoadedData | null; events: Partial<MapEvents> }>({ data: null, events: {} });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const store = useAppStore;
    const source = () => current.current.data?.innovations;
    const events: MapEvents = {
      ready: () => current.current.events.ready?.(),
      selectDepartement: (code) => store.getState().select({ kind: 'departement', id: code }, 'carte'),
      selectEtape: (id) => store.getState().select({ kind: 'etape', id }, 'carte'),
      selectPoint: (row) => {
        void source()?.loadRows([row]).then(([feature]) => {
          if (feature) store.getState().select({ kind: 'innovation', id: feature.properties.id }, 'carte');
        });
      },
      viewChanged: (camera, frame, moved) => {
        const { view } = store.getState();
        const same = view !== null && view.zoom === camera.zoom && view.center[0] === camera.center[0] && view.center[1] === camera.center[1];
        // Where the map starts is not a user's choice: only real moves reach the URL.
        store.setState(moved && !same ? { mapFrame: frame, view: camera } : { mapFrame: frame });
      },
      expansionZoom: async (id, generation) => (await source()?.expansionZoom(id, generation)) ?? null,
      pointLines: (row) => {
        const innovations = source();
        if (!innovations) return null;
        const describe = (): [string, string] | null => {
          const p = innovations.row(row)?.properties;
          if (!p) return null;
          const place = p.commune || departementLabel(p.departement, selectDepartements(store.getState()));
          return [p.titre, p.trophee ? `${place} · ${tropheeBadge(p.trophee, wording(store.getState().lang))}` : place];
        };
        return describe() ?? innovations.loadRows([row]).then(describe);
      },
      failed: (message) => setFailure(message),
      positionPicked: (lngLat, departement) => {
        const place = realPlace(lngLat);
        store.getState().pickPosition({ longitude: place.lonLat[0], latitude: place.lonLat[1], departement: departement ?? place.territoire });
      },
    };
    let created: MapController;
    try {
      created = new MapController(element, dataFolderUrl(), events, store.getState().view, mapTexts(wording(store.getState().lang)));
    } catch (err) {
      void Promise.resolve().then(() => {
        if (isWebGlFailure(err)) {
          setFailure(wording(store.getState().lang).t('map.noWebgl'));
          return;
        }
        setCrash(() => {
          throw err instanceof Error ? err : new Error(String(err));
        });
      });
      return;
    }
    void Promise.resolve().then(() => setController(created));
    const stopPrintPreparation = onBeforePrint(() => {
      if (!printCanvas.current || !container.current) return;
      // A synchronous redraw, read in the same task, before the browser clears the drawing buffer.
      drawMapSnapshot(printCanvas.current, created.redraw(), container.current);
    });
    return () => {
      stopPrintPreparation();
      created.destroy();
      setController(null);
    };
  }, []);

  // A language chosen after the map started: its own words follow (the model's follow with the store).
  useEffect(() => {
    controller?.setTexts(mapTexts(w));
  }, [controller, w]);

  useEffect(() => {
    const shared = current.current;
    shared.data = data;
    if (!controller || !data) return;
    const store = useAppStore;
    const statics = staticsOf(data);
    const asked = new Set<string>();
    let previous: MapModel | null = null;
    let unsubscribe: (() => void)[] = [];
    controller.setContext({
      names: statics.departementNoms,
      route: routeLegs(data.etapes, new Set(data.etapes.map((e) => e.properties.id))),
      attributions: data.meta.attributions,
    });
    // A link's own view wins over its territory when the page opens; a territory chosen afterwards is framed.
    let openingTerritory = store.getState().view ? territoryKey(store.getState()) : null;
    const sync = () => {
      const state = store.getState();
      const input = modelInput(state, statics, data.innovations, asked);
      if (openingTerritory !== null && territoryKey(state) !== openingTerritory) openingTerritory = null;
      if (openingTerritory !== null) input.territory = null;
      if (container.current) controller.setObstruction(sheetHeight(state, container.current));
      const model = mapModel(input);
      const ops = diffMapModel(previous, model);
      // Before applying: a camera move that ends at once (moveend within apply) reports the view,
      // which syncs again; that sync must diff from this model, or it applies these ops twice.
      previous = model;
      const drawing = controller.apply(ops);
      if (selectResultsCurrent(state)) controller.closeFilterMeasureAtIdle(drawing);
    };
    const start = () => {
      sync();
      unsubscribe = [store.subscribe(sync), data.innovations.subscribe(sync)];
    };
    if (controller.ready) start();
    else shared.events.ready = start;
    return () => {
      shared.events.ready = undefined;
      for (const stop of unsubscribe) stop();
      controller.clear();
    };
  }, [controller, data]);

  return (
    <div className="zone-carte">
      <div className="carte-cadre">
        {failure && (
          <div className="carte-indisponible" role="alert">
            <p>{failure}</p>
          </div>
        )}
        <div className="carte" ref={container} hidden={failure !== null} />
        {data && !failure && <TourControls />}
        {integration && <FullMapLink />}
      </div>
      <canvas ref={printCanvas} className="carte-impression" role="img" aria-label={w.t('print.mapImage')} />
      {!failure && <Legend />}
    </div>
  );
}
