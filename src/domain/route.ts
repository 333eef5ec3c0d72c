/**
 * The tour in date order: the order of the stop badges, of a department's stops, and the route
 * line, both in the data build (etapes.geojson) and on the map (through the stops shown).
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { EditionChoice, EtapeFeature, RouteFeature } from './types';

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

/** The edition shown when none is chosen: the 2009 tour, the one the map was made for. */
export const DEFAULT_EDITION = 2009;

/** The editions of the given stops, in order. */
export function editionsOf(etapes: readonly EtapeFeature[]): number[] {
  return [...new Set(etapes.map((e) => e.properties.edition))].sort((a, b) => a - b);
}

/**
 * The edition a map opened with no choice shows: 2009 when the data has it, else the latest one
 * (null when there is no stop at all).
 */
export function defaultEdition(editions: readonly number[]): number | null {
  if (editions.includes(DEFAULT_EDITION)) return DEFAULT_EDITION;
  return editions.at(-1) ?? null;
}

/** The stops of one edition, or all of them ('toutes' or null), in the order given. */
export function etapesOfEdition(etapes: readonly EtapeFeature[], edition: EditionChoice | null): EtapeFeature[] {
  if (edition === null || edition === 'toutes') return [...etapes];
  return etapes.filter((e) => e.properties.edition === edition);
}
