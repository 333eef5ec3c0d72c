/**
 * The points worker: loads points.bin off the main thread and answers filters, clusters and row
 * queries (protocol.ts). Search texts and ids are fetched the first time they are needed.
 */
import { expose, transfer } from 'comlink';
import { appendSearchLines, emptySearchText, laureatTotal, textKey, totalsByDepartement, yearRange, type SearchText } from '../domain/filters';
import { chunkFile, decodePointsFile, IDS_FILE, PointsFileError, POINTS_FILE } from '../domain/points';
import type { Filters } from '../domain/types';
import { PointsEngine } from './engine';
import type { ClusterAnswer, FilterAnswer, LoadOptions, MapFrame, PointsSummary, PointsWorkerApi } from './protocol';
import { DataLoadError, fetchBytes, fetchJson, fetchText, HINT } from './request';

let options: LoadOptions | null = null;
let engine: PointsEngine | null = null;
let searchLoading: Promise<SearchText> | null = null;
let idsLoading: Promise<Map<string, number>> | null = null;
const fetchFn = (url: string, init?: RequestInit) => fetch(url, init);

function ready(): { engine: PointsEngine; options: LoadOptions } {
  if (!engine || !options) throw new Error('points non chargés');
  return { engine, options };
}

/** Fetches `count` chunk files a few at a time (a browser opens about six connections per host). */
async function eachChunk(count: number, read: (k: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await read(next++);
  };
  await Promise.all(Array.from({ length: Math.min(6, count) }, lane));
}

function loadSearch(): Promise<SearchText> {
  const { engine: e, options: o } = ready();
  searchLoading ??= (async () => {
    const { count, chunkSize } = e.table.header;
    const search = emptySearchText();
    await eachChunk(Math.ceil(count / chunkSize), async (k) => {
      appendSearchLines(search, k * chunkSize, await fetchText(fetchFn, o.base, chunkFile('recherche', k), o.timeoutMs));
    });
    e.setSearch(search);
    return search;
  })();
  searchLoading.catch(() => {
    searchLoading = null;
  });
  return searchLoading;
}

function clustersFor(e: PointsEngine, frame: MapFrame, generation: number): ClusterAnswer {
  return { generation, frame, features: e.clusters(frame.bbox, frame.zoom) };
}

let generation = 0;

const api: PointsWorkerApi = {
  async load(o) {
    options = o;
    const bytes = await fetchBytes(fetchFn, o.base, POINTS_FILE, o.timeoutMs);
    let table;
    try {
      table = decodePointsFile(bytes);
    } catch (err) {
      if (err instanceof PointsFileError) throw new DataLoadError(`Le fichier de données ${POINTS_FILE} est illisible : ${err.message}. ${HINT}`);
      throw err;
    }
    engine = new PointsEngine(table, table.header.themes.map((id) => o.colours[id] ?? o.sansTheme), o.sansTheme);
    const summary: PointsSummary = {
      count: table.header.count,
      chunkSize: table.header.chunkSize,
      totalsByDepartement: totalsByDepartement(table),
      years: yearRange(table),
      laureats: laureatTotal(table),
    };
    return summary;
  },

  async filter(filters: Filters, frame: MapFrame | null): Promise<FilterAnswer> {
    const { engine: e } = ready();
    if (textKey(filters.texte) !== '' && !e.hasSearch) await loadSearch();
    const answer = e.filter(filters);
    generation = answer.generation;
    // The engine keeps its own rows for later questions: the page gets a copy it can own.
    const matched = answer.matched.slice();
    const result: FilterAnswer = { ...answer, matched, clusters: frame ? clustersFor(e, frame, generation) : null };
    return transfer(result, [matched.buffer]);
  },

  async clusters(frame) {
    return clustersFor(ready().engine, frame, generation);
  },

  async expansionZoom(clusterId, gen) {
    return ready().engine.expansionZoom(clusterId, gen);
  },

  async rowsInDepartement(code) {
    const rows = ready().engine.rowsInDepartement(code).slice();
    return transfer(rows, [rows.buffer]);
  },

  async rowsAtEtape(etapeId) {
    const rows = ready().engine.rowsAtEtape(etapeId);
    return transfer(rows, [rows.buffer]);
  },

  async resolveIds(ids) {
    const { options: o } = ready();
    idsLoading ??= fetchJson(fetchFn, o.base, IDS_FILE, o.timeoutMs).then((list) => {
      if (!Array.isArray(list)) throw new DataLoadError(`Le fichier de données ${IDS_FILE} est illisible : une liste est attendue. ${HINT}`);
      return new Map(list.map((id, i) => [String(id), i]));
    });
    idsLoading.catch(() => {
      idsLoading = null;
    });
    const rows = await idsLoading;
    return ids.map((id) => rows.get(id) ?? -1);
  },
};

expose(api);
