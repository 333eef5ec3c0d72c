import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiLineString, Position } from 'geojson';
import { insetFrameBounds } from '../domain/insets';
import type { DepartementCollection, DepartementDisplayFeature, PlaceFeature } from '../domain/types';
import { buildDisplayDepartements } from './boundaries';
import { CommuneGazetteer, type GazetteerEntry } from './geocode';
import { contextCollection, contextFile, declutteredZoom, mainPlaces, placeMinZoom, regionBorders, type CogCommune } from './mapContext';

const entry = (name: string, lat: number, lng: number, country = 'FR', admin2 = ''): GazetteerEntry =>
  Object.freeze({ name, lat: String(lat), lng: String(lng), country, admin1: '', admin2 });
const commune = (code: string, nom: string, departement: string, population: number, type = 'commune-actuelle'): CogCommune =>
  Object.freeze({ code, nom, departement, population, type });

describe('placeMinZoom', () => {
  it('shows bigger places from a smaller zoom, and prefectures with the towns of 30,000', () => {
    expect(placeMinZoom(500_000, false)).toBeLessThan(placeMinZoom(40_000, false));
    expect(placeMinZoom(40_000, false)).toBeLessThan(placeMinZoom(12_000, false));
    expect(placeMinZoom(12_000, false)).toBeLessThan(placeMinZoom(800, false));
    expect(placeMinZoom(5_000, true)).toBe(placeMinZoom(40_000, false));
  });
});

describe('mainPlaces', () => {
  const gazetteer = CommuneGazetteer.fromEntries(Object.freeze([
    entry('Laon', 49.56, 3.62, 'FR', '02'),
    entry('Saint-Quentin', 49.85, 3.29, 'FR', '02'),
    ...['Soissons', 'Chauny', 'Tergnier', 'Hirson', 'Guise', 'Vervins'].map((n, i) => entry(n, 49 + i / 10, 3 + i / 10, 'FR', '02')),
    entry('Saint-Denis', -20.88, 55.45, 'RE'),
  ]));
  const communes = Object.freeze([
    commune('02691', 'Saint-Quentin', '02', 53_000),
    commune('02408', 'Laon', '02', 24_000),
    commune('02722', 'Soissons', '02', 28_000),
    commune('02173', 'Chauny', '02', 9_000),
    commune('02738', 'Tergnier', '02', 8_000),
    commune('02381', 'Hirson', '02', 7_000),
    commune('02361', 'Guise', '02', 5_000),
    commune('02789', 'Vervins', '02', 2_500),
    commune('02999', 'Ancienne', '02', 30_000, 'commune-deleguee'),
    commune('02998', 'Absente du répertoire', '02', 15_000),
    commune('97411', 'Saint-Denis', '974', 150_000),
  ]);
  const places = mainPlaces(communes, new Set(['02408', '02789']), gazetteer);
  const byName = new Map(places.map((p) => [p.properties.nom, p]));

  it('keeps towns of 10,000, prefectures and the five biggest of each department, biggest first', () => {
    // Not kept: a merged commune (not current), one the gazetteer lacks, Hirson and Guise (small, sixth and later).
    expect(places.map((p) => p.properties.nom)).toEqual(['Saint-Denis', 'Saint-Quentin', 'Soissons', 'Laon', 'Chauny', 'Tergnier', 'Vervins']);
    expect(places.map((p) => p.properties.rang)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('shows a prefecture earlier than a town of its size', () => {
    expect(byName.get('Laon')!.properties.zoom).toBeLessThan(byName.get('Soissons')!.properties.zoom);
    expect(byName.get('Vervins')!.properties.zoom).toBeLessThan(byName.get('Tergnier')!.properties.zoom);
  });
  it('puts an overseas place inside its frame, from an earlier display zoom when the inset enlarges it', () => {
    const reunion = byName.get('Saint-Denis')!;
    const [w, s, e, n] = insetFrameBounds('974')!;
    const [x, y] = reunion.geometry.coordinates as [number, number];
    expect(x > w && x < e && y > s && y < n).toBe(true);
    expect(reunion.properties.zoom).toBeLessThanOrEqual(placeMinZoom(150_000, false));
    // Never at the national view: the frames stay clean.
    expect(reunion.properties.zoom).toBeGreaterThanOrEqual(6);
  });
  it('does not mutate its inputs', () => {
    const copy = structuredClone(communes);
    mainPlaces(communes, new Set(), gazetteer);
    expect(communes).toEqual(copy);
  });
});

const square = (code: string, region: string, x: number, y: number): DepartementDisplayFeature => ({
  type: 'Feature',
  properties: { code, nom: code, region, region_nom: region, zone: 'metro', role: 'zone' },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});

describe('regionBorders', () => {
  it('draws the edges shared by departments of different regions, chained, and nothing else', () => {
    // A | B above C, with A and C in region r1, B in r2: the border runs down between A and B.
    const departements = [square('A', 'r1', 0, 1), square('B', 'r2', 1, 1), square('C', 'r1', 0, 0), square('D', 'r1', 1, 0)];
    const lines = regionBorders(departements).geometry.coordinates;
    const edges = (list: Position[][]) => list.flatMap((l) => l.slice(1).map((p, i) => [l[i]!, p].map((q) => q.join(',')).sort().join(' '))).sort();
    expect(edges(lines)).toEqual(['1,1 1,2', '1,1 2,1'].sort());
    // One line through the shared corner: 1,2 → 1,1 → 2,1.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(3);
  });
  it('draws no border inside one region', () => {
    expect(regionBorders([square('A', 'r1', 0, 0), square('B', 'r1', 1, 0)]).geometry.coordinates).toEqual([]);
  });
});

describe('contexte.geojson of the real boundaries', () => {
  const boundaries = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/departements.geojson'), 'utf8')) as DepartementCollection;
  const display = buildDisplayDepartements(boundaries);

  it('stays small, with places all over France and every region border', async () => {
    const text = await contextFile(display);
    expect(text.length).toBeLessThan(260_000);
    const collection = JSON.parse(text) as ReturnType<typeof contextCollection>;
    const places = collection.features.filter((f): f is PlaceFeature => f.properties?.role === 'lieu');
    expect(places.length).toBeGreaterThan(800);
    expect(places[0]!.properties.nom).toBe('Paris');
    const names = new Set(places.map((p) => p.properties.nom));
    for (const nom of ['Brest', 'Strasbourg', 'Ajaccio', 'Mende', 'Fort-de-France', 'Mamoudzou', 'Nouméa', 'Papeete']) expect(names).toContain(nom);
    const borders = collection.features.find((f) => f.properties?.role === 'limite-region')!.geometry as MultiLineString;
    // Every point of a border is a vertex shared by two departments: none in the sea.
    const vertices = new Set(display.flatMap((d) => {
      if (d.geometry.type === 'Polygon') return d.geometry.coordinates.flat(1).map(String);
      if (d.geometry.type === 'MultiPolygon') return d.geometry.coordinates.flat(2).map(String);
      return [];
    }));
    expect(borders.coordinates.length).toBeGreaterThan(5);
    for (const p of borders.coordinates.flat()) expect(vertices.has(String(p))).toBe(true);
  });
});

describe('declutteredZoom', () => {
  it('keeps a place\'s own zoom when nothing bigger is near, and waits for a closer zoom beside a city', () => {
    expect(declutteredZoom(8, 3, 49, [])).toBe(8);
    // Paris shown from 6; a suburb 5 km away (0.07°) shows only once they are 48 px apart.
    const paris = { x: 2.35, y: 48.86, zoom: 6 };
    const zoom = declutteredZoom(8, 2.42, 48.86, [paris]);
    expect(zoom).toBeGreaterThan(8);
    const perDegree = (512 * 2 ** zoom) / 360;
    expect(0.07 * perDegree).toBeGreaterThanOrEqual(48);
    expect(0.07 * (512 * 2 ** (zoom - 1)) / 360).toBeLessThan(48);
  });
});
