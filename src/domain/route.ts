/**
 * The tour in date order: the order of the stop badges, of a department's stops, and the route
 * line, both in the data build (etapes.geojson) and on the map (through the stops shown).
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { EtapeFeature, RouteFeature } from './types';

/**
 * Stops sorted by date; same-day stops keep their file order (stable sort; ISO dates sort as
 * text). Does not mutate its input.
 */
export function etapesInDateOrder(etapes: readonly EtapeFeature[]): EtapeFeature[] {
  return [...etapes].sort((a, b) => (a.properties.date < b.properties.date ? -1 : a.properties.date > b.properties.date ? 1 : 0));
}

/** The route through the given stops in date order, in their display coordinates (empty when fewer than two stops). */
export function routeThrough(etapes: readonly EtapeFeature[]): FeatureCollection<LineString, RouteFeature['properties']> {
  const ordered = etapesInDateOrder(etapes);
  const features: RouteFeature[] = ordered.length < 2 ? [] : [{
    type: 'Feature',
    properties: { role: 'parcours' },
    geometry: { type: 'LineString', coordinates: ordered.map((e) => e.geometry.coordinates) },
  }];
  return { type: 'FeatureCollection', features };
}
