import { describe, expect, it } from 'vitest';
import type { DepartementDisplayFeature } from '../domain/types';
import { departementIndex } from './departementIndex';

describe('departementIndex', () => {
  it('gives each department zone its facts and display box, leaving label points out', () => {
    const props = { code: '974', nom: 'La Réunion', region: '04', region_nom: 'La Réunion', zone: 'drom' as const };
    const features: DepartementDisplayFeature[] = Object.freeze([
      { type: 'Feature', properties: { ...props, role: 'zone' }, geometry: { type: 'Polygon', coordinates: [[[-10.123456, 44], [-9, 44], [-9, 45.5], [-10.123456, 44]]] } },
      { type: 'Feature', properties: { ...props, role: 'etiquette' }, geometry: { type: 'Point', coordinates: [20, 20] } },
    ]) as DepartementDisplayFeature[];
    expect(departementIndex(features)).toEqual([{ ...props, bbox: [-10.12346, 44, -9, 45.5] }]);
  });
});
