import { describe, expect, it } from 'vitest';
import type { ClusterFeature } from '../points/engine';
import { BADGE_HEIGHT, BADGE_WIDTH, circlesOf, DEFAULT_OFFSET, placeBadges, STOP_DOT_RADIUS, worldPixel, type Circle } from './stopPlacement';
import { clusterRadius, POINT_STROKE } from './pointsLayer';

/** Whether a badge at `offset` from `anchor` overlaps circle `c` (no margin: the visible test). */
function overlaps(anchor: { x: number; y: number }, offset: [number, number], c: Circle): boolean {
  const [cx, cy] = [anchor.x + offset[0], anchor.y + offset[1]];
  const dx = Math.max(cx - BADGE_WIDTH / 2 - c.x, 0, c.x - cx - BADGE_WIDTH / 2);
  const dy = Math.max(cy - BADGE_HEIGHT / 2 - c.y, 0, c.y - cy - BADGE_HEIGHT / 2);
  return dx * dx + dy * dy < c.r * c.r;
}

describe('worldPixel', () => {
  it('is MapLibre\'s world pixels: 512 × 2^zoom across, north up', () => {
    expect(worldPixel([0, 0], 0)).toEqual([256, 256]);
    expect(worldPixel([180, 0], 1)[0]).toBeCloseTo(1024, 9);
    const [, north] = worldPixel([0, 60], 3);
    expect(north).toBeLessThan(512 * 8 / 2);
  });
});

describe('circlesOf', () => {
  it('gives each cluster its drawn radius with its outline', () => {
    const features: ClusterFeature[] = [{ type: 'Feature', geometry: { type: 'Point', coordinates: [2, 47] }, properties: { cluster: true, cluster_id: 1, point_count: 60, point_count_abbreviated: 60 } }];
    expect(circlesOf(features, 6)[0]!.r).toBe(clusterRadius(60) + POINT_STROKE);
  });
});

describe('placeBadges', () => {
  it('puts a badge just above its stop when nothing is around', () => {
    expect(placeBadges([{ id: 'a', x: 100, y: 100 }], [])).toEqual(new Map([['a', DEFAULT_OFFSET]]));
    expect(DEFAULT_OFFSET[1]).toBeLessThan(-BADGE_HEIGHT / 2);
  });
  it('moves it elsewhere when a cluster sits above the stop, never over a circle', () => {
    const anchor = { id: 'a', x: 500, y: 500 };
    const circles: Circle[] = [{ x: 500, y: 470, r: 20 }, { x: 500, y: 500, r: 8 }];
    const offset = placeBadges([anchor], circles).get('a')!;
    for (const c of circles) expect(overlaps(anchor, offset, c)).toBe(false);
  });
  it('keeps badges of nearby stops apart, and off each other\'s stop', () => {
    const anchors = [{ id: 'a', x: 300, y: 300 }, { id: 'b', x: 310, y: 305 }, { id: 'c', x: 295, y: 290 }];
    const offsets = placeBadges(anchors, []);
    const boxes = anchors.map((a) => {
      const [dx, dy] = offsets.get(a.id)!;
      return { l: a.x + dx - BADGE_WIDTH / 2, t: a.y + dy - BADGE_HEIGHT / 2, r: a.x + dx + BADGE_WIDTH / 2, b: a.y + dy + BADGE_HEIGHT / 2 };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        expect(p.l >= q.r || q.l >= p.r || p.t >= q.b || q.t >= p.b).toBe(true);
      }
      for (const other of anchors.filter((_, k) => k !== i)) {
        expect(overlaps(anchors[i]!, offsets.get(anchors[i]!.id)!, { x: other.x, y: other.y, r: STOP_DOT_RADIUS })).toBe(false);
      }
    }
  });
  it('finds a free place in a crowd when one exists, and takes the least crowded one otherwise', () => {
    // A ring of clusters around the stop, open to the south-east only.
    const anchor = { id: 'a', x: 0, y: 0 };
    const ring: Circle[] = [];
    for (let angle = 0; angle < 360; angle += 20) {
      if (angle >= 20 && angle <= 70) continue;
      for (const d of [30, 60, 90]) ring.push({ x: d * Math.cos((angle * Math.PI) / 180), y: d * Math.sin((angle * Math.PI) / 180), r: 9 });
    }
    const offset = placeBadges([anchor], ring).get('a')!;
    for (const c of ring) expect(overlaps(anchor, offset, c)).toBe(false);
    expect(offset[0]).toBeGreaterThan(0);
    expect(offset[1]).toBeGreaterThan(0);
    const everywhere: Circle[] = [];
    for (let x = -120; x <= 120; x += 15) for (let y = -120; y <= 120; y += 15) everywhere.push({ x, y, r: 6 });
    expect(placeBadges([anchor], everywhere).get('a')).toBeDefined();
  });
  it('does not mutate its inputs', () => {
    const anchors = Object.freeze([Object.freeze({ id: 'a', x: 1, y: 2 })]);
    const circles = Object.freeze([Object.freeze({ x: 1, y: -20, r: 10 })]);
    expect(() => placeBadges(anchors, circles)).not.toThrow();
  });
});
