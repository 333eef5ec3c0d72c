import { describe, expect, it } from 'vitest';
import type { InsetFrameFeature } from '../domain/types';
import { insetNameAnchors } from './geometry';

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
