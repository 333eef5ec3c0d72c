/**
 * The page's side of the points: the worker (filters, clusters, row queries) and the rows
 * themselves, fetched by chunks when a list row, a detail, a tooltip or an export needs them.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import { chunkFile } from '../domain/points';
import type { Filters, InnovationFeature } from '../domain/types';
import type { ClusterAnswer, FilterAnswer, LoadOptions, MapFrame, PointsSummary, PointsWorkerApi } from './protocol';
import { DataLoadError, fetchJson, HINT, type Fetch } from './request';

/** Everything the app asks about innovations beyond the small files loaded at start. */
export interface InnovationSource extends PointsSummary {
  filter(filters: Filters, frame: MapFrame | null): Promise<FilterAnswer>;
  clusters(frame: MapFrame): Promise<ClusterAnswer>;
  expansionZoom(clusterId: number, generation: number): Promise<number | null>;
  rowsInDepartement(code: string): Promise<Uint32Array>;
  rowsAtEtape(etapeId: string): Promise<Uint32Array>;
  /** Row of an innovation id, or null when the data has no such id. */
  resolveId(id: string): Promise<number | null>;
  /** The innovation at `row` if its chunk is loaded (see loadRows), else undefined. */
  row(row: number): InnovationFeature | undefined;
  /** Row of an id among the loaded chunks, or undefined. */
  loadedRowOf(id: string): number | undefined;
  /** Loads the chunks holding `rows` and gives their innovations, in the same order. */
  loadRows(rows: ArrayLike<number>): Promise<InnovationFeature[]>;
  /** Called whenever a chunk arrives (React re-renders rows that were waiting). */
  subscribe(listener: () => void): () => void;
  /** Grows by one whenever a chunk arrives. */
  readonly version: number;
  dispose(): void;
}

/** Loads chunks of rows on demand and remembers them. */
export class RowChunks {
  private readonly chunks = new Map<number, InnovationFeature[]>();
  private readonly pending = new Map<number, Promise<InnovationFeature[]>>();
  private readonly rowOfId = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(
    private readonly fetchFn: Fetch,
    private readonly base: string,
    private readonly chunkSize: number,
    private readonly count: number,
    private readonly timeoutMs: number,
  ) {}

  row(row: number): InnovationFeature | undefined {
    return this.chunks.get(Math.floor(row / this.chunkSize))?.[row % this.chunkSize];
  }

  loadedRowOf(id: string): number | undefined {
    return this.rowOfId.get(id);
  }

  private chunk(k: number): Promise<InnovationFeature[]> {
    const loaded = this.chunks.get(k);
    if (loaded) return Promise.resolve(loaded);
    let request = this.pending.get(k);
    if (!request) {
      const file = chunkFile('innovations', k);
      request = fetchJson(this.fetchFn, this.base, file, this.timeoutMs).then((json) => {
        const expected = Math.min(this.chunkSize, this.count - k * this.chunkSize);
        if (!Array.isArray(json) || json.length !== expected) {
          throw new DataLoadError(`Le fichier de données ${file} est illisible : ${expected} innovations attendues. ${HINT}`);
        }
        const rows = json as InnovationFeature[];
        this.chunks.set(k, rows);
        rows.forEach((f, j) => this.rowOfId.set(f.properties.id, k * this.chunkSize + j));
        this.version++;
        for (const listener of this.listeners) listener();
        return rows;
      }).finally(() => this.pending.delete(k));
      this.pending.set(k, request);
    }
    return request;
  }

  async load(rows: ArrayLike<number>): Promise<InnovationFeature[]> {
    const needed = new Set<number>();
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      if (row >= 0 && row < this.count) needed.add(Math.floor(row / this.chunkSize));
    }
    const list = [...needed];
    // A few chunks at a time: an export of every row must not open a thousand requests at once.
    for (let start = 0; start < list.length; start += 6) await Promise.all(list.slice(start, start + 6).map((k) => this.chunk(k)));
    return Array.from(rows, (row) => this.row(row)).filter((f): f is InnovationFeature => f !== undefined);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Starts the points worker on `options.base` and answers once the points are loaded. */
export async function startInnovationSource(options: LoadOptions, fetchFn: Fetch = (u, i) => fetch(u, i)): Promise<InnovationSource> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'points' });
  const api: Remote<PointsWorkerApi> = wrap<PointsWorkerApi>(worker);
  let summary: PointsSummary;
  try {
    summary = await api.load(options);
  } catch (err) {
    worker.terminate();
    const message = err instanceof Error ? err.message : String(err);
    throw new DataLoadError(message.startsWith('Le fichier') ? message : `Les innovations n'ont pas pu être chargées : ${message}`, true);
  }
  const rows = new RowChunks(fetchFn, options.base, summary.chunkSize, summary.count, options.timeoutMs);
  return {
    ...summary,
    filter: (filters, frame) => api.filter(filters, frame),
    clusters: (frame) => api.clusters(frame),
    expansionZoom: (id, generation) => api.expansionZoom(id, generation),
    rowsInDepartement: (code) => api.rowsInDepartement(code),
    rowsAtEtape: (id) => api.rowsAtEtape(id),
    resolveId: async (id) => {
      const known = rows.loadedRowOf(id);
      if (known !== undefined) return known;
      const [row] = await api.resolveIds([id]);
      return row === undefined || row < 0 ? null : row;
    },
    row: (i) => rows.row(i),
    loadedRowOf: (id) => rows.loadedRowOf(id),
    loadRows: (list) => rows.load(list),
    subscribe: (listener) => rows.subscribe(listener),
    get version() {
      return rows.version;
    },
    dispose: () => {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}
