/**
 * departements-infos.json: what the app needs of each department at start (name, region, zone and
 * the box of its display shape), a few kilobytes instead of the outlines the map alone draws.
 */
import bbox from '@turf/bbox';
import type { DepartementDisplayFeature, DepartementIndexEntry } from '../domain/types';

export const DEPARTEMENT_INDEX_FILE = 'departements-infos.json';

/** One entry per department zone, in the order of the display file. */
export function departementIndex(departements: readonly DepartementDisplayFeature[]): DepartementIndexEntry[] {
  return departements.filter((f) => f.properties.role === 'zone').map((f) => {
    const { code, nom, region, region_nom, zone } = f.properties;
    const [w, s, e, n] = bbox(f).map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number];
    return { code, nom, region, region_nom, zone, bbox: [w, s, e, n] };
  });
}
