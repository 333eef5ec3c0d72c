/**
 * The shapes of the data files, as valibot schemas shared by the data build and the browser: the
 * build checks what it reads (meta.json), the app checks what it loads (a stale or hand-edited
 * file must give a French message naming the file and the field, never a blank page).
 *
 * Each schema is typed against the declaration in types.ts (GenericSchema<unknown, T>), so the
 * compiler says when a type and its schema part ways.
 */
import * as v from 'valibot';
import type {
  DataMeta, DepartementIndexEntry, Etape, EtapeFeature, Innovation, InnovationFeature, Placement, Trophee, VocabEntry, Vocabulaires, Zone,
} from './types';
import { parseDate, parseEmail } from './validateValues';

const text = (field: string) => v.string(`« ${field} » doit être un texte`);
const texts = (field: string) => v.array(v.string(), `« ${field} » doit être une liste de textes`);
const finite = (field: string) => v.pipe(v.number(`« ${field} » doit être un nombre`), v.finite(`« ${field} » doit être un nombre fini`));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const integer = (field: string) => v.pipe(v.number(`« ${field} » doit être un nombre`), v.integer(`« ${field} » doit être un entier`));

const DATE_DONNEES = '« date_donnees » doit être une date AAAA-MM-JJ (ex. "2009-12-31")';
const ATTRIBUTIONS = '« attributions » doit être une liste de textes non vides (une par source de données)';

/** data/meta.json: checked by the data build (src/build/validateMeta.ts) and by the app when it loads. */
export const MetaSchema: v.GenericSchema<unknown, DataMeta> = v.object({
  exemple: v.boolean('« exemple » doit valoir true (données d’exemple) ou false'),
  date_donnees: v.pipe(v.string(DATE_DONNEES), v.regex(ISO_DATE, DATE_DONNEES),
    v.check((date) => { const read = parseDate(date); return read.ok && read.value === date; }, DATE_DONNEES)),
  attributions: v.pipe(
    v.array(v.pipe(v.string(ATTRIBUTIONS), v.check((a) => a.trim() !== '', ATTRIBUTIONS)), ATTRIBUTIONS),
    v.minLength(1, ATTRIBUTIONS),
  ),
  courriel_propositions: v.optional(v.pipe(
    v.string('« courriel_propositions » doit être une adresse électronique (ex. "route@exemple.fr")'),
    v.check((address) => address.trim() !== '' && parseEmail(address).ok, '« courriel_propositions » doit être une adresse électronique (ex. "route@exemple.fr")'),
  )),
}, 'objet JSON attendu : { "exemple": …, "date_donnees": …, "attributions": […] }');

const VocabEntrySchema: v.GenericSchema<unknown, VocabEntry> = v.object({
  id: text('id'),
  libelle: text('libelle'),
  couleur: v.pipe(text('couleur'), v.hexColor('« couleur » doit être une couleur #rrggbb')),
  libelle_en: v.optional(text('libelle_en')),
});

export const VocabulairesSchema: v.GenericSchema<unknown, Vocabulaires> = v.object({
  themes: v.array(VocabEntrySchema, '« themes » doit être une liste'),
  secteurs: v.array(VocabEntrySchema, '« secteurs » doit être une liste'),
}, 'objet JSON attendu : { "themes": […], "secteurs": […] }');

const position = v.pipe(
  v.array(finite('coordinates'), '« coordinates » doit être une liste de nombres'),
  v.minLength(2, '« coordinates » doit donner longitude et latitude'),
);
const PointSchema = v.object({ type: v.literal('Point', '« geometry.type » doit valoir "Point"'), coordinates: position });

const feature = <G extends v.GenericSchema, P extends v.GenericSchema>(geometry: G, properties: P) =>
  v.object({ type: v.literal('Feature', '« type » doit valoir "Feature"'), geometry, properties });

const ZONES: Zone[] = ['metro', 'drom', 'com'];
const PLACEMENTS: Placement[] = ['exact', 'commune', 'departement'];

export const DepartementIndexEntrySchema: v.GenericSchema<unknown, DepartementIndexEntry> = v.object({
  code: text('code'), nom: text('nom'), region: text('region'), region_nom: text('region_nom'),
  zone: v.picklist(ZONES, '« zone » doit valoir metro, drom ou com'),
  bbox: v.tuple([finite('bbox'), finite('bbox'), finite('bbox'), finite('bbox')], '« bbox » doit donner ouest, sud, est et nord'),
});

const real = {
  longitude: finite('longitude'),
  latitude: finite('latitude'),
  position: v.picklist(PLACEMENTS, '« position » doit valoir exact, commune ou departement'),
};

const EtapePropsSchema: v.GenericSchema<unknown, Etape> = v.object({
  id: text('id'),
  date: v.pipe(text('date'), v.regex(ISO_DATE, '« date » doit être une date AAAA-MM-JJ')),
  commune: text('commune'), departement: text('departement'), intitule: text('intitule'), themes: texts('themes'),
  edition: integer('edition'),
  ...real,
});
export const EtapeFeatureSchema = feature(PointSchema, EtapePropsSchema) as v.GenericSchema<unknown, EtapeFeature>;

const TropheeSchema: v.GenericSchema<unknown, Trophee> = v.object({ annee: integer('trophee.annee'), categorie: text('trophee.categorie') });

const InnovationPropsSchema: v.GenericSchema<unknown, Innovation> = v.object({
  id: text('id'), titre: text('titre'), description: text('description'),
  themes: texts('themes'), secteurs: texts('secteurs'),
  departement: text('departement'), commune: text('commune'), porteur: text('porteur'),
  annee: v.nullable(v.pipe(v.number('« annee » doit être un nombre ou null'), v.integer('« annee » doit être un entier'))),
  site_web: text('site_web'), etape: text('etape'),
  trophee: v.nullable(TropheeSchema, '« trophee » doit être null ou { "annee": …, "categorie": … }'),
  ...real,
});
export const InnovationFeatureSchema = feature(PointSchema, InnovationPropsSchema) as v.GenericSchema<unknown, InnovationFeature>;

/** Where an issue is, as people read it: « features[3].properties.themes ». */
export function issuePath(issue: v.BaseIssue<unknown>, prefix = ''): string {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  return keys.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : String(key)), prefix);
}

/** The first issue of a failed check, in one French sentence: « champ : message ». */
export function describeIssue(issue: v.BaseIssue<unknown>, prefix = ''): string {
  const where = issuePath(issue, prefix);
  return where ? `${where} : ${issue.message}` : issue.message;
}

/** What checking a list of features gives: those that pass, and the first problem of the others. */
export interface CheckedFeatures<T> {
  valid: T[];
  rejected: number;
  /** The first rejected feature's problem, or null when all passed. */
  firstProblem: string | null;
}

/**
 * Checks each item of a list (the features of a FeatureCollection, the rows of a chunk); bad ones
 * are counted and left out. Items that pass are kept as they are (no copy).
 */
export function checkItems<T>(items: readonly unknown[], schema: v.GenericSchema<unknown, T>, prefix: string): CheckedFeatures<T> {
  const valid: T[] = [];
  let firstProblem: string | null = null;
  items.forEach((item, i) => {
    if (v.is(schema, item)) {
      valid.push(item as T);
      return;
    }
    const checked = v.safeParse(schema, item);
    firstProblem ??= checked.success ? `${prefix}[${i}] : forme inattendue` : describeIssue(checked.issues[0], `${prefix}[${i}]`);
  });
  return { valid, rejected: items.length - valid.length, firstProblem };
}

/** Checks each feature of a FeatureCollection-like value; null when it is not one. */
export function checkFeatures<T>(json: unknown, schema: v.GenericSchema<unknown, T>): CheckedFeatures<T> | null {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection'
    || !Array.isArray((json as { features?: unknown }).features)) {
    return null;
  }
  return checkItems((json as { features: unknown[] }).features, schema, 'features');
}
