/**
 * Department boundaries: checks of a boundary file, merge of a replacement file, ring winding and
 * rounding, and the display features (insets applied, one label point per department).
 *
 * Used by the scripts (import and data build), not by the app: it relies on development
 * dependencies (turf, polylabel).
 */
import gjv from 'geojson-validation';
import polylabel from 'polylabel';
import { rewind } from '@turf/rewind';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type {
  DepartementCollection,
  DepartementDisplayFeature,
  DepartementFeature,
  DepartementProps,
} from '../domain/types';
import { DEPARTEMENTS, departementInfo } from './cog';
import { insetFor, toDisplayPosition, transformGeometry } from '../domain/insets';

type Area = Polygon | MultiPolygon;

const PROPERTY_KEYS = ['code', 'nom', 'region', 'region_nom', 'zone'] as const;

/** Twice the signed area of a ring in the lon/lat plane: > 0 when counter-clockwise. */
function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}

function polygonsOf(g: Area): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** RFC 7946 §3.1.6 winding: outer rings counter-clockwise, holes clockwise. Returns a new geometry. */
export function rewindRfc7946<G extends Area>(g: G): G {
  return rewind(g, { mutate: false }) as G;
}

/**
 * Coordinates rounded to `decimals` (5 ≈ 1 m), dropping the repeated positions rounding creates
 * and the rings (or polygons) rounding collapses. Returns a new geometry.
 */
export function roundGeometry<G extends Area>(g: G, decimals: number): G {
  const f = 10 ** decimals;
  const roundRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = [Math.round((p[0] as number) * f) / f, Math.round((p[1] as number) * f) / f];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  const roundPolygon = (rings: Position[][]): Position[][] => {
    const kept = rings.map(roundRing).filter((r, i) => i > 0 || r.length >= 4);
    if (kept.length === 0 || (kept[0] as Position[]).length < 4) return [];
    return kept.filter((r) => r.length >= 4 && ringArea2(r) !== 0);
  };
  const polygons = polygonsOf(g).map(roundPolygon).filter((p) => p.length > 0);
  return (g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: polygons }) as G;
}

/** Why a geometry is not a usable department outline, in French; null when it is. */
function geometryProblem(geometry: unknown): string | null {
  if (!geometry || typeof geometry !== 'object') return 'pas de géométrie';
  const type = (geometry as Geometry).type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `géométrie de type « ${String(type)} » (attendu : Polygon ou MultiPolygon)`;
  let trace: string[];
  try {
    trace = gjv.valid(geometry, true);
  } catch {
    trace = ['structure des coordonnées illisible'];
  }
  if (trace.length > 0) return `géométrie invalide (${trace.slice(0, 3).join(' ; ')})`;
  const polygons = polygonsOf(geometry as Area);
  if (polygons.length === 0) return 'géométrie vide';
  for (const rings of polygons) {
    if (rings.length === 0) return 'polygone sans contour';
    for (const ring of rings) {
      for (const p of ring) {
        const [lon, lat] = p as [number, number];
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          return `coordonnée hors du WGS84 (${lon}, ${lat}) : longitude entre −180 et 180, latitude entre −90 et 90 attendues`;
        }
      }
    }
  }
  return null;
}

/** The features' `code` property, checked: known COG code, no duplicate. Throws a French error. */
function indexByCode(features: unknown[], source: string): Map<string, Feature> {
  const byCode = new Map<string, Feature>();
  features.forEach((raw, index) => {
    const where = `${source}, entité n° ${index + 1}`;
    const feature = raw as Feature;
    if (!feature || feature.type !== 'Feature') throw new Error(`${where} : ce n'est pas une entité GeoJSON (« type »: "Feature" attendu).`);
    const code = (feature.properties ?? {})['code'];
    if (typeof code !== 'string' || code === '') {
      throw new Error(`${where} : propriété « code » absente ou non textuelle (code INSEE du département attendu, ex. "01", "2A", "974").`);
    }
    if (!departementInfo(code)) throw new Error(`${where} : code « ${code} » inconnu (code INSEE de département ou de collectivité d'outre-mer attendu).`);
    if (byCode.has(code)) throw new Error(`${source} : le code « ${code} » apparaît deux fois (entité n° ${index + 1}) ; une seule géométrie par département.`);
    const problem = geometryProblem(feature.geometry);
    if (problem) throw new Error(`${where} (code ${code}) : ${problem}.`);
    byCode.set(code, feature);
  });
  return byCode;
}

function featuresOf(fc: unknown, source: string): unknown[] {
  if (!fc || typeof fc !== 'object' || (fc as FeatureCollection).type !== 'FeatureCollection' || !Array.isArray((fc as FeatureCollection).features)) {
    throw new Error(`${source} : une FeatureCollection GeoJSON est attendue (objet avec "type": "FeatureCollection" et un tableau "features").`);
  }
  return (fc as FeatureCollection).features;
}

/**
 * A department boundary collection, checked: every one of the 107 COG codes exactly once, valid
 * Polygon/MultiPolygon WGS84 geometry, properties exactly {code, nom, region, region_nom, zone}
 * as in the COG. Throws an Error with a French message naming the code and the source.
 */
export function checkDepartementCollection(fc: unknown, source: string): DepartementCollection {
  const byCode = indexByCode(featuresOf(fc, source), source);
  const missing = DEPARTEMENTS.filter((d) => !byCode.has(d.code)).map((d) => d.code);
  if (missing.length > 0) {
    throw new Error(`${source} : ${missing.length === 1 ? 'département manquant' : 'départements manquants'} : ${missing.join(', ')} (il faut une géométrie pour chacun des ${DEPARTEMENTS.length} codes).`);
  }
  for (const [code, feature] of byCode) {
    const expected = departementInfo(code) as DepartementProps;
    const props = feature.properties ?? {};
    const keys = Object.keys(props).sort();
    if (keys.join() !== [...PROPERTY_KEYS].sort().join()) {
      throw new Error(`${source} (code ${code}) : propriétés ${keys.join(', ')} ; attendu exactement ${PROPERTY_KEYS.join(', ')}.`);
    }
    for (const key of PROPERTY_KEYS) {
      if (props[key] !== expected[key]) {
        throw new Error(`${source} (code ${code}) : « ${key} » vaut ${JSON.stringify(props[key])}, le COG donne ${JSON.stringify(expected[key])}.`);
      }
    }
  }
  return fc as DepartementCollection;
}

/**
 * Replaces the geometry of every department present in `override` (any GeoJSON keyed by the
 * property `code`, other properties ignored). Names and regions stay those of the COG; geometry is
 * rewound to RFC 7946. `kept` lists the codes that keep the geometry of `base`.
 */
export function mergeBoundaries(
  base: DepartementCollection,
  override: FeatureCollection,
  source = 'fichier de remplacement',
): { result: DepartementCollection; replaced: string[]; kept: string[] } {
  const byCode = indexByCode(featuresOf(override, source), source);
  const replaced: string[] = [];
  const kept: string[] = [];
  const features = base.features.map((f): DepartementFeature => {
    const other = byCode.get(f.properties.code);
    if (!other) {
      kept.push(f.properties.code);
      return f;
    }
    replaced.push(f.properties.code);
    return { type: 'Feature', properties: f.properties, geometry: rewindRfc7946(other.geometry as Area) };
  });
  return { result: { type: 'FeatureCollection', features }, replaced, kept };
}

/** The polygon of largest area (planar, lon/lat): where the label goes. */
function largestPolygon(g: Area): Position[][] {
  let best: Position[][] = polygonsOf(g)[0] as Position[][];
  let bestArea = -1;
  for (const rings of polygonsOf(g)) {
    const a = Math.abs(ringArea2(rings[0] as Position[]));
    if (a > bestArea) [best, bestArea] = [rings, a];
  }
  return best;
}

/** Label precision, in degrees of latitude (about 50 m). */
const LABEL_PRECISION = 0.0005;

/**
 * Real position of the label of a department: the point of its largest polygon farthest from its
 * outline (pole of inaccessibility, mapbox's polylabel), so a name never sits on a border or in a
 * neighbour, even for a crescent (Hauts-de-Seine) or a coast full of bays. Longitudes are scaled
 * by the cosine of the latitude first, so that distances are the same in both directions.
 */
export function labelPosition(g: Area): [number, number] {
  // The locator (rows placed by department) and the display labels ask for the same outlines.
  let label = labels.get(g);
  if (!label) {
    label = poleOfInaccessibility(g);
    labels.set(g, label);
  }
  return [...label];
}

const labels = new WeakMap<Area, [number, number]>();

function poleOfInaccessibility(g: Area): [number, number] {
  const rings = largestPolygon(g);
  let south = Infinity;
  let north = -Infinity;
  for (const p of rings[0] as Position[]) {
    south = Math.min(south, p[1] as number);
    north = Math.max(north, p[1] as number);
  }
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const [x, y] = polylabel(rings.map((ring) => ring.map((p) => [(p[0] as number) * k, p[1] as number])), LABEL_PRECISION);
  return [(x as number) / k, y as number];
}

/**
 * Display features: each department's outline with its inset applied (role 'zone'), then ONE
 * label point per department (role 'etiquette') inside its largest polygon. Input untouched.
 */
export function buildDisplayDepartements(real: DepartementCollection): DepartementDisplayFeature[] {
  const zones: DepartementDisplayFeature[] = [];
  const labels: DepartementDisplayFeature[] = [];
  for (const f of real.features) {
    const { code } = f.properties;
    const inset = insetFor(code);
    zones.push({
      type: 'Feature',
      properties: { ...f.properties, role: 'zone' },
      geometry: inset ? transformGeometry(inset, f.geometry) : f.geometry,
    });
    labels.push({
      type: 'Feature',
      properties: { ...f.properties, role: 'etiquette' },
      geometry: { type: 'Point', coordinates: toDisplayPosition(code, labelPosition(f.geometry)) },
    });
  }
  return [...zones, ...labels];
}
