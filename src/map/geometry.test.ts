import { describe, expect, it } from 'vitest';
import type { DepartementDisplayFeature, EtapeFeature, InnovationFeature, InsetFrameFeature } from '../domain/types';
import { departementBounds, etapesInDateOrder, innovationPoints, insetNameAnchors, routeThrough } from './geometry';

const frame = (code: string, w: number, s: number, e: number, n: number): InsetFrameFeature => ({
  type: 'Feature', properties: { code, nom: `Territoire ${code}` },
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});
const etape = (id: string, date: string, x: number): EtapeFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [x, 45] },
  properties: { id, date, commune: '', departement: '01', intitule: '', themes: [], longitude: x, latitude: 45, position: 'exact' },
});

describe('insetNameAnchors', () => {
  it('puts each territory name at the top-left corner of its frame', () => {
    const anchors = insetNameAnchors([frame('974', -10, 43, -8, 45)]);
    expect(anchors.features).toEqual([
      { type: 'Feature', properties: { code: '974', nom: 'Territoire 974' }, geometry: { type: 'Point', coordinates: [-10, 45] } },
    ]);
  });
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

describe('innovationPoints', () => {
  const innovation = (id: string, themes: string[]): InnovationFeature => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] },
    properties: {
      id, titre: 't', description: '', themes, secteurs: [], departement: '01', commune: '', porteur: '', annee: null,
      site_web: '', etape: '', longitude: 1, latitude: 2, position: 'exact',
    },
  });
  it('colours each point by its first theme, grey when it has none or an unknown one', () => {
    const themes = [{ id: 'sante', libelle: 'Santé', couleur: '#d62728' }, { id: 'education', libelle: 'Éducation', couleur: '#1f77b4' }];
    const fc = innovationPoints([innovation('a', ['education', 'sante']), innovation('b', []), innovation('c', ['inconnu'])], themes, '#777777');
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'a', couleur: '#1f77b4' }, { id: 'b', couleur: '#777777' }, { id: 'c', couleur: '#777777' },
    ]);
  });
});

describe('departementBounds', () => {
  it('gives the box of each department shape, ignoring its label point', () => {
    const props = { code: '974', nom: 'La Réunion', region: '04', region_nom: 'La Réunion', zone: 'drom' as const };
    const departements: DepartementDisplayFeature[] = [
      { type: 'Feature', properties: { ...props, role: 'zone' }, geometry: { type: 'Polygon', coordinates: [[[-10, 44], [-9, 44], [-9, 45.5], [-10, 44]]] } },
      { type: 'Feature', properties: { ...props, role: 'etiquette' }, geometry: { type: 'Point', coordinates: [20, 20] } },
    ];
    expect(departementBounds(Object.freeze(departements))).toEqual(new Map([['974', [[-10, 44], [-9, 45.5]]]]));
  });
});
