/**
 * Pure geometry helpers for the map: inset name anchors, department bounds, and the light
 * features the innovation source receives. No MapLibre import, unit-tested in Node.
 */
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { DepartementDisplayFeature, InnovationFeature, InsetFrameFeature, VocabEntry } from '../domain/types';

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

/** What the innovation source needs per point: its id and the colour of its first theme. */
export interface InnovationPointProps {
  id: string;
  couleur: string;
}

/**
 * Light map features for innovations: only id and colour travel to the map worker (no arrays,
 * which vector tiling would flatten into strings). Unknown or missing theme → `sansTheme` colour.
 */
export function innovationPoints(
  innovations: readonly InnovationFeature[],
  themes: readonly VocabEntry[],
  sansTheme: string,
): FeatureCollection<Point, InnovationPointProps> {
  const colours = new Map(themes.map((t) => [t.id, t.couleur]));
  return {
    type: 'FeatureCollection',
    features: innovations.map((f): Feature<Point, InnovationPointProps> => ({
      type: 'Feature',
      properties: { id: f.properties.id, couleur: colours.get(f.properties.themes[0] ?? '') ?? sansTheme },
      geometry: f.geometry,
    })),
  };
}
