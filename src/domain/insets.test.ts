import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feature } from 'topojson-client';
import booleanIntersects from '@turf/boolean-intersects';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  type InsetDef,
  type InsetPart,
  INSETS,
  INSET_LAYOUT,
  NATIONAL_VIEW_BOUNDS,
  applyInsetTransform,
  insetFor,
  insetFrameBounds,
  insetFrames,
  invertInsetTransform,
  toDisplayPosition,
  transformGeometry,
} from './insets';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturePath = path.resolve(repoRoot, 'tests/fixtures/boundaries/departements-avec-outre-mer-extrait.geojson');

type Area = Feature<Polygon | MultiPolygon, { code: string }>;

/** IGN outlines (an excerpt: a few departments and the five DROM), tests/fixtures/boundaries. */
const ign = JSON.parse(readFileSync(fixturePath, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;

function worldAtlas(file: string): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
  const topology = JSON.parse(readFileSync(path.resolve(repoRoot, 'node_modules/world-atlas', file), 'utf8')) as Topology;
  return feature(topology, topology.objects.countries as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
}
/** Natural Earth outlines of the overseas collectivities (ISO 3166 numeric id → INSEE code). */
const COM_ISO: Record<string, string> = { '666': '975', '652': '977', '663': '978', '876': '986', '258': '987', '540': '988' };
const countries10m = worldAtlas('countries-10m.json');
const overseasOutlines: Area[] = [
  ...ign.features.filter((f) => insetFor(f.properties.code)),
  ...countries10m.features
    .filter((f) => String(f.id) in COM_ISO)
    .map((f) => ({ ...f, properties: { code: COM_ISO[String(f.id)] as string } })),
];

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positions);
  }
}
function bbox(g: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions(g) as [number, number][]) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
}
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
function disjoint(a: number[], b: number[]): boolean {
  return (a[2] as number) < (b[0] as number) || (b[2] as number) < (a[0] as number)
    || (a[3] as number) < (b[1] as number) || (b[3] as number) < (a[1] as number);
}
/** The affine views of an inset: its parts, or the inset itself. */
const views = (inset: InsetDef): readonly InsetPart[] => inset.parts ?? [inset];
const viewDisplayBox = (inset: InsetDef, v: InsetPart) => {
  const a = applyInsetTransform(inset, [v.source[0], v.source[1]]);
  const b = applyInsetTransform(inset, [v.source[2], v.source[3]]);
  return [a[0], a[1], b[0], b[1]] as [number, number, number, number];
};
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') { Object.values(o).forEach(deepFreeze); Object.freeze(o); }
  return o;
}

describe('INSETS table', () => {
  it('defines the 11 overseas territories once each', () => {
    const codes = INSETS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(['971', '972', '973', '974', '975', '976', '977', '978', '986', '987', '988']);
  });
  it('has no inset for metropolitan departments', () => {
    for (const f of ign.features.filter((x) => x.properties.code.length === 2)) expect(insetFor(f.properties.code)).toBeUndefined();
  });
});

describe('applyInsetTransform / invertInsetTransform', () => {
  it('round-trips real → display → real to 1e-9 inside every source area', () => {
    for (const inset of INSETS) for (const view of views(inset)) {
      const [w, s, e, n] = view.source;
      fc.assert(fc.property(fc.double({ min: w, max: e, noNaN: true }), fc.double({ min: s, max: n, noNaN: true }), (lon, lat) => {
        const back = invertInsetTransform(inset, applyInsetTransform(inset, [lon, lat]));
        expect(back[0]).toBeCloseTo(lon, 9);
        expect(back[1]).toBeCloseTo(lat, 9);
      }), { numRuns: 200 });
    }
  });
  it('round-trips display → real → display to 1e-9 inside every view of every frame', () => {
    for (const inset of INSETS) for (const view of views(inset)) {
      const [w, s, e, n] = viewDisplayBox(inset, view);
      fc.assert(fc.property(fc.double({ min: w, max: e, noNaN: true }), fc.double({ min: s, max: n, noNaN: true }), (lon, lat) => {
        const again = applyInsetTransform(inset, invertInsetTransform(inset, [lon, lat]));
        expect(again[0]).toBeCloseTo(lon, 9);
        expect(again[1]).toBeCloseTo(lat, 9);
      }), { numRuns: 200 });
    }
  });
  it('sends the centre of each source (in Mercator) to its target', () => {
    for (const inset of INSETS) for (const view of views(inset)) {
      const [w, s, e, n] = view.source;
      const midLat = (2 * Math.atan(Math.exp((mercY(s) + mercY(n)) / 2)) - Math.PI / 2) * (180 / Math.PI);
      const p = applyInsetTransform(inset, [(w + e) / 2, midLat]);
      expect(p[0]).toBeCloseTo(view.target[0], 9);
      expect(p[1]).toBeCloseTo(view.target[1], 9);
    }
  });
  it('splits Wallis-et-Futuna into two views at one scale, disjoint, inside the frame content', () => {
    const wf = insetFor('986')!;
    expect(wf.parts).toHaveLength(2);
    const [futuna, wallis] = wf.parts!;
    expect(futuna!.scale).toBe(wallis!.scale);
    const [a, b] = [viewDisplayBox(wf, futuna!), viewDisplayBox(wf, wallis!)];
    expect(disjoint(a, b)).toBe(true);
    const frame = insetFrameBounds('986')!;
    for (const box of [a, b]) {
      expect(box[0]).toBeGreaterThan(frame[0]);
      expect(box[2]).toBeLessThan(frame[2]);
      expect(box[1]).toBeGreaterThan(frame[1]);
      expect(mercY(box[3])).toBeLessThan(mercY(frame[3]) - (INSET_LAYOUT.labelBand * Math.PI) / 180);
    }
    // Futuna lies west of Wallis, and lower on the frame, as on a map.
    expect(a[2]).toBeLessThan(b[0]);
    expect(a[1]).toBeLessThan(b[1]);
    // A point at sea between the islands, near Wallis, goes through the nearest view (Wallis).
    expect(invertInsetTransform(wf, applyInsetTransform(wf, [-176.28, -13.3]))).toEqual([expect.closeTo(-176.28, 9), expect.closeTo(-13.3, 9)]);
  });
  it('frames Polynésie française on Tahiti–Moorea, large, with the rest of the territory small beside it', () => {
    const pf = insetFor('987')!;
    const [main, whole] = pf.parts!;
    expect(main!.scale).toBeGreaterThan(40 * whole!.scale);
    const frame = insetFrameBounds('987')!;
    const inside = ([x, y]: [number, number]) => x > frame[0] && x < frame[2] && y > frame[1] && y < frame[3];
    // Papeete and Moorea go through the large view; Nuku Hiva (Marquesas) and Rurutu (Austral) through the small one.
    const papeete = applyInsetTransform(pf, [-149.57, -17.54]);
    const moorea = applyInsetTransform(pf, [-149.83, -17.53]);
    for (const p of [papeete, moorea]) expect(p[0] >= viewDisplayBox(pf, main!)[0] && p[0] <= viewDisplayBox(pf, main!)[2]).toBe(true);
    // Tahiti and Moorea, 17 km apart, stay apart on screen: more than a tenth of the frame.
    expect(Math.abs(papeete[0] - moorea[0])).toBeGreaterThan((frame[2] - frame[0]) / 10);
    for (const far of [[-140.1, -8.9], [-151.35, -22.45]] as [number, number][]) {
      const p = toDisplayPosition('987', far);
      expect(inside(p)).toBe(true);
      expect(p[0]).toBeGreaterThanOrEqual(viewDisplayBox(pf, whole!)[0]);
      expect(invertInsetTransform(pf, p)).toEqual(far.map((v) => expect.closeTo(v, 9)));
    }
  });
  it('treats a longitude and the same longitude plus or minus 360° alike (antimeridian)', () => {
    const wallis = insetFor('986')!;
    const direct = applyInsetTransform(wallis, [-176.2, -13.3]);
    expect(applyInsetTransform(wallis, [183.8, -13.3])).toEqual(direct.map((v) => expect.closeTo(v, 9)));
    expect(applyInsetTransform(wallis, [181.9, -14.3])).toEqual(applyInsetTransform(wallis, [-178.1, -14.3]).map((v) => expect.closeTo(v, 9)));
    const caledonia = insetFor('988')!;
    expect(applyInsetTransform(caledonia, [166.4 - 360, -22.3])[0]).toBeCloseTo(applyInsetTransform(caledonia, [166.4, -22.3])[0], 9);
  });
  it('keeps proportions: a bbox keeps its Mercator aspect ratio', () => {
    for (const inset of INSETS) for (const view of views(inset)) {
      const [w, s, e, n] = view.source;
      const [a, b] = [applyInsetTransform(inset, [w, s]), applyInsetTransform(inset, [e, n])];
      const before = (e - w) / ((mercY(n) - mercY(s)) * (180 / Math.PI));
      const after = (b[0] - a[0]) / ((mercY(b[1]) - mercY(a[1])) * (180 / Math.PI));
      expect(after).toBeCloseTo(before, 9);
    }
  });
});

describe('the frames', () => {
  it('hold every corner of the areas they show', () => {
    for (const inset of INSETS) for (const view of views(inset)) {
      const [w, s, e, n] = view.source;
      const [fw, fs, fe, fn] = insetFrameBounds(inset.code)!;
      for (const p of [[w, s], [e, n], [w, n], [e, s]] as [number, number][]) {
        const [x, y] = applyInsetTransform(inset, p);
        expect(x > fw && x < fe && y > fs && y < fn, inset.code).toBe(true);
      }
    }
  });
});

describe('toDisplayPosition', () => {
  it('is the identity for metropolitan departments', () => {
    expect(toDisplayPosition('75', [2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(toDisplayPosition('2A', [8.74, 41.92])).toEqual([8.74, 41.92]);
  });
  it('applies the inset for overseas territories', () => {
    expect(toDisplayPosition('974', [55.45, -20.88])).toEqual(applyInsetTransform(insetFor('974')!, [55.45, -20.88]));
    expect(toDisplayPosition('974', [55.45, -20.88])).not.toEqual([55.45, -20.88]);
  });
  it('keeps a point at sea off a small island inside its frame (moved to the edge of the area shown)', () => {
    // 10 km east of Saint-Barthélemy: enlarged ×18, the plain transform leaves the frame.
    const offshore: [number, number] = [-62.70, 17.9];
    const frame = insetFrameBounds('977')!;
    const outside = applyInsetTransform(insetFor('977')!, offshore);
    expect(outside[0]).toBeGreaterThan(frame[2]);
    const [x, y] = toDisplayPosition('977', offshore);
    expect(x > frame[0] && x < frame[2] && y > frame[1] && y < frame[3]).toBe(true);
    expect(toDisplayPosition('977', offshore)).toEqual(applyInsetTransform(insetFor('977')!, [insetFor('977')!.source[2], 17.9]));
    // Between Wallis and Futuna, nearer Wallis: on the edge of the Wallis view.
    const [wx, wy] = toDisplayPosition('986', [-176.5, -13.3]);
    const wf = insetFrameBounds('986')!;
    expect(wx > wf[0] && wx < wf[2] && wy > wf[1] && wy < wf[3]).toBe(true);
  });
});

describe('frames', () => {
  const frames = insetFrames();
  it('are pairwise disjoint', () => {
    for (let i = 0; i < frames.length; i++)
      for (let j = i + 1; j < frames.length; j++)
        expect(disjoint(bbox(frames[i]!.geometry), bbox(frames[j]!.geometry)), `${frames[i]!.properties.code}/${frames[j]!.properties.code}`).toBe(true);
  });
  it('stay clear of metropolitan France and Corsica', () => {
    const metro = bbox({ type: 'GeometryCollection', geometries: ign.features.filter((f) => !insetFor(f.properties.code)).map((f) => f.geometry) });
    for (const f of frames) expect(disjoint(bbox(f.geometry), metro), f.properties.code).toBe(true);
  });
  it('cover no land of the neighbouring countries (Spain, Portugal, UK, Ireland…)', () => {
    for (const country of worldAtlas('countries-50m.json').features) {
      if (country.id === '250') continue;
      for (const f of frames) expect(booleanIntersects(f, country), `${f.properties.code} × ${country.properties.name}`).toBe(false);
    }
  });
  it('form a compact strip: at most a fifth of the national view\'s width, in two columns', () => {
    const boxes = frames.map((f) => bbox(f.geometry));
    const west = Math.min(...boxes.map((b) => b[0]));
    const east = Math.max(...boxes.map((b) => b[2]));
    expect((east - west) / (NATIONAL_VIEW_BOUNDS[2] - NATIONAL_VIEW_BOUNDS[0])).toBeLessThanOrEqual(0.2);
    expect(new Set(boxes.map((b) => b[0].toFixed(6))).size).toBe(2);
  });
  it('all lie inside the national view bounds', () => {
    for (const f of frames) {
      const b = bbox(f.geometry);
      expect(b[0]).toBeGreaterThanOrEqual(NATIONAL_VIEW_BOUNDS[0]);
      expect(b[1]).toBeGreaterThanOrEqual(NATIONAL_VIEW_BOUNDS[1]);
      expect(b[3]).toBeLessThanOrEqual(NATIONAL_VIEW_BOUNDS[3]);
    }
  });
  it('are closed counter-clockwise rings with {code, nom}', () => {
    for (const f of frames) {
      const ring = f.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let area2 = 0;
      for (let k = 0; k < ring.length - 1; k++) area2 += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
      expect(area2).toBeGreaterThan(0);
      expect(Object.keys(f.properties).sort()).toEqual(['code', 'nom']);
      expect(f.properties.nom).toBe(insetFor(f.properties.code)!.nom);
    }
  });
});

describe('transformGeometry on real outlines (IGN DROM, Natural Earth COM)', () => {
  it('has an outline for every inset', () => {
    expect(new Set(overseasOutlines.map((f) => f.properties.code))).toEqual(new Set(INSETS.map((i) => i.code)));
  });
  it('puts every territory inside its frame, below the name band, and fills the frame (legible)', () => {
    const { margin, labelBand } = INSET_LAYOUT;
    for (const f of overseasOutlines) {
      const inset = insetFor(f.properties.code)!;
      const [fw, fs, fe, fn] = insetFrameBounds(inset.code)!;
      const [w, s, e, n] = bbox(transformGeometry(inset, f.geometry));
      expect(w, inset.code).toBeGreaterThan(fw);
      expect(e, inset.code).toBeLessThan(fe);
      expect(s, inset.code).toBeGreaterThan(fs);
      expect(mercY(n), inset.code).toBeLessThan(mercY(fn) - (labelBand * Math.PI) / 180);
      // The drawn outline spans most of the frame's width or height: nothing is a speck.
      const widthShare = (e - w) / (fe - fw - 2 * margin);
      const heightShare = (mercY(n) - mercY(s)) / (mercY(fn) - mercY(fs) - ((2 * margin + labelBand) * Math.PI) / 180);
      expect(Math.max(widthShare, heightShare), inset.code).toBeGreaterThan(0.5);
    }
  });
  it('does not mutate its input and keeps the geometry type and ring count', () => {
    for (const f of overseasOutlines) {
      const g = deepFreeze(structuredClone(f.geometry));
      const copy = structuredClone(g);
      const out = transformGeometry(insetFor(f.properties.code)!, g);
      expect(g).toEqual(copy);
      expect(out.type).toBe(g.type);
      expect(positions(out).length).toBe(positions(g).length);
    }
  });
  it('transforms every kind of geometry, keeping extra coordinates', () => {
    const inset = insetFor('972')!;
    const p: [number, number] = [-61.0, 14.6];
    const d = applyInsetTransform(inset, p);
    const gc = transformGeometry(inset, {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [...p, 12] },
        { type: 'MultiPoint', coordinates: [p] },
        { type: 'LineString', coordinates: [p, p] },
        { type: 'MultiLineString', coordinates: [[p, p]] },
      ],
    });
    expect(gc.geometries[0]).toEqual({ type: 'Point', coordinates: [...d, 12] });
    for (const g of gc.geometries.slice(1)) for (const q of positions(g)) expect(q).toEqual(d);
  });
});
