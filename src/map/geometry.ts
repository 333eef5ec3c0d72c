/**
 * Pure geometry helpers for the map: where inset names are written. No MapLibre import,
 * unit-tested in Node.
 */
import bbox from '@turf/bbox';
import type { FeatureCollection, Point } from 'geojson';
import type { InsetFrameFeature } from '../domain/types';

/** [[west, south], [east, north]] in display coordinates. */
export type Bounds = [[number, number], [number, number]];

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
