import { describe, expect, it } from 'vitest';
import type { DepartementDisplayFeature, InsetFrameFeature } from '../domain/types';
import { departementBounds, insetNameAnchors } from './geometry';

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
