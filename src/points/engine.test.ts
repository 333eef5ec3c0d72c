import fc from 'fast-check';
import Supercluster from 'supercluster';
import { describe, expect, it } from 'vitest';
import { buildPointsTable, inDisplayOrder } from '../domain/points';
import { EMPTY_FILTERS, type Filters, type InnovationFeature } from '../domain/types';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS, PointsEngine, type ClusterFeature, type ClusterProps, type PointProps } from './engine';

const THEMES = ['ent', 'telesante', 'tourisme'];
const COLOURS = ['#111111', '#222222', '#333333'];
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

function innovation(id: string, lon: number, lat: number, themes: string[], departement = '35'): InnovationFeature {
  return {
    type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id, titre: `T${id}`, description: '', themes, secteurs: [], departement, commune: '', porteur: '', annee: 2009,
      site_web: '', etape: id.endsWith('0') ? 'e1' : '', longitude: lon, latitude: lat, position: 'exact', trophee: null,
    },
  };
}

function engineOf(features: InnovationFeature[]) {
  const ordered = inDisplayOrder(features.map((f) => ({ ...f.properties, f }))).map((r) => r.f);
  const table = buildPointsTable(ordered, { themes: THEMES, secteurs: [], etapes: ['e1'], regionOf: () => '53' });
  return { ordered, engine: new PointsEngine(table, COLOURS, '#777777') };
}

const isCluster = (f: ClusterFeature): f is ClusterFeature & { properties: ClusterProps } => 'cluster' in f.properties;
const total = (features: ClusterFeature[]) => features.reduce((n, f) => n + (isCluster(f) ? f.properties.point_count : 1), 0);

const pointArb = fc.record({
  lon: fc.double({ min: -5, max: 9, noNaN: true }),
  lat: fc.double({ min: 42, max: 51, noNaN: true }),
  themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 2 }),
});

describe('PointsEngine clusters', () => {
  it('account for every matching point at every zoom, and only for them (brute force)', () => {
    fc.assert(fc.property(fc.array(pointArb, { minLength: 1, maxLength: 60 }), fc.subarray(THEMES), (points, themes) => {
      const { ordered, engine } = engineOf(points.map((p, i) => innovation(`i${i}`, p.lon, p.lat, p.themes)));
      const filters: Filters = { ...EMPTY_FILTERS, themes };
      const answer = engine.filter(filters);
      const expected = ordered.flatMap((f, row) => (themes.length === 0 || f.properties.themes.some((t) => themes.includes(t)) ? [row] : []));
      expect(Array.from(answer.matched)).toEqual(expected);
      for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 1; zoom++) {
        const features = engine.clusters(WORLD, zoom);
        expect(total(features)).toBe(expected.length);
        for (const f of features) if (!isCluster(f)) expect(expected).toContain((f.properties as PointProps).i);
      }
    }), { numRuns: 60 });
  });

  it('mark the single points of laureates, and only theirs', () => {
    const features = [innovation('i1', 2, 46, ['ent']), { ...innovation('i2', 5, 48, ['ent']) }];
    features[1] = { ...features[1]!, properties: { ...features[1]!.properties, trophee: { annee: 2009, categorie: '' } } };
    const { ordered, engine } = engineOf(features);
    engine.filter({ ...EMPTY_FILTERS, laureats: true });
    const shown = engine.clusters(WORLD, CLUSTER_MAX_ZOOM + 1).map((f) => f.properties as PointProps);
    expect(shown.map((p) => [ordered[p.i]!.properties.id, p.laureat])).toEqual([['i2', true]]);
    engine.filter(EMPTY_FILTERS);
    const all = engine.clusters(WORLD, CLUSTER_MAX_ZOOM + 1).map((f) => f.properties as PointProps);
    expect(all.map((p) => [ordered[p.i]!.properties.id, p.laureat]).sort()).toEqual([['i1', false], ['i2', true]]);
  });

  it('equal the clusters supercluster makes of plain GeoJSON features', () => {
    const features = Array.from({ length: 400 }, (_, i) => innovation(`i${i}`, -4 + (i % 37) * 0.33, 43 + Math.floor(i / 37) * 0.7, [THEMES[i % 3]!]));
    const { ordered, engine } = engineOf(features);
    engine.filter({ ...EMPTY_FILTERS, themes: ['ent'] });
    // Same input as the engine's: the display positions rounded to 32 bits, in row order.
    const plain = ordered.flatMap((f, row) => (f.properties.themes.includes('ent')
      ? [{ type: 'Feature' as const, properties: { row }, geometry: { type: 'Point' as const, coordinates: f.geometry.coordinates.map(Math.fround) } }] : []));
    const reference = new Supercluster({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, extent: 512 }).load(plain);
    for (const zoom of [0, 4, 6, 8, 9]) {
      const mine = engine.clusters(WORLD, zoom).map((f) => [isCluster(f) ? f.properties.point_count : 1, ...f.geometry.coordinates]);
      const theirs = reference.getClusters(WORLD, zoom).map((f) => [f.properties.cluster ? f.properties.point_count : 1, ...f.geometry.coordinates]);
      expect(mine).toEqual(theirs);
    }
  });

  it('colour single points by their first theme, grey without one', () => {
    const { engine } = engineOf([innovation('a', 0, 45, ['tourisme', 'ent']), innovation('b', 8, 49, [])]);
    engine.filter(EMPTY_FILTERS);
    const colours = engine.clusters(WORLD, 9).map((f) => (f.properties as PointProps).couleur).sort();
    expect(colours).toEqual(['#333333', '#777777']);
  });

  it('give only the clusters inside the asked box', () => {
    const { engine } = engineOf([innovation('west', -4, 48, ['ent']), innovation('east', 7, 48, ['ent'])]);
    engine.filter(EMPTY_FILTERS);
    const west = engine.clusters([-6, 46, 0, 50], 9);
    expect(west).toHaveLength(1);
    expect(west[0]!.geometry.coordinates[0]).toBeCloseTo(-4, 4);
  });

  it('expand a cluster of the current generation, and say when an id is from older filters', () => {
    const { engine } = engineOf(Array.from({ length: 5 }, (_, i) => innovation(`i${i}`, 2 + i * 0.01, 46, ['ent'])));
    const { generation } = engine.filter(EMPTY_FILTERS);
    const cluster = engine.clusters(WORLD, 3).find(isCluster)!;
    expect(engine.expansionZoom(cluster.properties.cluster_id, generation)).toBeGreaterThan(3);
    engine.filter({ ...EMPTY_FILTERS, themes: ['ent'] });
    expect(engine.expansionZoom(cluster.properties.cluster_id, generation)).toBeNull();
  });

  it('answer rows by department among the matches, and rows presented at a stop', () => {
    const { ordered, engine } = engineOf([innovation('a0', 0, 45, ['ent']), innovation('b', 1, 45, ['tourisme']), innovation('c0', 2, 45, ['ent'], '29')]);
    engine.filter({ ...EMPTY_FILTERS, themes: ['ent'] });
    const ids = (rows: Uint32Array) => Array.from(rows, (r) => ordered[r]!.properties.id);
    expect(ids(engine.rowsInDepartement('35'))).toEqual(['a0']);
    expect(ids(engine.rowsAtEtape('e1')).sort()).toEqual(['a0', 'c0']);
  });

  it('needs the search texts for a text query, and says so', () => {
    const { engine } = engineOf([innovation('a', 0, 45, ['ent'])]);
    expect(engine.hasSearch).toBe(false);
    expect(() => engine.filter({ ...EMPTY_FILTERS, texte: 'reseau' })).toThrow(/texte de recherche non chargé/);
  });
});
