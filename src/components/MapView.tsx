import { useEffect, useRef, useState } from 'react';
import { useAppStore, type AppState, type LoadedData } from '../store/appStore';
import {
  selectCountsByDepartement, selectDepartements, selectLegendClasses, selectMapEtapes, selectResultsCurrent,
} from '../store/selectors';
import { dataFolderUrl } from '../store/loadData';
import { MapController, type MapEvents } from '../map/MapController';
import { mapModel, routeLegs, type Bounds, type MapModel, type MapModelInput } from '../map/model';
import { diffMapModel } from '../map/diff';
import { departementLabel } from '../domain/presentation';
import type { InnovationSource } from '../points/client';
import { Legend } from './Legend';
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

type Statics = Pick<MapModelInput, 'departementCodes' | 'departementBounds' | 'departementNoms' | 'etapes'>;

function staticsOf(data: LoadedData): Statics {
  return {
    departementCodes: data.departements.map((d) => d.code),
    departementBounds: new Map(data.departements.map((d): [string, Bounds] => [d.code, [[d.bbox[0], d.bbox[1]], [d.bbox[2], d.bbox[3]]]])),
    departementNoms: new Map(data.departements.map((d) => [d.code, d.nom])),
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
  };
}

const NO_WEBGL = 'La carte ne peut pas s’afficher dans ce navigateur ; la liste, les filtres et les exports restent disponibles.';

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
  // An error thrown while the map starts goes to the map region's error boundary (French message,
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
          return [p.titre, p.commune || departementLabel(p.departement, selectDepartements(store.getState()))];
        };
        return describe() ?? innovations.loadRows([row]).then(describe);
      },
      failed: (message) => setFailure(message),
    };
    let created: MapController;
    try {
      created = new MapController(element, dataFolderUrl(), events, store.getState().view);
    } catch (err) {
      void Promise.resolve().then(() => {
        if (isWebGlFailure(err)) {
          setFailure(NO_WEBGL);
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
    const sync = () => {
      const state = store.getState();
      const model = mapModel(modelInput(state, statics, data.innovations, asked));
      const drawing = controller.apply(diffMapModel(previous, model));
      previous = model;
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
      </div>
      <canvas ref={printCanvas} className="carte-impression" role="img" aria-label="Carte telle qu'affichée à l'écran" />
      {!failure && <Legend />}
    </div>
  );
}
