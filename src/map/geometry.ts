/**
 * Pure geometry helpers for the map: inset name anchors and department bounds. No MapLibre
 * import, unit-tested in Node.
 */
import bbox from '@turf/bbox';
import type { FeatureCollection, Point } from 'geojson';
import type { DepartementDisplayFeature, InsetFrameFeature } from '../domain/types';

/** [[west, south], [east, north]] in display coordinates. */
export type Bounds = [[number, number], [number, number]];

/** Display bounds of every department shape, by INSEE code (label points left out). */
export function departementBounds(departements: readonly DepartementDisplayFeature[]): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const f of departements) {
    if (f.properties.role !== 'zone') continue;
    const [w, s, e, n] = bbox(f);
    bounds.set(f.properties.code, [[w, s], [e, n]]);
  }
  return bounds;
}

/** One anchor per inset frame, at its top-left corner, where the territory name is written. */
export function insetNameAnchors(insets: readonly InsetFrameFeature[]): FeatureCollection<Point, { code: string; nom: string }> {
  return {
    type: 'FeatureCollection',
    features: insets.map((frame) => {
      const [w, , , n] = bbox(frame);
      return { type: 'Feature', properties: { code: frame.properties.code, nom: frame.properties.nom }, geometry: { type: 'Point', coordinates: [w, n] } };
    }),
  };
}
