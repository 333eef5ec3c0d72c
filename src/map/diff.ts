/**
 * From one map model to the next: the operations that bring the map there, and nothing else
 * (Placemark: "skip setData when the array sent last time is the same"). Pure; MapController
 * applies them.
 */
import type { ClusterAnswer } from '../points/protocol';
import type { CameraRequest, MapModel, Shade, StopModel } from './model';

export type MapOp =
  | { op: 'points'; points: ClusterAnswer | null }
  /** The density view's clusters; null hides the heatmap. */
  | { op: 'density'; points: ClusterAnswer | null }
  | { op: 'shades'; changes: { code: string; shade: Shade }[] }
  | { op: 'selectDepartement'; previous: string | null; next: string | null }
  | { op: 'addStop'; stop: StopModel }
  | { op: 'removeStop'; id: string }
  /** `returnFocus`: the stop's dialog closed with nothing else selected: focus goes back to its marker. */
  | { op: 'updateStop'; stop: StopModel; returnFocus: boolean }
  | { op: 'route'; legs: readonly number[] }
  | { op: 'focus'; positions: readonly [number, number][] }
  | { op: 'camera'; camera: CameraRequest }
  /** Clicks give a position (true) or select as usual (false). */
  | { op: 'picking'; on: boolean };

function sameStop(a: StopModel, b: StopModel): boolean {
  return a.rank === b.rank && a.active === b.active && a.current === b.current && a.name === b.name
    && a.lngLat[0] === b.lngLat[0] && a.lngLat[1] === b.lngLat[1];
}

function sameOffset(a: StopModel, b: StopModel): boolean {
  return a.offset?.[0] === b.offset?.[0] && a.offset?.[1] === b.offset?.[1];
}

function samePositions(a: readonly [number, number][], b: readonly [number, number][]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]);
}

function sameRoute(a: MapModel['route'], b: MapModel['route']): boolean {
  return a.length === b.length && a.every((leg, i) => leg === b[i]);
}

/**
 * Operations turning `prev` (null: an empty map) into `next`. Shade changes come after the points
 * and the density so that a controller may hold them until the new points are drawn (one frame for
 * both).
 */
export function diffMapModel(prev: MapModel | null, next: MapModel): MapOp[] {
  const ops: MapOp[] = [];
  if (!prev || prev.points !== next.points) ops.push({ op: 'points', points: next.points });
  if ((prev?.density ?? null) !== next.density) ops.push({ op: 'density', points: next.density });

  const changes: { code: string; shade: Shade }[] = [];
  for (const [code, shade] of next.shades) {
    const before = prev?.shades.get(code);
    if (!before || before.count !== shade.count || before.teinte !== shade.teinte) changes.push({ code, shade });
  }
  if (changes.length > 0) ops.push({ op: 'shades', changes });

  if ((prev?.selectedDepartement ?? null) !== next.selectedDepartement) {
    ops.push({ op: 'selectDepartement', previous: prev?.selectedDepartement ?? null, next: next.selectedDepartement });
  }

  const before = new Map((prev?.stops ?? []).map((s) => [s.id, s]));
  const after = new Set(next.stops.map((s) => s.id));
  for (const id of before.keys()) if (!after.has(id)) ops.push({ op: 'removeStop', id });
  for (const stop of next.stops) {
    const old = before.get(stop.id);
    if (!old) ops.push({ op: 'addStop', stop });
    else if (!sameStop(old, stop) || !sameOffset(old, stop)) ops.push({ op: 'updateStop', stop, returnFocus: old.active && !stop.active && !next.hasSelection });
  }

  if (!prev || !sameRoute(prev.route, next.route)) ops.push({ op: 'route', legs: next.route });
  if (!prev || !samePositions(prev.focus, next.focus)) ops.push({ op: 'focus', positions: next.focus });
  if (!prev || prev.camera.key !== next.camera.key) ops.push({ op: 'camera', camera: next.camera });
  if ((prev?.picking ?? false) !== next.picking) ops.push({ op: 'picking', on: next.picking });
  return ops;
}
