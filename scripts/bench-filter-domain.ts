/**
 * npm run bench:filter-domain -- [--sizes 1000,10000,100000] [--runs 15]
 *
 * The pure part of a filter change, without the browser, as the points worker runs it: decoding
 * points.bin (once per load), one filter pass over the columns, and the text scan of a new query,
 * at several sizes. Not a test: it prints medians, so a regression shows as a ratio between sizes
 * or commits.
 */
import { parseArgs } from 'node:util';
import { DEPARTEMENTS } from '../src/build/cog';
import { appendSearchLines, applyFilters, emptySearchText, textScores } from '../src/domain/filters';
import { buildPointsTable, decodePointsFile, encodePointsFile, inDisplayOrder, joinParts, searchLine } from '../src/domain/points';
import { EMPTY_FILTERS, type DepartementInfo, type Filters, type InnovationFeature } from '../src/domain/types';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '15' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

const departements = new Map<string, DepartementInfo>(DEPARTEMENTS.map((d) => [d.code, d]));
const codes = [...departements.keys()];
const THEMES = ['ent', 'telesante', 'tourisme', 'haut-debit', 'e-administration', 'inclusion'];
const WORDS = ['numérique', 'élus', 'réseau', 'école', 'santé', 'économie', 'territoire', 'Réunion', 'habitants', 'service'];

function synthetic(n: number): InnovationFeature[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2, 46] },
    properties: {
      id: `i${i}`, titre: `Projet ${WORDS[i % WORDS.length]} ${i}`,
      description: `Un ${WORDS[(i * 7) % WORDS.length]} pour les ${WORDS[(i * 3) % WORDS.length]} du territoire`,
      themes: [THEMES[i % THEMES.length]!, THEMES[(i * 5) % THEMES.length]!], secteurs: ['education'],
      departement: codes[i % codes.length]!, commune: 'Saint-Étienne', porteur: 'Communauté de communes',
      annee: 2000 + (i % 10), site_web: '', etape: '', latitude: 46, longitude: 2, position: 'exact',
      trophee: i % 50 === 0 ? { annee: 2009, categorie: '' } : null,
    },
  }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const PASSES: [string, Partial<Filters>][] = [
  ['thème', { themes: ['ent'] }],
  ['thème + région', { themes: ['telesante'], region: '53' }],
  ['recherche « eco »', { texte: 'eco' }],
  ['recherche + thème', { texte: 'reseau elus', themes: ['ent'] }],
];


console.log(`Filtrage pur (médiane de ${runs} passages, ms)`);
console.log(['innovations', 'lecture de points.bin', ...PASSES.map(([label]) => label)].join(' | '));
for (const n of sizes) {
  const features = inDisplayOrder(synthetic(n).map((f) => ({ ...f.properties, f }))).map((r) => r.f);
  const table = buildPointsTable(features, { themes: THEMES, secteurs: ['education'], etapes: [], regionOf: (d) => departements.get(d)?.region });
  const bytes = joinParts(encodePointsFile(table));
  const decodeMs = median(Array.from({ length: runs }, () => time(() => decodePointsFile(bytes))));
  const search = emptySearchText();
  appendSearchLines(search, 0, features.map((f) => `${searchLine(f.properties)}\n`).join(''));
  const passMs = PASSES.map(([, patch]) => median(Array.from({ length: runs }, () => {
    const filters = { ...EMPTY_FILTERS, ...patch };
    // A new query each time: the text scan is timed with the pass.
    return time(() => applyFilters(table, filters, textScores(search, n, filters.texte)));
  })));
  console.log([n.toLocaleString('fr-FR'), decodeMs.toFixed(1), ...passMs.map((ms) => ms.toFixed(1))].join(' | '));
}
