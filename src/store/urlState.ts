/**
 * The shareable part of the app state (filters, selected item, map view) as a query string, and back.
 *
 * Format, chosen to stay readable when pasted in a mail:
 *   ?theme=telesante&theme=ent&secteur=sante&region=53&departement=35&annee_min=2005&annee_max=2009
 *   &q=dossier%20patient&laureats=1&etapes=0&selection=innovation:i042&carte=6.5/48.11/-1.68
 * Multi-valued filters repeat their parameter so any id survives the trip. `carte` is zoom/lat/lon
 * as on openstreetmap.org. `edition=2010` (or `edition=toutes`) shows another edition of the tour than
 * the default one. `integration=1` opens the page embedded in another site (no header,
 * compact controls). `lang=en` shows the interface in English (absent: French). Parsing never throws: unknown parameters and malformed values are ignored.
 */
import type { AppState, Filters, MapView, Selection } from './appStore';
import type { EditionChoice, Lang } from '../domain/types';

export interface UrlState {
  filters: Filters;
  selection: Selection | null;
  view: MapView | null;
  /** The page is embedded in another site (`integration=1`); absent otherwise. */
  integration?: boolean;
  /** The tour's edition chosen (`edition=2010`, `edition=toutes`); absent for the default one. */
  edition?: EditionChoice;
  /** The interface's language when it is not French (`lang=en`); absent for French. */
  lang?: Lang;
}

/** What the URL keeps of the app's state (the edition and language only when not the default). */
export function urlStateOf(s: AppState): UrlState {
  return {
    filters: s.filters, selection: s.selection, view: s.view, integration: s.integration, ...(s.edition !== null ? { edition: s.edition } : {}),
    ...(s.lang !== 'fr' ? { lang: s.lang } : {}),
  };
}

export const PARAM = {
  theme: 'theme',
  secteur: 'secteur',
  region: 'region',
  departement: 'departement',
  anneeMin: 'annee_min',
  anneeMax: 'annee_max',
  texte: 'q',
  laureats: 'laureats',
  etapes: 'etapes',
  selection: 'selection',
  carte: 'carte',
  integration: 'integration',
  edition: 'edition',
  lang: 'lang',
} as const;

const SELECTION_KINDS: readonly Selection['kind'][] = ['innovation', 'departement', 'etape'];
const MAX_TEXT = 500;
const MAX_ID = 100;

function distinctIds(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== '' && v.length <= MAX_ID))];
}

function singleId(params: URLSearchParams, name: string): string | null {
  const v = params.get(name);
  return v !== null && v !== '' && v.length <= MAX_ID ? v : null;
}

function year(params: URLSearchParams, name: string): number | null {
  const v = params.get(name);
  return v !== null && /^\d{1,4}$/.test(v) ? Number(v) : null;
}

function parseSelection(v: string | null): Selection | null {
  if (v === null) return null;
  const colon = v.indexOf(':');
  if (colon < 0) return null;
  const kind = v.slice(0, colon) as Selection['kind'];
  const id = v.slice(colon + 1);
  if (!SELECTION_KINDS.includes(kind) || id === '' || id.length > MAX_ID) return null;
  return { kind, id };
}

/** Decimal number as written in a URL: no exponent, no hex, no "Infinity". */
const DECIMAL = /^-?\d{1,3}(\.\d{1,10})?$/;

function parseView(v: string | null): MapView | null {
  if (v === null) return null;
  const parts = v.split('/');
  if (parts.length !== 3 || !parts.every((p) => DECIMAL.test(p))) return null;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > 24 || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  return { center: [lon, lat], zoom };
}

/** Reads a query string (with or without its leading '?'). Never throws. */
export function parseUrlState(search: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const texte = params.get(PARAM.texte) ?? '';
  const etapes = params.get(PARAM.etapes);
  const filters: Filters = {
    themes: distinctIds(params.getAll(PARAM.theme)),
    secteurs: distinctIds(params.getAll(PARAM.secteur)),
    region: singleId(params, PARAM.region),
    departement: singleId(params, PARAM.departement),
    anneeMin: year(params, PARAM.anneeMin),
    anneeMax: year(params, PARAM.anneeMax),
    texte: texte.length <= MAX_TEXT ? texte : '',
    laureats: params.get(PARAM.laureats) === '1',
    afficherEtapes: !(etapes === '0' || etapes === 'non'),
  };
  const state: UrlState = { filters, selection: parseSelection(params.get(PARAM.selection)), view: parseView(params.get(PARAM.carte)) };
  if (params.get(PARAM.integration) === '1') state.integration = true;
  const edition = params.get(PARAM.edition);
  if (edition === 'toutes') state.edition = 'toutes';
  else if (edition !== null && /^\d{4}$/u.test(edition)) state.edition = Number(edition);
  if (params.get(PARAM.lang) === 'en') state.lang = 'en';
  return state;
}

/** Shortest decimal for `x` rounded to `digits` decimals ("6.5", not "6.50"). */
function decimal(x: number, digits: number): string {
  const s = String(Number(x.toFixed(digits)));
  return s === '-0' ? '0' : s;
}

/**
 * The query string for a state, without '?' ('' for the default state). Defaults are left out.
 * The view is rounded (zoom to 2 decimals, coordinates to 5, about a metre).
 */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const f = state.filters;
  for (const t of f.themes) params.append(PARAM.theme, t);
  for (const s of f.secteurs) params.append(PARAM.secteur, s);
  if (f.region !== null) params.set(PARAM.region, f.region);
  if (f.departement !== null) params.set(PARAM.departement, f.departement);
  if (f.anneeMin !== null) params.set(PARAM.anneeMin, String(f.anneeMin));
  if (f.anneeMax !== null) params.set(PARAM.anneeMax, String(f.anneeMax));
  if (f.texte !== '') params.set(PARAM.texte, f.texte);
  if (f.laureats) params.set(PARAM.laureats, '1');
  if (!f.afficherEtapes) params.set(PARAM.etapes, '0');
  if (state.selection) params.set(PARAM.selection, `${state.selection.kind}:${state.selection.id}`);
  if (state.edition !== undefined) params.set(PARAM.edition, String(state.edition));
  if (state.lang === 'en') params.set(PARAM.lang, 'en');
  if (state.integration) params.set(PARAM.integration, '1');
  // URLSearchParams writes spaces as '+'; %20 reads the same and survives more mail clients.
  // ':' needs no escaping in a query and keeps `selection=innovation:i42` readable.
  const query = params.toString().replace(/\+/g, '%20').replace(/%3A/g, ':');
  if (!state.view) return query;
  // Digits, dots, minus signs and slashes need no escaping in a query: keep the view readable.
  const [lon, lat] = state.view.center;
  const carte = `${PARAM.carte}=${decimal(state.view.zoom, 2)}/${decimal(lat, 5)}/${decimal(lon, 5)}`;
  return query === '' ? carte : `${query}&${carte}`;
}

/** What the loaded data knows, to drop ids a link names but the data lacks. */
export interface KnownIds {
  themes: ReadonlySet<string>;
  secteurs: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  departements: ReadonlySet<string>;
}

/**
 * Filters restricted to ids the data knows (an old or hand-edited link may name a theme that no
 * longer exists: it is dropped rather than shown as an empty result). Returns the same object when
 * nothing had to change.
 */
export function keepKnownIds(filters: Filters, known: KnownIds): Filters {
  const themes = filters.themes.filter((t) => known.themes.has(t));
  const secteurs = filters.secteurs.filter((s) => known.secteurs.has(s));
  const region = filters.region !== null && known.regions.has(filters.region) ? filters.region : null;
  const departement = filters.departement !== null && known.departements.has(filters.departement) ? filters.departement : null;
  if (themes.length === filters.themes.length && secteurs.length === filters.secteurs.length
    && region === filters.region && departement === filters.departement) {
    return filters;
  }
  return { ...filters, themes, secteurs, region, departement };
}
