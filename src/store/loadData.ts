/**
 * Loads everything the app shows from public/data (written by `npm run data`), relative to the
 * page so the built site works from any folder. A missing or broken file becomes one plain French
 * sentence naming the file, shown instead of an empty map.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type {
  BuildReport, DataMeta, DepartementDisplayFeature, EtapeFeature, InnovationFeature, InsetFrameFeature, RouteFeature, Vocabulaires,
} from '../domain/types';
import { useAppStore, type LoadedData } from './appStore';

/** Folder of the data files, relative to the page. */
export const DATA_FOLDER = 'data/';

export class DataLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataLoadError';
  }
}

type Fetch = (url: string) => Promise<Response>;

const HINT = 'Relancez « npm run data » puis « npm run build » pour le régénérer.';

async function fetchJson(fetchFn: Fetch, base: string, file: string, optional = false): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(`${base}${file}`);
  } catch (err) {
    throw new DataLoadError(`Le fichier de données ${file} est introuvable : le serveur ne répond pas (${String(err)}). ${HINT}`);
  }
  if (!response.ok) {
    if (optional) return null;
    throw new DataLoadError(`Le fichier de données ${file} est introuvable : le serveur répond ${response.status}. ${HINT}`);
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (optional) return null;
    throw new DataLoadError(`Le fichier de données ${file} est illisible : ce n'est pas du JSON valide (${(err as Error).message}). ${HINT}`);
  }
}

function unreadable(file: string, what: string): DataLoadError {
  return new DataLoadError(`Le fichier de données ${file} est illisible : ${what}. ${HINT}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function features<F extends Feature>(file: string, json: unknown): F[] {
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw unreadable(file, 'une collection GeoJSON (FeatureCollection) est attendue');
  }
  const list = json.features as unknown[];
  const bad = list.findIndex((f) => !isObject(f) || !isObject(f.geometry) || !isObject(f.properties));
  if (bad >= 0) throw unreadable(file, `l'objet n° ${bad + 1} n'a pas de géométrie ou de propriétés`);
  return (json as unknown as FeatureCollection).features as F[];
}

function vocabulaires(file: string, json: unknown): Vocabulaires {
  if (!isObject(json) || !Array.isArray(json.themes) || !Array.isArray(json.secteurs)) {
    throw unreadable(file, 'les listes « themes » et « secteurs » sont attendues');
  }
  return json as unknown as Vocabulaires;
}

function meta(file: string, json: unknown): DataMeta {
  if (!isObject(json) || typeof json.exemple !== 'boolean' || !Array.isArray(json.attributions)) {
    throw unreadable(file, 'les champs « exemple » (vrai/faux) et « attributions » (liste) sont attendus');
  }
  return json as unknown as DataMeta;
}

/** Fetches and checks every data file. Throws a DataLoadError with a French message. */
export async function loadData(fetchFn: Fetch = (url) => fetch(url), base: string = DATA_FOLDER): Promise<LoadedData> {
  const [dep, inno, eta, ins, pay, voc, met, rep] = await Promise.all([
    fetchJson(fetchFn, base, 'departements.geojson'),
    fetchJson(fetchFn, base, 'innovations.geojson'),
    fetchJson(fetchFn, base, 'etapes.geojson'),
    fetchJson(fetchFn, base, 'insets.geojson'),
    fetchJson(fetchFn, base, 'pays.geojson'),
    fetchJson(fetchFn, base, 'vocabulaires.json'),
    fetchJson(fetchFn, base, 'meta.json'),
    // The build report only adds detail; the map works without it.
    fetchJson(fetchFn, base, 'report.json', true),
  ]);
  const etapesAndRoute = features<EtapeFeature | RouteFeature>('etapes.geojson', eta);
  return {
    departements: features<DepartementDisplayFeature>('departements.geojson', dep),
    innovations: features<InnovationFeature>('innovations.geojson', inno),
    // The route line of the file is left out: the map draws it through the stops it shows.
    etapes: etapesAndRoute.filter((f): f is EtapeFeature => f.geometry.type === 'Point'),
    insets: features<InsetFrameFeature>('insets.geojson', ins),
    pays: features<LoadedData['pays'][number]>('pays.geojson', pay),
    vocabulaires: vocabulaires('vocabulaires.json', voc),
    meta: meta('meta.json', met),
    report: isObject(rep) ? (rep as unknown as BuildReport) : null,
  };
}

/** Loads the data into the app store: 'ready' with the data, or 'error' with the French message. */
export async function loadIntoStore(fetchFn?: Fetch): Promise<void> {
  const { setLoad } = useAppStore.getState();
  try {
    setLoad({ status: 'ready', data: await loadData(fetchFn) });
  } catch (err) {
    const message = err instanceof DataLoadError ? err.message : `Les données n'ont pas pu être chargées : ${String(err)}`;
    setLoad({ status: 'error', message });
  }
}
