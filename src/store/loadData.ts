/**
 * Loads what the app shows from public/data (written by `npm run data`), relative to the page so
 * the built site works from any folder: the small files, checked against the shared schemas, and
 * the points worker for the innovations. The outlines (departments, countries) are the map's: its
 * own worker reads them. A missing, late or broken file becomes one plain French
 * sentence naming the file; features of the wrong shape are counted and left out, never allowed
 * to break the page.
 */
import * as v from 'valibot';
import {
  checkFeatures, checkItems, DepartementIndexEntrySchema, describeIssue, EtapeFeatureSchema, MetaSchema, VocabulairesSchema,
} from '../domain/schemas';
import { startInnovationSource, type InnovationSource } from '../points/client';
import type { LoadOptions } from '../points/protocol';
import { DataLoadError, fetchJson, HINT, type Fetch } from '../points/request';
import type { AppStoreApi, LoadedData } from './appStore';
import { DEFAULT_TOKENS } from '../map/tokens';

export { DataLoadError };

/** Folder of the data files, relative to the page. */
export const DATA_FOLDER = 'data/';

/** The departments' facts and boxes (written by the data build; the outlines are the map's). */
export const DEPARTEMENT_INDEX_FILE = 'departements-infos.json';

/** Absolute URL of the data folder, for the page, its workers and MapLibre's. */
export function dataFolderUrl(): string {
  return new URL(DATA_FOLDER, document.baseURI).href;
}

/** A request still unanswered after this long fails with a message and a "Réessayer" button. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Files whose features failed their schema, and the first problem of each. */
export interface DataProblems {
  file: string;
  rejected: number;
  firstProblem: string;
}

function unreadable(file: string, what: string): DataLoadError {
  return new DataLoadError(`Le fichier de données ${file} est illisible : ${what}. ${HINT}`);
}

function collection<T>(file: string, json: unknown, schema: v.GenericSchema<unknown, T>, problems: DataProblems[]): T[] {
  const checked = checkFeatures(json, schema);
  if (!checked) throw unreadable(file, 'une collection GeoJSON (FeatureCollection) est attendue');
  if (checked.rejected > 0) problems.push({ file, rejected: checked.rejected, firstProblem: checked.firstProblem! });
  return checked.valid;
}

function list<T>(file: string, json: unknown, schema: v.GenericSchema<unknown, T>, problems: DataProblems[]): T[] {
  if (!Array.isArray(json)) throw unreadable(file, 'une liste est attendue');
  const checked = checkItems(json, schema, '');
  if (checked.rejected > 0) problems.push({ file, rejected: checked.rejected, firstProblem: checked.firstProblem! });
  return checked.valid;
}

function object<T>(file: string, json: unknown, schema: v.GenericSchema<unknown, T>): T {
  const checked = v.safeParse(schema, json);
  if (!checked.success) throw unreadable(file, describeIssue(checked.issues[0]));
  return checked.output;
}

export interface LoadDeps {
  fetchFn?: Fetch;
  base?: string;
  timeoutMs?: number;
  /** Starts the points worker (a fake in unit tests). */
  startSource?: (options: LoadOptions) => Promise<InnovationSource>;
}

/** Fetches and checks every data file, and starts the points worker. Throws a DataLoadError. */
export async function loadData(deps: LoadDeps = {}): Promise<{ data: LoadedData; problems: DataProblems[] }> {
  const fetchFn = deps.fetchFn ?? ((url, init) => fetch(url, init));
  const base = deps.base ?? dataFolderUrl();
  const timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const startSource = deps.startSource ?? ((o: LoadOptions) => startInnovationSource(o, fetchFn));
  const get = (file: string, optional = false) => fetchJson(fetchFn, base, file, timeoutMs, optional);
  // The vocabularies give the points their colours: the worker starts as soon as they are here.
  const vocabulaires = get('vocabulaires.json').then((json) => object('vocabulaires.json', json, VocabulairesSchema));
  const innovations = vocabulaires.then((voc) => startSource({
    base,
    colours: Object.fromEntries(voc.themes.map((t) => [t.id, t.couleur])),
    sansTheme: DEFAULT_TOKENS.innovationSansTheme,
    timeoutMs,
  }));
  // Settle every request before answering, so a failure never leaves a worker running unseen.
  const settled = await Promise.allSettled([
    get(DEPARTEMENT_INDEX_FILE), get('etapes.geojson'), get('meta.json'), vocabulaires, innovations,
  ]);
  const failure = settled.find((r) => r.status === 'rejected');
  if (failure) {
    if (settled[4]!.status === 'fulfilled') (settled[4] as PromiseFulfilledResult<InnovationSource>).value.dispose();
    throw (failure as PromiseRejectedResult).reason;
  }
  const [dep, eta, met, voc, source] = settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    unknown, unknown, unknown, LoadedData['vocabulaires'], InnovationSource,
  ];
  const problems: DataProblems[] = [];
  try {
    const data: LoadedData = {
      departements: list(DEPARTEMENT_INDEX_FILE, dep, DepartementIndexEntrySchema, problems),
      etapes: collection('etapes.geojson', eta, EtapeFeatureSchema, problems),
      vocabulaires: voc,
      meta: object('meta.json', met, MetaSchema),
      innovations: source,
    };
    return { data, problems };
  } catch (err) {
    source.dispose();
    throw err;
  }
}

/** One French sentence per file with left-out features, for a notice above the map. */
export function describeProblems(problems: readonly DataProblems[]): string[] {
  return problems.map((p) => `${p.file} : ${p.rejected} élément${p.rejected > 1 ? 's' : ''} de forme inattendue laissé${p.rejected > 1 ? 's' : ''} de côté (premier problème : ${p.firstProblem}). ${HINT}`);
}

/**
 * Loads the data into `store`: 'ready' with the data, or 'error' with the French message and
 * whether trying again may help. The previous data's worker is stopped when new data replaces it.
 */
export async function loadIntoStore(store: AppStoreApi, deps?: LoadDeps): Promise<void> {
  const { setLoad } = store.getState();
  const previous = store.getState().load;
  setLoad({ status: 'loading' });
  if (previous.status === 'ready') previous.data.innovations.dispose();
  try {
    const { data, problems } = await loadData(deps);
    performance.mark('carto:donnees');
    store.setState({ dataProblems: describeProblems(problems) });
    setLoad({ status: 'ready', data });
  } catch (err) {
    const message = err instanceof DataLoadError ? err.message : `Les données n'ont pas pu être chargées : ${String(err)}`;
    setLoad({ status: 'error', message, retry: err instanceof DataLoadError ? err.retry : true });
  }
}
