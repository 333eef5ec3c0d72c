/**
 * Keeps the worker's answers in step with the store: new filters → one filter pass (matches,
 * facets, counts and the clusters of the map's frame, together); a map moved out of the clusters
 * it has → the clusters of the new frame. Only the latest question counts: while the worker is
 * busy, newer filters wait and replace older ones, so quick clicks never queue up passes.
 */
import type { AppState, AppStoreApi, Results } from './appStore';
import { innovationCriteriaKey, selectData } from './selectors';
import type { ClusterAnswer, MapFrame } from '../points/protocol';

/** Clusters are asked for a box this much larger than the view on each side, so a pan has them. */
const FRAME_MARGIN = 0.5;

/** The view's box grown by FRAME_MARGIN on every side (within the world). */
export function paddedFrame(frame: MapFrame): MapFrame {
  const [w, s, e, n] = frame.bbox;
  const dx = (e - w) * FRAME_MARGIN;
  const dy = (n - s) * FRAME_MARGIN;
  return {
    bbox: [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)],
    zoom: frame.zoom,
  };
}

/** Whether clusters asked for `asked` still serve a map showing `view`. */
export function framesCover(asked: MapFrame, view: MapFrame): boolean {
  const [w, s, e, n] = asked.bbox;
  const [vw, vs, ve, vn] = view.bbox;
  return Math.floor(asked.zoom) === Math.floor(view.zoom) && vw >= w && vs >= s && ve <= e && vn <= n;
}

export function startResultsSync(store: AppStoreApi): () => void {
  let filtering = false;
  let clustering = false;
  let answeredKey: string | null = null;
  let stopped = false;

  const frameToAsk = (s: AppState) => (s.mapFrame ? paddedFrame(s.mapFrame) : null);

  async function filterLoop(): Promise<void> {
    if (filtering) return;
    filtering = true;
    try {
      for (;;) {
        const s = store.getState();
        const data = selectData(s);
        const key = innovationCriteriaKey(s.filters);
        if (stopped || !data || key === answeredKey) break;
        const filters = s.filters;
        const answer = await data.innovations.filter(filters, frameToAsk(s));
        if (stopped || selectData(store.getState()) !== data) break;
        answeredKey = key;
        const { clusters, ...result } = answer;
        const results: Results = { ...result, filters };
        if (!store.getState().results) performance.mark('carto:premiers-resultats');
        store.getState().setResults(results, clusters);
      }
    } catch (err) {
      console.error('Filtrage impossible', err);
    } finally {
      filtering = false;
    }
    // The map may have moved during the pass: its clusters may need a new frame.
    void clusterLoop();
  }

  function clustersServe(s: AppState, clusters: ClusterAnswer | null): boolean {
    if (!s.mapFrame || !s.results) return true;
    return clusters !== null && clusters.generation === s.results.generation && framesCover(clusters.frame, s.mapFrame);
  }

  async function clusterLoop(): Promise<void> {
    if (clustering || filtering) return;
    clustering = true;
    try {
      for (;;) {
        const s = store.getState();
        const data = selectData(s);
        if (stopped || !data || clustersServe(s, s.clusters) || filtering) break;
        const answer = await data.innovations.clusters(frameToAsk(s)!);
        const now = store.getState();
        if (stopped || filtering || !now.results || answer.generation !== now.results.generation) break;
        now.setClusters(answer);
      }
    } catch (err) {
      console.error('Regroupement impossible', err);
    } finally {
      clustering = false;
    }
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.load !== prev.load) answeredKey = null;
    if (s.load !== prev.load || s.filters !== prev.filters) void filterLoop();
    else if (s.mapFrame !== prev.mapFrame) void clusterLoop();
  });
  void filterLoop();

  return () => {
    stopped = true;
    unsubscribe();
  };
}
