/**
 * npm run bench:filter-domain -- [--sizes 1000,10000,100000] [--runs 15]
 *
 * The pure part of a filter change, without the browser: building the filter index (once per data
 * load) and one filter pass (each change), at several sizes. Not a test: it prints medians, so a
 * regression such as folding text at every keystroke shows as a ratio between sizes or commits.
 */
import { parseArgs } from 'node:util';
import { DEPARTEMENTS } from '../src/build/cog';
import { applyFilters, buildFilterIndex } from '../src/domain/filters';
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
console.log(['innovations', 'index', ...PASSES.map(([label]) => label)].join(' | '));
for (const n of sizes) {
  const features = synthetic(n);
  const indexMs = median(Array.from({ length: Math.max(3, Math.floor(runs / 3)) }, () => time(() => buildFilterIndex(features, departements))));
  const index = buildFilterIndex(features, departements);
  const passMs = PASSES.map(([, patch]) => median(Array.from({ length: runs }, () => {
    // A new query each time: the index's text cache is not what is timed.
    index.textCache = null;
    return time(() => applyFilters(index, { ...EMPTY_FILTERS, ...patch }));
  })));
  console.log([n.toLocaleString('fr-FR'), indexMs.toFixed(1), ...passMs.map((ms) => ms.toFixed(1))].join(' | '));
}
