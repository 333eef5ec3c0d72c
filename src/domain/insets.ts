/**
 * Overseas insets: every overseas territory is drawn in a frame next to metropolitan France.
 *
 * The transform is affine in Web Mercator (the map's own projection), with one uniform scale per
 * view, so each territory keeps its true shape and the inverse is exact. Territories keep their
 * REAL WGS84 coordinates in the data; only display geometry goes through `applyInsetTransform`.
 *
 * Layout (display Web Mercator, see INSET_LAYOUT): a compact strip of two columns of equal frames
 * in the Atlantic just west of Brittany, so the frames take less than a fifth of the national
 * view's width. The left column holds the five DROM and Saint-Pierre-et-Miquelon, the right one
 * the other collectivities, each in INSEE code order from the top. The right column's top cell is
 * left empty: it would cover the Isles of Scilly and Land's End. Each territory is fitted into its
 * frame below a band kept free for the frame's name, so Guyane is shrunk and the small islands
 * (Saint-Barthélemy, Saint-Martin, Mayotte, Wallis-et-Futuna) are strongly enlarged: all frames
 * have the same size on screen.
 *
 * Wallis-et-Futuna: two islands 15 km across, 230 km apart. One view of both would leave two
 * specks, so its frame holds two views side by side at one common scale (Futuna and Alofi
 * bottom left, Wallis top right, as on a map); see InsetDef.parts.
 *
 * Polynésie française: 118 islands over 2 000 km, three quarters of the people on Tahiti and
 * Moorea. Its frame shows Tahiti–Moorea large, and beside it the whole territory small, so a
 * project of the Marquesas or the Austral Islands still lands inside the frame (reachable by
 * zooming in) while the populated islands are legible at the national view.
 */
import type { Geometry, Position } from 'geojson';
import type { InsetFrameFeature } from './types';

/** One affine view (uniform scale in Web Mercator) of a rectangle of real territory. */
export interface InsetPart {
  /** Real WGS84 bbox [west, south, east, north] this view shows. */
  source: [number, number, number, number];
  /** Scale factor applied in Web Mercator (uniform: shapes keep true proportions). */
  scale: number;
  /**
   * Display WGS84 position (lon, lat) where the centre of `source` lands. The centre is taken in
   * Web Mercator (middle of the projected bbox), so the bbox maps symmetrically around it.
   */
  target: [number, number];
}

export interface InsetDef extends InsetPart {
  /** INSEE code of the territory, e.g. '974'. */
  code: string;
  /** French name shown on the frame, e.g. 'La Réunion'. */
  nom: string;
  /** Real WGS84 bbox [west, south, east, north] of the area shown (whole territory). */
  source: [number, number, number, number];
  /**
   * A territory made of island groups far apart is shown as several views side by side in one
   * frame: Wallis-et-Futuna (230 km of sea between two islands of 15 km) as two views at one
   * scale, Polynésie française as Tahiti–Moorea large beside the whole territory small. A real
   * point goes through the first view whose `source` holds it (the nearest one otherwise).
   * Absent: the inset itself is the only view. With parts, `scale` is the largest view's scale
   * and `target` the centre of the frame's content.
   */
  parts?: readonly InsetPart[];
}

type Bbox = [number, number, number, number];

/**
 * Strip geometry, in "Mercator degrees": x = longitude, y = Web Mercator northing expressed in
 * degrees (so 1 unit is the same length on screen along both axes). Two columns of `rows` cells:
 * the right column's right edge (−5.45) stays west of Ouessant (−5.14), the bottom row north of
 * Spain's coast (43.79° N at Estaca de Bares), the top row south of Ireland (51.4° N); the right
 * column starts one row down, south of the Isles of Scilly (49.86° N).
 */
export const INSET_LAYOUT = {
  left: -8.87,
  /** Northing of the bottom of the lowest row (43.95° N). */
  bottom: 48.98,
  cellWidth: 1.65,
  cellHeight: 1.6,
  gap: 0.12,
  rows: 6,
  /** Free space around the territory inside its frame. */
  margin: 0.06,
  /** Band at the top of each frame kept free for the frame's name. */
  labelBand: 0.3,
} as const;

/**
 * One line per territory: real extent and cell of the strip. The extent is the union of the
 * Natural Earth and IGN outlines, padded, and takes in the islets Natural Earth leaves out
 * (Tintamarre for Saint-Martin, Fourchue and Frégate for Saint-Barthélemy), so an IGN `--from`
 * file fits too.
 */
interface TerritoryLayout {
  code: string;
  nom: string;
  source: Bbox;
  cell: [column: number, row: number];
  /**
   * Views side by side, west to east, each with its vertical place in the frame (0 bottom, 1 top)
   * and, when the views have scales of their own, the share of the frame's width it takes.
   */
  parts?: ReadonlyArray<{ source: Bbox; valign: number; share?: number }>;
}

const TERRITORIES: readonly TerritoryLayout[] = [
  { code: '971', nom: 'Guadeloupe', source: [-61.85, 15.8, -60.95, 16.55], cell: [0, 0] },
  { code: '972', nom: 'Martinique', source: [-61.26, 14.37, -60.78, 14.9], cell: [0, 1] },
  { code: '973', nom: 'Guyane', source: [-54.65, 2.08, -51.58, 5.78], cell: [0, 2] },
  { code: '974', nom: 'La Réunion', source: [55.19, -21.41, 55.88, -20.84], cell: [0, 3] },
  { code: '975', nom: 'Saint-Pierre-et-Miquelon', source: [-56.42, 46.73, -56.12, 47.16], cell: [0, 4] },
  { code: '976', nom: 'Mayotte', source: [44.99, -13.03, 45.33, -12.61], cell: [0, 5] },
  { code: '977', nom: 'Saint-Barthélemy', source: [-62.92, 17.865, -62.785, 17.97], cell: [1, 1] },
  { code: '978', nom: 'Saint-Martin', source: [-63.16, 18.02, -62.96, 18.13], cell: [1, 2] },
  {
    code: '986',
    nom: 'Wallis-et-Futuna',
    source: [-178.21, -14.38, -176.1, -13.17],
    cell: [1, 3],
    // Futuna and Alofi to the south-west, Wallis (Uvea) and its lagoon islets to the north-east.
    parts: [
      { source: [-178.21, -14.38, -177.99, -14.21], valign: 0 },
      { source: [-176.27, -13.4, -176.1, -13.17], valign: 1 },
    ],
  },
  {
    code: '987',
    nom: 'Polynésie française',
    source: [-154.56, -27.66, -134.92, -7.93],
    cell: [1, 4],
    // Tahiti and Moorea (no other island in that box: Tetiaroa and Maiao lie outside), then the
    // whole territory, whose Tahiti–Moorea is never used (the first view holds it).
    parts: [
      { source: [-150.0, -17.95, -149.05, -17.42], valign: 0.5, share: 0.7 },
      { source: [-154.56, -27.66, -134.92, -7.93], valign: 0, share: 0.3 },
    ],
  },
  { code: '988', nom: 'Nouvelle-Calédonie', source: [163.59, -22.69, 171.37, -19.6], cell: [1, 5] },
];

const DEG = Math.PI / 180;

/** Web Mercator northing of a latitude, in degrees. */
function mercatorY(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2)) / DEG;
}

function latitudeOf(mercY: number): number {
  return (2 * Math.atan(Math.exp(mercY * DEG)) - Math.PI / 2) / DEG;
}

/** Northing of the top of the strip's top row. */
const STRIP_TOP = INSET_LAYOUT.bottom + INSET_LAYOUT.rows * INSET_LAYOUT.cellHeight + (INSET_LAYOUT.rows - 1) * INSET_LAYOUT.gap;

/** Frame of a cell of the strip, in Mercator degrees [xmin, ymin, xmax, ymax]; row 0 is the top. */
function cellBox(column: number, row: number): Bbox {
  const { left, cellWidth, cellHeight, gap } = INSET_LAYOUT;
  const xmin = left + column * (cellWidth + gap);
  const ymax = STRIP_TOP - row * (cellHeight + gap);
  return [xmin, ymax - cellHeight, xmin + cellWidth, ymax];
}

function sourceCentre(source: Bbox): [number, number] {
  return [(source[0] + source[2]) / 2, (mercatorY(source[1]) + mercatorY(source[3])) / 2];
}

function defineInset(t: TerritoryLayout): InsetDef {
  const { margin, labelBand } = INSET_LAYOUT;
  const [xmin, ymin, xmax, ymax] = cellBox(t.cell[0], t.cell[1]);
  // Content area: the frame minus its margins and the name band at the top.
  const areaWidth = xmax - xmin - 2 * margin;
  const areaHeight = ymax - ymin - 2 * margin - labelBand;
  const areaBottom = ymin + margin;
  const centreX = (xmin + xmax) / 2;
  const target: [number, number] = [centreX, latitudeOf(areaBottom + areaHeight / 2)];
  const width = (b: Bbox) => b[2] - b[0];
  const height = (b: Bbox) => mercatorY(b[3]) - mercatorY(b[1]);
  if (!t.parts) {
    const scale = Math.min(areaWidth / width(t.source), areaHeight / height(t.source));
    return { code: t.code, nom: t.nom, source: t.source, scale, target };
  }
  const gap = INSET_LAYOUT.gap;
  const room = areaWidth - gap * (t.parts.length - 1);
  // Views with a share of the width each get their own scale; otherwise one scale for all.
  const common = Math.min(
    room / t.parts.reduce((sum, p) => sum + width(p.source), 0),
    ...t.parts.map((p) => areaHeight / height(p.source)),
  );
  const scales = t.parts.map((p) => (p.share === undefined ? common : Math.min((p.share * room) / width(p.source), areaHeight / height(p.source))));
  const totalWidth = t.parts.reduce((sum, p, k) => sum + width(p.source) * scales[k]!, 0);
  let x = centreX - (totalWidth + gap * (t.parts.length - 1)) / 2;
  const parts = t.parts.map((p, k): InsetPart => {
    const scale = scales[k]!;
    const w = width(p.source) * scale;
    const h = height(p.source) * scale;
    const partTarget: [number, number] = [x + w / 2, latitudeOf(areaBottom + h / 2 + p.valign * (areaHeight - h))];
    x += w + gap;
    return { source: p.source, scale, target: partTarget };
  });
  return { code: t.code, nom: t.nom, source: t.source, scale: Math.max(...scales), target, parts };
}

/** The insets, in frame order (column by column, top down = INSEE code order). */
export const INSETS: readonly InsetDef[] = Object.freeze(TERRITORIES.map(defineInset));

const FRAME_BOXES: ReadonlyMap<string, Bbox> = new Map(TERRITORIES.map((t) => [t.code, cellBox(t.cell[0], t.cell[1])]));

const BY_CODE: ReadonlyMap<string, InsetDef> = new Map(INSETS.map((i) => [i.code, i]));

export function insetFor(code: string): InsetDef | undefined {
  return BY_CODE.get(code);
}

/** Longitude moved by whole turns next to `reference`, so territories near ±180° stay in one piece. */
function continuousLongitude(lon: number, reference: number): number {
  return lon - 360 * Math.round((lon - reference) / 360);
}

/** Distance from a point to a box, in Mercator degrees (0 inside). */
function distanceToBox(x: number, y: number, box: Bbox): number {
  const dx = Math.max(box[0] - x, 0, x - box[2]);
  const dy = Math.max(box[1] - y, 0, y - box[3]);
  return Math.hypot(dx, dy);
}

/** The view of `inset` nearest to a point, `boxOf` giving each view's box in Mercator degrees. */
function nearestPart(inset: InsetDef, x: number, y: number, boxOf: (p: InsetPart) => Bbox): InsetPart {
  if (!inset.parts) return inset;
  let best = inset.parts[0] as InsetPart;
  let bestDistance = Infinity;
  for (const part of inset.parts) {
    const d = distanceToBox(x, y, boxOf(part));
    if (d < bestDistance) [best, bestDistance] = [part, d];
  }
  return best;
}

function sourceBox(part: InsetPart): Bbox {
  return [part.source[0], mercatorY(part.source[1]), part.source[2], mercatorY(part.source[3])];
}

function displayBox(part: InsetPart): Bbox {
  const [cx, cy] = sourceCentre(part.source);
  const [w, s, e, n] = sourceBox(part);
  const tx = part.target[0];
  const ty = mercatorY(part.target[1]);
  return [tx + part.scale * (w - cx), ty + part.scale * (s - cy), tx + part.scale * (e - cx), ty + part.scale * (n - cy)];
}

/** Real WGS84 position → display position inside the inset frame. */
export function applyInsetTransform(inset: InsetDef, lonLat: [number, number]): [number, number] {
  const y = mercatorY(lonLat[1]);
  const [wx] = sourceCentre(inset.source);
  const part = nearestPart(inset, continuousLongitude(lonLat[0], wx), y, sourceBox);
  const [cx, cy] = sourceCentre(part.source);
  const x = continuousLongitude(lonLat[0], cx);
  const tx = part.target[0];
  const ty = mercatorY(part.target[1]);
  return [tx + part.scale * (x - cx), latitudeOf(ty + part.scale * (y - cy))];
}

/**
 * Display position inside the inset frame → real WGS84 position (longitude in −180…180). Exact
 * inverse of `applyInsetTransform` for every point of the territory (of one of its views).
 */
export function invertInsetTransform(inset: InsetDef, lonLat: [number, number]): [number, number] {
  const part = nearestPart(inset, lonLat[0], mercatorY(lonLat[1]), displayBox);
  const [cx, cy] = sourceCentre(part.source);
  const tx = part.target[0];
  const ty = mercatorY(part.target[1]);
  const x = cx + (lonLat[0] - tx) / part.scale;
  const y = cy + (mercatorY(lonLat[1]) - ty) / part.scale;
  return [continuousLongitude(x, 0), latitudeOf(y)];
}

/**
 * Display position of a real point of department `code` (identity for metropolitan departments).
 * An overseas point outside the area its inset shows (at sea a few km off a small island, which
 * the enlargement would carry out of the frame) is first moved to the nearest edge of that area,
 * so every point is drawn inside its frame; its real coordinates are the caller's to keep.
 */
export function toDisplayPosition(code: string, lonLat: [number, number]): [number, number] {
  const inset = insetFor(code);
  if (!inset) return [lonLat[0], lonLat[1]];
  const [wx] = sourceCentre(inset.source);
  const part = nearestPart(inset, continuousLongitude(lonLat[0], wx), mercatorY(lonLat[1]), sourceBox);
  const [w, s, e, n] = part.source;
  const lon = continuousLongitude(lonLat[0], (w + e) / 2);
  return applyInsetTransform(inset, [Math.min(Math.max(lon, w), e), Math.min(Math.max(lonLat[1], s), n)]);
}

/**
 * How much the display enlarges the area around a real point of department `code` (1 for
 * metropolitan departments): the scale of the inset view the point goes through. A map shows an
 * overseas place at display zoom z as it would show it at zoom z + log2(scale).
 */
export function displayScale(code: string, lonLat: [number, number]): number {
  const inset = insetFor(code);
  if (!inset) return 1;
  const [wx] = sourceCentre(inset.source);
  return nearestPart(inset, continuousLongitude(lonLat[0], wx), mercatorY(lonLat[1]), sourceBox).scale;
}

function transformPosition(inset: InsetDef, p: Position): Position {
  const [lon, lat] = applyInsetTransform(inset, [p[0] as number, p[1] as number]);
  return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
}

/**
 * The geometry as displayed in the inset. Returns a new geometry (input untouched); a `bbox`
 * member, which would be stale, is not copied. Uniform scaling keeps ring orientation.
 */
export function transformGeometry<G extends Geometry>(inset: InsetDef, g: G): G {
  const pos = (p: Position) => transformPosition(inset, p);
  const geom = g as Geometry;
  let out: Geometry;
  switch (geom.type) {
    case 'Point':
      out = { type: 'Point', coordinates: pos(geom.coordinates) };
      break;
    case 'MultiPoint':
      out = { type: 'MultiPoint', coordinates: geom.coordinates.map(pos) };
      break;
    case 'LineString':
      out = { type: 'LineString', coordinates: geom.coordinates.map(pos) };
      break;
    case 'MultiLineString':
      out = { type: 'MultiLineString', coordinates: geom.coordinates.map((l) => l.map(pos)) };
      break;
    case 'Polygon':
      out = { type: 'Polygon', coordinates: geom.coordinates.map((r) => r.map(pos)) };
      break;
    case 'MultiPolygon':
      out = { type: 'MultiPolygon', coordinates: geom.coordinates.map((p) => p.map((r) => r.map(pos))) };
      break;
    case 'GeometryCollection':
      out = { type: 'GeometryCollection', geometries: geom.geometries.map((x) => transformGeometry(inset, x)) };
      break;
  }
  return out as G;
}

/** Display bbox [west, south, east, north] (WGS84) of the frame of territory `code`. */
export function insetFrameBounds(code: string): [number, number, number, number] | undefined {
  const box = FRAME_BOXES.get(code);
  if (!box) return undefined;
  return [box[0], latitudeOf(box[1]), box[2], latitudeOf(box[3])];
}

/** The frames (display coords, Polygon, counter-clockwise) with properties {code, nom}. */
export function insetFrames(): InsetFrameFeature[] {
  return INSETS.map((inset) => {
    const [w, s, e, n] = insetFrameBounds(inset.code) as [number, number, number, number];
    return {
      type: 'Feature',
      properties: { code: inset.code, nom: inset.nom },
      geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
    };
  });
}

/**
 * Bounds [west, south, east, north] of the national view: metropolitan France (Dunkirk at 51.09° N,
 * Corsica down to 41.3° N) and every inset frame, for the map's initial `fitBounds`.
 */
export const NATIONAL_VIEW_BOUNDS: readonly [number, number, number, number] = Object.freeze([
  INSET_LAYOUT.left - 0.05,
  41.3,
  9.6,
  Math.max(51.15, latitudeOf(STRIP_TOP) + 0.05),
]) as readonly [number, number, number, number];
