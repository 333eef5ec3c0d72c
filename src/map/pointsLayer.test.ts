import { describe, expect, it } from 'vitest';
import type { ClusterFeature } from '../points/engine';
import { clusterRadius, LAUREAT_RING, mercatorMatrix, pointRadius, PointsLayer } from './pointsLayer';

const point = (i: number, lon: number, lat: number, laureat = false): ClusterFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { i, couleur: '#123456', laureat } });
const cluster = (id: number, count: number, lon: number, lat: number): ClusterFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { cluster: true, cluster_id: id, point_count: count, point_count_abbreviated: count },
});

describe('sizes', () => {
  it('grows clusters with their count, as the legend says', () => {
    expect([2, 10, 50, 200].map(clusterRadius)).toEqual([11, 14, 18, 23]);
  });

  it('grows single points from 4.5 px at zoom 4 to 7 px at zoom 10', () => {
    expect(pointRadius(2)).toBe(4.5);
    expect(pointRadius(7)).toBeCloseTo(5.75);
    expect(pointRadius(13)).toBe(7);
  });
});

describe('mercatorMatrix', () => {
  it('scales the world-pixel matrix to Web Mercator [0, 1] at the zoom', () => {
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const m = mercatorMatrix(identity, 1);
    expect(m[0]).toBe(1024);
    expect(m[5]).toBe(1024);
    expect(m[10]).toBe(1);
    expect(m[15]).toBe(1);
  });
});

describe('PointsLayer.featureAt', () => {
  // Screen = 10 px per degree, for the test.
  const project = ([lon, lat]: [number, number]) => ({ x: lon * 10, y: lat * 10 });
  const layer = new PointsLayer('innovations', {
    grappe: '#000000', grappeTexte: '#ffffff', contour: '#ffffff', focus: '#000000', laureat: '#f2c12e', laureatContour: '#4a3800',
  });
  layer.setData({ features: [cluster(1, 300, 10, 10), point(7, 11, 10), point(8, 50, 50), point(9, 70, 50, true)], focus: [] });

  it('finds a single point drawn over a cluster first', () => {
    expect(layer.featureAt(110, 100, 5, project)?.properties).toMatchObject({ i: 7 });
  });

  it('finds a cluster within its radius and stroke, and nothing beyond', () => {
    expect(layer.featureAt(100, 120, 5, project)?.properties).toMatchObject({ cluster_id: 1 });
    expect(layer.featureAt(100, 130, 5, project)).toBeUndefined();
  });

  it('finds a lone point within its zoom radius', () => {
    expect(layer.featureAt(504, 500, 4, project)?.properties).toMatchObject({ i: 8 });
    expect(layer.featureAt(507, 500, 4, project)).toBeUndefined();
  });

  it('finds a laureate within its ring, larger than a point', () => {
    expect(layer.featureAt(700 + 4.5 + LAUREAT_RING + 1, 500, 4, project)?.properties).toMatchObject({ i: 9, laureat: true });
    expect(layer.featureAt(700 + 4.5 + LAUREAT_RING + 2, 500, 4, project)).toBeUndefined();
  });
});
