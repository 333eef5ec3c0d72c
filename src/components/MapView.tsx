import { useEffect, useRef, useState } from 'react';
import { useAppStore, type AppState, type LoadedData } from '../store/appStore';
import {
  selectCountsByDepartement, selectDepartements, selectLegendClasses, selectMapEtapes, selectResultsCurrent,
} from '../store/selectors';
import { MapController, type MapEvents } from '../map/MapController';
import { departementBounds } from '../map/geometry';
import { mapModel, routeLegs, type MapModel, type MapModelInput } from '../map/model';
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

/** Whether this browser gives a WebGL 2 context, which MapLibre needs (locked-down PCs often do not). */
function canDrawMap(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

/**
 * The map: creates its controller once per data set, turns every store change into a map model,
 * diffs it with the last one and hands the controller the operations. The controller reports
 * clicks and moves back through events, which become store actions here.
 */
export function MapView({ data }: { data: LoadedData }) {
  const container = useRef<HTMLDivElement>(null);
  const printCanvas = useRef<HTMLCanvasElement>(null);
  const [failure, setFailure] = useState<string | null>(() => (canDrawMap() ? null : NO_WEBGL));
  // An error thrown while the map starts goes to the map region's error boundary (French message,
  // "Recharger"): thrown from a state update so that React routes it there.
  const [, setCrash] = useState<null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    const store = useAppStore;
    const source = data.innovations;
    const departements = selectDepartements(store.getState());
    const statics: Statics = {
      departementCodes: [...departements.keys()],
      departementBounds: departementBounds(data.departements),
      departementNoms: new Map([...departements.values()].map((d) => [d.code, d.nom])),
      etapes: data.etapes,
    };
    const asked = new Set<string>();
    let previous: MapModel | null = null;
    let unsubscribe: (() => void)[] = [];
    let controller: MapController | null = null;

    const sync = () => {
      if (!controller) return;
      const state = store.getState();
      const model = mapModel(modelInput(state, statics, source, asked));
      const drawing = controller.apply(diffMapModel(previous, model));
      previous = model;
      if (selectResultsCurrent(state)) controller.closeFilterMeasureAtIdle(drawing);
    };

    const events: MapEvents = {
      ready: () => {
        sync();
        unsubscribe = [store.subscribe(sync), source.subscribe(sync)];
      },
      selectDepartement: (code) => store.getState().select({ kind: 'departement', id: code }, 'carte'),
      selectEtape: (id) => store.getState().select({ kind: 'etape', id }, 'carte'),
      selectPoint: (row) => {
        void source.loadRows([row]).then(([feature]) => {
          if (feature) store.getState().select({ kind: 'innovation', id: feature.properties.id }, 'carte');
        });
      },
      viewChanged: (camera, frame, moved) => {
        const { view } = store.getState();
        const same = view !== null && view.zoom === camera.zoom && view.center[0] === camera.center[0] && view.center[1] === camera.center[1];
        // Where the map starts is not a user's choice: only real moves reach the URL.
        store.setState(moved && !same ? { mapFrame: frame, view: camera } : { mapFrame: frame });
      },
      expansionZoom: (id, generation) => source.expansionZoom(id, generation),
      pointLines: (row) => {
        const describe = (): [string, string] | null => {
          const p = source.row(row)?.properties;
          if (!p) return null;
          return [p.titre, p.commune || departementLabel(p.departement, departements)];
        };
        return describe() ?? source.loadRows([row]).then(describe);
      },
      failed: (message) => setFailure(message),
    };

    try {
      controller = new MapController(element, {
        departements: data.departements, insets: data.insets, pays: data.pays, attributions: data.meta.attributions,
        route: routeLegs(data.etapes, new Set(data.etapes.map((e) => e.properties.id))),
      }, events, store.getState().view);
    } catch (err) {
      void Promise.resolve().then(() => {
        if (!disposed) {
          setCrash(() => {
            throw err instanceof Error ? err : new Error(String(err));
          });
        }
      });
      return;
    }
    const stopPrintPreparation = onBeforePrint(() => {
      if (!printCanvas.current || !container.current || !controller) return;
      // A synchronous redraw, read in the same task, before the browser clears the drawing buffer.
      drawMapSnapshot(printCanvas.current, controller.redraw(), container.current);
    });
    return () => {
      disposed = true;
      stopPrintPreparation();
      for (const stop of unsubscribe) stop();
      controller?.destroy();
    };
  }, [data]);

  return (
    <div className="zone-carte">
      <div className="carte-cadre">
        {failure ? (
          <div className="carte-indisponible" role="alert">
            <p>{failure}</p>
          </div>
        ) : (
          <div className="carte" ref={container} />
        )}
      </div>
      <canvas ref={printCanvas} className="carte-impression" role="img" aria-label="Carte telle qu'affichée à l'écran" />
      {!failure && <Legend />}
    </div>
  );
}
