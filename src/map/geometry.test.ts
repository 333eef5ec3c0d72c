import { describe, expect, it } from 'vitest';
import type { DepartementDisplayFeature, InnovationFeature, InsetFrameFeature } from '../domain/types';
import { departementBounds, innovationPoints, insetNameAnchors } from './geometry';

const frame = (code: string, w: number, s: number, e: number, n: number): InsetFrameFeature => ({
  type: 'Feature', properties: { code, nom: `Territoire ${code}` },
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});
describe('insetNameAnchors', () => {
  it('puts each territory name at the top-left corner of its frame', () => {
    const anchors = insetNameAnchors([frame('974', -10, 43, -8, 45)]);
    expect(anchors.features).toEqual([
      { type: 'Feature', properties: { code: '974', nom: 'Territoire 974' }, geometry: { type: 'Point', coordinates: [-10, 45] } },
    ]);
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
