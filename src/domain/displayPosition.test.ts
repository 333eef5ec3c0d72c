import { describe, expect, it } from 'vitest';
import { realPlace } from './displayPosition';
import { toDisplayPosition } from './insets';

describe('realPlace', () => {
  it('gives back the real position of a point drawn in an overseas frame, and its territory', () => {
    for (const [code, real] of [['974', [55.45, -20.88]], ['971', [-61.53, 16.24]], ['987', [-149.57, -17.53]], ['976', [45.23, -12.78]]] as const) {
      const back = realPlace(toDisplayPosition(code, [real[0], real[1]]));
      expect(back.territoire).toBe(code);
      expect(back.lonLat[0]).toBeCloseTo(real[0], 6);
      expect(back.lonLat[1]).toBeCloseTo(real[1], 6);
    }
  });

  it('keeps a metropolitan position as it is', () => {
    expect(realPlace([4.8357, 45.764])).toEqual({ lonLat: [4.8357, 45.764], territoire: null });
  });
});
