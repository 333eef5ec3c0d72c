/**
 * Where each stop's badge goes so that it never hides a cluster, a point or another badge: the
 * badge is drawn beside its stop, joined to it by a short line, at the first place around it that
 * is free (above first, then the diagonals, the sides, below, a little further each round). Pure:
 * computed in screen pixels at the zoom the clusters were made for, from their positions and the
 * radii the points layer draws them with.
 */
import type { ClusterFeature } from '../points/engine';
import { drawnRadius, mercatorX, mercatorY } from './pointsLayer';

/** Size of a stop badge on screen (CSS px); more than 24 × 24, the WCAG 2.2 target size. */
export const BADGE_WIDTH = 36;
export const BADGE_HEIGHT = 26;
/** Room kept between a badge and a circle or another badge. */
const MARGIN = 3;
/** Radius of the dot that marks a stop's place: other badges keep clear of it too. */
export const STOP_DOT_RADIUS = 4;

/** A circle on screen (cluster, point, stop dot). */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** Pixels of a display position at `zoom` in Web Mercator world pixels (512-pixel tiles, as MapLibre). */
export function worldPixel([lng, lat]: readonly [number, number], zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  return [mercatorX(lng) * size, mercatorY(lat) * size];
}

/** The circles the points layer draws for these features at `zoom`, ring and outline included. */
export function circlesOf(features: readonly ClusterFeature[], zoom: number): Circle[] {
  return features.map((f) => {
    const [x, y] = worldPixel(f.geometry.coordinates as [number, number], zoom);
    return { x, y, r: drawnRadius(f, zoom) };
  });
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const boxAt = (x: number, y: number): Box => ({
  left: x - BADGE_WIDTH / 2, top: y - BADGE_HEIGHT / 2, right: x + BADGE_WIDTH / 2, bottom: y + BADGE_HEIGHT / 2,
});

function hitsCircle(box: Box, c: Circle): boolean {
  const dx = Math.max(box.left - c.x, 0, c.x - box.right);
  const dy = Math.max(box.top - c.y, 0, c.y - box.bottom);
  return dx * dx + dy * dy < (c.r + MARGIN) ** 2;
}

const hitsBox = (a: Box, b: Box) =>
  a.left < b.right + MARGIN && b.left < a.right + MARGIN && a.top < b.bottom + MARGIN && b.top < a.bottom + MARGIN;

/** Directions tried, in order: above, the upper diagonals, the sides, the lower diagonals, below. */
const DIRECTIONS: readonly [number, number][] = [[0, -1], [1, -1], [-1, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [0, 1]];
/** Gaps between a stop and its badge, tried one after the other. */
const GAPS = [8, 18, 30, 46, 66];

/** Offset of the badge centre for a direction and a gap: the badge's edge `gap` pixels from the stop. */
function offsetFor([dx, dy]: readonly [number, number], gap: number): [number, number] {
  const diagonal = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
  return [dx * (gap * diagonal + BADGE_WIDTH / 2), dy * (gap * diagonal + BADGE_HEIGHT / 2)];
}

/** The offset a badge takes when nothing is known of what surrounds it: just above its stop. */
export const DEFAULT_OFFSET: [number, number] = offsetFor([0, -1], GAPS[0]!);

/**
 * Offsets (CSS px, from the stop to the badge's centre) of badges at `anchors` (world pixels, in
 * placement order: earlier stops get the better places), clear of `circles` and of each other
 * when any place around allows it; otherwise the place that hides the fewest.
 */
export function placeBadges(anchors: readonly { id: string; x: number; y: number }[], circles: readonly Circle[]): Map<string, [number, number]> {
  const placed: Box[] = [];
  const dots: Circle[] = anchors.map((a) => ({ x: a.x, y: a.y, r: STOP_DOT_RADIUS }));
  const offsets = new Map<string, [number, number]>();
  anchors.forEach((anchor, k) => {
    // Nearby circles only: a badge goes at most about 90 px from its stop.
    const near = circles.filter((c) => Math.abs(c.x - anchor.x) < 160 + c.r && Math.abs(c.y - anchor.y) < 160 + c.r);
    const otherDots = dots.filter((_, j) => j !== k);
    let best: { offset: [number, number]; box: Box; hidden: number } | null = null;
    search: for (const gap of GAPS) {
      for (const direction of DIRECTIONS) {
        const offset = offsetFor(direction, gap);
        const box = boxAt(anchor.x + offset[0], anchor.y + offset[1]);
        const hidden = near.filter((c) => hitsCircle(box, c)).length
          + otherDots.filter((c) => hitsCircle(box, c)).length
          + placed.filter((b) => hitsBox(box, b)).length;
        if (!best || hidden < best.hidden) best = { offset, box, hidden };
        if (hidden === 0) break search;
      }
    }
    placed.push(best!.box);
    offsets.set(anchor.id, best!.offset);
  });
  return offsets;
}
