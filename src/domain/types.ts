/**
 * The one place where the project's data types are declared.
 * Scripts (build pipeline) and the app (store, map, components) both import from here.
 *
 * Naming: French for data columns and properties the organisers see (they are part of the
 * product), English for code-level concepts.
 */
import type { TFunction } from 'i18next';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, LineString } from 'geojson';

/** Kind of territory: metropolitan department, overseas department/region, overseas collectivity. */
export type Zone = 'metro' | 'drom' | 'com';

/** How a point was placed by the build: row coordinates, commune gazetteer, or department label point. */
export type Placement = 'exact' | 'commune' | 'departement';

/** A department (or COM) as the Code officiel géographique names it. */
export interface DepartementInfo {
  /** INSEE code: '01'…'95', '2A', '2B', '971'…'976', '975', '977', '978', '986', '987', '988'. */
  code: string;
  nom: string;
  /** Region code (COG); for a COM, the COM code itself. */
  region: string;
  region_nom: string;
  zone: Zone;
}

/** Properties of a boundary feature in data/departements.geojson (real WGS84 geometry). */
export type DepartementProps = DepartementInfo;
export type DepartementFeature = Feature<Polygon | MultiPolygon, DepartementProps>;
export type DepartementCollection = FeatureCollection<Polygon | MultiPolygon, DepartementProps>;

/**
 * Properties of a feature in public/data/departements.geojson (display geometry, insets applied).
 * `role: 'zone'` is the polygon; `role: 'etiquette'` is the one label point of that department.
 */
export type DepartementDisplayProps = DepartementInfo & { role: 'zone' | 'etiquette' };
export type DepartementDisplayFeature = Feature<Polygon | MultiPolygon | Point, DepartementDisplayProps>;

/**
 * A department as the app knows it at start (public/data/departements-infos.json): its facts and
 * the box of its display shape (inside its inset when overseas), [west, south, east, north]. The
 * shapes themselves are for the map only (departements.geojson, read by MapLibre's worker).
 */
export interface DepartementIndexEntry extends DepartementInfo {
  bbox: [number, number, number, number];
}

/** One entry of a controlled vocabulary (themes.csv, secteurs.csv). */
export interface VocabEntry {
  id: string;
  libelle: string;
  /** CSS hex colour, '#rrggbb'. */
  couleur: string;
  /** English label (optional `libelle_en` column); absent: the English interface shows `libelle`. */
  libelle_en?: string;
}

export interface Vocabulaires {
  themes: VocabEntry[];
  secteurs: VocabEntry[];
}

/** The exact column names of innovations.csv, in file order. Organisers edit these. */
export const INNOVATION_COLUMNS = [
  'id', 'titre', 'description', 'themes', 'secteurs', 'departement', 'commune',
  'latitude', 'longitude', 'porteur', 'annee', 'site_web', 'etape',
] as const;

/**
 * Columns innovations.csv may have or not (added after the first files were written, so that
 * those stay valid): `trophee`, the Trophées de l'Innovation Territoriale won, if any.
 */
export const INNOVATION_OPTIONAL_COLUMNS = ['trophee'] as const;

/** The exact column names of etapes.csv, in file order. */
export const ETAPE_COLUMNS = [
  'id', 'date', 'commune', 'departement', 'intitule', 'themes', 'latitude', 'longitude',
] as const;

/** Columns etapes.csv may have or not: `edition`, the tour's year when it is not the date's. */
export const ETAPE_OPTIONAL_COLUMNS = ['edition'] as const;

/** The exact column names of themes.csv and secteurs.csv. */
export const VOCAB_COLUMNS = ['id', 'libelle', 'couleur'] as const;

/**
 * Columns themes.csv and secteurs.csv may have or not: `libelle_en`, the label of the English
 * interface (added after the first files were written, so that those stay valid).
 */
export const VOCAB_OPTIONAL_COLUMNS = ['libelle_en'] as const;

/** A column a file may leave out (its cells then read as empty). */
export type OptionalColumn =
  | (typeof INNOVATION_OPTIONAL_COLUMNS)[number] | (typeof ETAPE_OPTIONAL_COLUMNS)[number] | (typeof VOCAB_OPTIONAL_COLUMNS)[number];

/** Real WGS84 position plus how it was obtained. Kept on every point, whatever its display position. */
export interface RealPosition {
  /** Real WGS84 longitude (never an inset coordinate). */
  longitude: number;
  /** Real WGS84 latitude (never an inset coordinate). */
  latitude: number;
  position: Placement;
}

/** A prize of the Trophées de l'Innovation Territoriale: its year and category ('' when none is given). */
export interface Trophee {
  annee: number;
  categorie: string;
}

/** Properties of an innovation feature in public/data/innovations.geojson. */
export interface Innovation extends RealPosition {
  id: string;
  titre: string;
  description: string;
  /** Theme ids (resolved from ids or labels in the CSV), in the order given. */
  themes: string[];
  /** Sector ids, in the order given. */
  secteurs: string[];
  /** INSEE department code, normalised. */
  departement: string;
  commune: string;
  porteur: string;
  annee: number | null;
  /** http(s) URL or ''. */
  site_web: string;
  /** Stop id or ''. */
  etape: string;
  /** The Trophées de l'Innovation Territoriale it won, or null. */
  trophee: Trophee | null;
}
/** Geometry is the display position (inside its inset when overseas). */
export type InnovationFeature = Feature<Point, Innovation>;
export type InnovationCollection = FeatureCollection<Point, Innovation>;

/** Properties of a stop feature in public/data/etapes.geojson. */
export interface Etape extends RealPosition {
  id: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  commune: string;
  departement: string;
  intitule: string;
  themes: string[];
  /** Year of the tour's edition (the edition column, else the year of the date). */
  edition: number;
}
export type EtapeFeature = Feature<Point, Etape>;
/** The route joining stops in date order (display coordinates). */
export type RouteFeature = Feature<LineString, { role: 'parcours' }>;
export type EtapeCollection = FeatureCollection<Point | LineString, Etape | { role: 'parcours' }>;

/** Overseas inset frame in public/data/insets.geojson (display coordinates). */
export interface InsetFrameProps {
  /** Territory code (INSEE) shown in this frame. */
  code: string;
  /** Name shown on the frame. */
  nom: string;
}
export type InsetFrameFeature = Feature<Polygon, InsetFrameProps>;

/**
 * What the map draws for context once zoomed in (public/data/contexte.geojson): the main places
 * of the gazetteer and the borders between regions. Static: it never changes with the filters.
 */
export interface PlaceProps {
  role: 'lieu';
  nom: string;
  /** Display zoom from which the place shows (bigger places earlier; insets' enlargement counted). */
  zoom: number;
  /** Rank by population, 1 for the most populated: bigger places win label collisions. */
  rang: number;
}
export type PlaceFeature = Feature<Point, PlaceProps>;
export type RegionBorderFeature = Feature<MultiLineString, { role: 'limite-region' }>;
export type ContextFeature = PlaceFeature | RegionBorderFeature;

/** A problem found while reading a data file. Line and column are 1-based, in the file as an editor shows it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface FileCounts {
  /** Data rows read (header excluded). Invariant: read = written + rejected. */
  read: number;
  written: number;
  rejected: number;
}

/** public/data/report.json */
export interface BuildReport {
  generatedAt: string;
  files: Record<string, FileCounts>;
  warnings: Diagnostic[];
  errors: Diagnostic[];
}

/** data/meta.json, copied to public/data/meta.json: facts about the data set shown by the app. */
export interface DataMeta {
  /** True when the innovations are illustrative examples: the app shows a "données d'exemple" notice. */
  exemple: boolean;
  /** Date of the data set, ISO YYYY-MM-DD (shown in exports). */
  date_donnees: string;
  /** Attributions shown on the map, one per data source. */
  attributions: string[];
  /** Where visitors send their propositions (a pre-filled e-mail); absent: no e-mail is offered. */
  courriel_propositions?: string;
}

/** Language of the interface: French by default, English with `lang=en` in the address. */
export type Lang = 'fr' | 'en';

/** The locale of each language, for Intl (numbers, dates, plurals). */
export const LOCALES: Readonly<Record<Lang, string>> = Object.freeze({ fr: 'fr-FR', en: 'en-GB' });

/**
 * How the interface speaks: the translation function of the language's catalogue (src/i18n) and
 * the language itself, for Intl. Domain helpers that word things for a person take one.
 */
export interface Wording {
  t: TFunction;
  lang: Lang;
}

/** What the user filters on (app state, URL, export notice). */
export interface Filters {
  /** Theme ids; OR within the group. */
  themes: string[];
  /** Sector ids; OR within the group. */
  secteurs: string[];
  /** Region code or null. */
  region: string | null;
  /** Department code or null. */
  departement: string | null;
  anneeMin: number | null;
  anneeMax: number | null;
  /** Free text, matched ignoring case and accents. */
  texte: string;
  /** Only laureates of the Trophées de l'Innovation Territoriale. */
  laureats: boolean;
  /** Whether stop markers are shown. */
  afficherEtapes: boolean;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
  themes: [], secteurs: [], region: null, departement: null,
  anneeMin: null, anneeMax: null, texte: '', laureats: false, afficherEtapes: true,
}) as Filters;

/** Which edition of the tour the map shows: one year, or every edition. */
export type EditionChoice = number | 'toutes';

/**
 * A proposition of a visitor, as the form holds it and its file carries it: the cells of one row
 * of innovations.csv (texts, as typed), plus the proposer's address, which never reaches the
 * public data.
 */
export type PropositionFields = Record<Exclude<(typeof INNOVATION_COLUMNS)[number], 'id'>, string> & { contact: string };
