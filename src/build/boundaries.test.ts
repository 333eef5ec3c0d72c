import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { DepartementCollection, DepartementFeature } from '../domain/types';
import {
  buildDisplayDepartements,
  checkDepartementCollection,
  labelPosition,
  mergeBoundaries,
  rewindRfc7946,
  roundGeometry,
} from './boundaries';
import { DEPARTEMENTS } from './cog';
import { insetFor, insetFrameBounds } from '../domain/insets';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = JSON.parse(
  readFileSync(path.resolve(repoRoot, 'tests/fixtures/boundaries/departements-avec-outre-mer-extrait.geojson'), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') { Object.values(o).forEach(deepFreeze); Object.freeze(o); }
  return o;
}
const square = (x: number, y: number, size = 0.1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});
/** A valid collection with a small square per COG code (overseas ones inside their territory). */
function syntheticCollection(): DepartementCollection {
  return {
    type: 'FeatureCollection',
    features: DEPARTEMENTS.map((info, i): DepartementFeature => {
      const inset = insetFor(info.code);
      const view = inset?.parts?.[0] ?? inset;
      const [x, y] = view ? [(view.source[0] + view.source[2]) / 2, (view.source[1] + view.source[3]) / 2] : [i * 0.01, 45];
      return { type: 'Feature', properties: { ...info }, geometry: square(x, y, 0.001) };
    }),
  };
}
const ringArea2 = (ring: Position[]) => ring.slice(0, -1).reduce((s, a, i) => s + a[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * a[1]!, 0);

describe('checkDepartementCollection', () => {
  it('accepts a collection holding every COG code once with COG properties', () => {
    const fc = syntheticCollection();
    expect(checkDepartementCollection(fc, 'test.geojson')).toBe(fc);
  });
  it('names the missing codes', () => {
    const fc = syntheticCollection();
    fc.features = fc.features.filter((f) => !['2A', '988'].includes(f.properties.code));
    expect(() => checkDepartementCollection(fc, 'x.geojson')).toThrow(/x\.geojson : départements manquants : 2A, 988/);
  });
  it('names a duplicated code', () => {
    const fc = syntheticCollection();
    fc.features.push(fc.features[5]!);
    expect(() => checkDepartementCollection(fc, 'x.geojson')).toThrow(/le code « 06 » apparaît deux fois/);
  });
  it('rejects an unknown code, a missing code property, a non-collection', () => {
    const fc = syntheticCollection();
    fc.features[0] = { ...fc.features[0]!, properties: { ...fc.features[0]!.properties, code: '20' } };
    expect(() => checkDepartementCollection(fc, 'x.geojson')).toThrow(/entité n° 1 : code « 20 » inconnu/);
    const noCode = syntheticCollection() as unknown as FeatureCollection;
    noCode.features[3]!.properties = { nom: 'Sans code' };
    expect(() => checkDepartementCollection(noCode, 'x.geojson')).toThrow(/entité n° 4 : propriété « code » absente/);
    expect(() => checkDepartementCollection([], 'x.geojson')).toThrow(/FeatureCollection GeoJSON est attendue/);
  });
  it('rejects invalid geometry, naming the code', () => {
    const open = syntheticCollection();
    open.features[1]!.geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    expect(() => checkDepartementCollection(open, 'x.geojson')).toThrow(/code 02\) : géométrie invalide/);
    const point = syntheticCollection() as unknown as FeatureCollection;
    point.features[2]!.geometry = { type: 'Point', coordinates: [0, 0] };
    expect(() => checkDepartementCollection(point, 'x.geojson')).toThrow(/code 03\) : géométrie de type « Point »/);
    const outside = syntheticCollection();
    outside.features[0]!.geometry = square(183, 10);
    expect(() => checkDepartementCollection(outside, 'x.geojson')).toThrow(/code 01\) : coordonnée hors du WGS84/);
    const empty = syntheticCollection();
    empty.features[0]!.geometry = { type: 'MultiPolygon', coordinates: [] };
    expect(() => checkDepartementCollection(empty, 'x.geojson')).toThrow(/code 01\) : géométrie vide/);
  });
  it('rejects properties that differ from the COG or extra properties', () => {
    const wrongName = syntheticCollection();
    wrongName.features[0]!.properties = { ...wrongName.features[0]!.properties, nom: 'Ain (01)' };
    expect(() => checkDepartementCollection(wrongName, 'x.geojson')).toThrow(/code 01\) : « nom » vaut "Ain \(01\)", le COG donne "Ain"/);
    const extra = syntheticCollection();
    (extra.features[0]!.properties as unknown as Record<string, unknown>)['population'] = 1;
    expect(() => checkDepartementCollection(extra, 'x.geojson')).toThrow(/attendu exactement code, nom, region, region_nom, zone/);
  });
});

describe('rewindRfc7946', () => {
  it('makes outer rings counter-clockwise and holes clockwise, without mutating', () => {
    const cw = deepFreeze<Polygon>({
      type: 'Polygon',
      coordinates: [
        [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]],
        [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]],
      ],
    });
    const out = rewindRfc7946(cw);
    expect(ringArea2(out.coordinates[0]!)).toBeGreaterThan(0);
    expect(ringArea2(out.coordinates[1]!)).toBeLessThan(0);
    expect(cw.coordinates[0]![1]).toEqual([0, 4]);
    const multi = rewindRfc7946(deepFreeze<MultiPolygon>({ type: 'MultiPolygon', coordinates: [cw.coordinates] }));
    expect(multi.coordinates[0]).toEqual(out.coordinates);
  });
  it('leaves well-wound rings as they are', () => {
    const ccw = square(0, 0);
    expect(rewindRfc7946(ccw)).toEqual(ccw);
  });
});

describe('roundGeometry', () => {
  it('rounds, drops repeated positions and collapsed polygons', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0.000001, 0], [1.123456, 0], [1.123457, 0.000001], [1.1, 1], [0, 1], [0.000001, 0]]],
        [[[5, 5], [5.000001, 5], [5.000001, 5.000001], [5, 5]]],
      ],
    };
    expect(roundGeometry(deepFreeze(g), 5)).toEqual({
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1.12346, 0], [1.1, 1], [0, 1], [0, 0]]]],
    });
  });
});

describe('mergeBoundaries', () => {
  it('replaces the geometries of the codes the other file holds (IGN excerpt: some departments, no COM)', () => {
    const base = deepFreeze(syntheticCollection());
    const { result, replaced, kept } = mergeBoundaries(base, fixture, 'ign.geojson');
    const inFixture = new Set(fixture.features.map((f) => f.properties.code));
    expect(inFixture.size).toBe(11);
    expect(replaced).toEqual(DEPARTEMENTS.map((d) => d.code).filter((c) => inFixture.has(c)));
    expect(kept).toEqual(DEPARTEMENTS.map((d) => d.code).filter((c) => !inFixture.has(c)));
    expect(kept).toEqual(expect.arrayContaining(['975', '977', '978', '986', '987', '988']));
    const ain = result.features.find((f) => f.properties.code === '01')!;
    expect(ain.properties).toBe(base.features[0]!.properties);
    const fixtureAin = fixture.features.find((f) => f.properties.code === '01')!;
    expect(ain.geometry).toEqual(rewindRfc7946(fixtureAin.geometry));
    expect(result.features.find((f) => f.properties.code === '988')).toBe(base.features.find((f) => f.properties.code === '988'));
    expect(() => checkDepartementCollection(result, 'fusion')).not.toThrow();
  });
  it('rejects a replacement file with a duplicated or unknown code', () => {
    const base = syntheticCollection();
    const dup: FeatureCollection = { type: 'FeatureCollection', features: [fixture.features[0]!, fixture.features[0]!] };
    expect(() => mergeBoundaries(base, dup, 'ign.geojson')).toThrow(/ign\.geojson : le code « 971 » apparaît deux fois/);
    const unknown: FeatureCollection = { type: 'FeatureCollection', features: [{ ...fixture.features[0]!, properties: { code: '99' } }] };
    expect(() => mergeBoundaries(base, unknown, 'ign.geojson')).toThrow(/code « 99 » inconnu/);
  });
});

describe('labelPosition', () => {
  it('uses the largest polygon', () => {
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(10, 10, 0.1).coordinates, square(0, 0, 2).coordinates] };
    const [x, y] = labelPosition(g);
    expect(x).toBeCloseTo(1, 9);
    expect(y).toBeCloseTo(1, 9);
  });
  it('stays inside a shape whose centre of mass is outside (a U)', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    expect(booleanPointInPolygon(labelPosition(u), u)).toBe(true);
  });
  it('puts every department\'s label at least 2 km inside its outline (data/departements.geojson)', () => {
    // With the centre of mass, Hauts-de-Seine's label sat on its border and Bouches-du-Rhône's 1.5 km from it.
    const real = JSON.parse(readFileSync(path.resolve(repoRoot, 'data/departements.geojson'), 'utf8')) as DepartementCollection;
    for (const f of real.features) {
      const label = labelPosition(f.geometry);
      expect(booleanPointInPolygon(label, f.geometry), f.properties.code).toBe(true);
      expect(pointToPolygonDistance(label, f.geometry, { units: 'kilometers' }), f.properties.code).toBeLessThan(-2);
    }
  });
});

describe('buildDisplayDepartements on the IGN outlines (fixture) and a COM', () => {
  const real = syntheticCollection();
  const merged = deepFreeze(mergeBoundaries(real, fixture).result);
  const display = buildDisplayDepartements(merged);
  const zones = display.filter((f) => f.properties.role === 'zone') as Feature<Polygon | MultiPolygon, typeof display[0]['properties']>[];
  const labels = display.filter((f) => f.properties.role === 'etiquette') as Feature<Point, typeof display[0]['properties']>[];

  it('gives one zone and one label per department, with COG properties', () => {
    expect(zones.map((f) => f.properties.code)).toEqual(DEPARTEMENTS.map((d) => d.code));
    expect(labels.map((f) => f.properties.code)).toEqual(DEPARTEMENTS.map((d) => d.code));
    for (const f of display) {
      const { role, ...info } = f.properties;
      expect(['zone', 'etiquette']).toContain(role);
      expect(info).toEqual(DEPARTEMENTS.find((d) => d.code === f.properties.code));
    }
  });
  it('puts each label inside its displayed zone', () => {
    zones.forEach((zone, i) => {
      expect(booleanPointInPolygon(labels[i]!.geometry, zone), zone.properties.code).toBe(true);
    });
  });
  it('keeps metropolitan geometry and moves overseas geometry into its frame', () => {
    for (const zone of zones) {
      const code = zone.properties.code;
      const original = merged.features.find((f) => f.properties.code === code)!;
      const frame = insetFrameBounds(code);
      if (!frame) {
        expect(zone.geometry).toEqual(original.geometry);
        continue;
      }
      const points = (zone.geometry.type === 'Polygon' ? zone.geometry.coordinates.flat() : zone.geometry.coordinates.flat(2)) as [number, number][];
      for (const [x, y] of points) {
        expect(x > frame[0] && x < frame[2] && y > frame[1] && y < frame[3], code).toBe(true);
      }
    }
  });
});
