import { describe, expect, it } from 'vitest';
import type { EtapeFeature } from './types';
import { defaultEdition, editionsOf, etapesInDateOrder, etapesOfEdition, routeThrough } from './route';

const etape = (id: string, date: string, x: number, edition = Number(date.slice(0, 4))): EtapeFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [x, 45] },
  properties: { id, date, commune: '', departement: '01', intitule: '', themes: [], longitude: x, latitude: 45, position: 'exact', edition },
});

describe('route', () => {
  const stops = Object.freeze([etape('b', '2009-06-05', 2), etape('a', '2009-04-23', 1), etape('c', '2009-05-28', 3)]);
  it('orders stops by date without mutating the input', () => {
    expect(etapesInDateOrder(stops).map((e) => e.properties.id)).toEqual(['a', 'c', 'b']);
    expect(stops.map((e) => e.properties.id)).toEqual(['b', 'a', 'c']);
  });
  it('joins stops in date order', () => {
    const route = routeThrough(stops).features[0]!;
    expect(route.geometry.coordinates).toEqual([[1, 45], [3, 45], [2, 45]]);
  });
  it('keeps the file order of stops on the same day', () => {
    const sameDay = [etape('z', '2009-06-05', 1), etape('a', '2009-06-05', 2), etape('m', '2009-04-01', 3)];
    expect(etapesInDateOrder(sameDay).map((e) => e.properties.id)).toEqual(['m', 'z', 'a']);
  });
  it('draws no route for a single stop', () => {
    expect(routeThrough([etape('a', '2009-04-23', 1)]).features).toEqual([]);
  });
});

describe('editions', () => {
  const stops = Object.freeze([etape('a', '2009-04-23', 1), etape('b', '2010-01-12', 2, 2009), etape('c', '2010-05-20', 3), etape('d', '2011-03-01', 4)]);
  it('lists the editions of the stops, the edition column winning over the date', () => {
    expect(editionsOf(stops)).toEqual([2009, 2010, 2011]);
    expect(etapesOfEdition(stops, 2009).map((e) => e.properties.id)).toEqual(['a', 'b']);
    expect(etapesOfEdition(stops, 'toutes')).toHaveLength(4);
    expect(etapesOfEdition(stops, null)).toHaveLength(4);
  });
  it('shows 2009 by default, else the latest edition', () => {
    expect(defaultEdition([2009, 2010])).toBe(2009);
    expect(defaultEdition([2010, 2011])).toBe(2011);
    expect(defaultEdition([])).toBeNull();
  });
});
