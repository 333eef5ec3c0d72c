import { describe, expect, it } from 'vitest';
import type { EtapeFeature } from '../domain/types';
import { legendClasses } from '../domain/legend';
import type { ClusterAnswer } from '../points/protocol';
import { insetFrameBounds } from '../domain/insets';
import { INNOVATION_ZOOM, mapModel, routeLegs, TOUR_MAX_ZOOM, type MapModelInput } from './model';
import { diffMapModel } from './diff';
import { BADGE_HEIGHT, BADGE_WIDTH, DEFAULT_OFFSET, worldPixel } from './stopPlacement';
import { wording } from '../i18n';

const etape = (id: string, date: string, lon: number, themes: string[] = []): EtapeFeature => Object.freeze({
  type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 45] },
  properties: { id, date, commune: `C${id}`, departement: '02', intitule: '', themes, longitude: lon, latitude: 45, position: 'exact', edition: Number(date.slice(0, 4)) },
}) as EtapeFeature;

const ETAPES = Object.freeze([etape('c', '2009-06-01', 3), etape('a', '2009-04-01', 1), etape('b', '2009-05-01', 2)]);
const CLUSTERS: ClusterAnswer = { generation: 1, frame: { bbox: [0, 40, 10, 50], zoom: 5 }, features: [] };

function input(patch: Partial<MapModelInput> = {}): MapModelInput {
  return Object.freeze({
    departementCodes: ['02', '35'],
    departementBounds: new Map([['02', [[3, 49], [4, 50]]], ['35', [[-2, 47], [-1, 48]]]]) as MapModelInput['departementBounds'],
    departementNoms: new Map([['02', 'Aisne'], ['35', 'Ille-et-Vilaine']]),
    etapes: ETAPES,
    visibleEtapes: ETAPES,
    clusters: CLUSTERS,
    w: wording('fr'),
    countsByDepartement: new Map([['02', 4]]),
    legendClasses: legendClasses([4, 0]),
    selection: null,
    selectionOrigin: 'interface',
    selectedPosition: null,
    hoveredPosition: null,
    view: null,
    ...patch,
  });
}

describe('mapModel', () => {
  it('shades every department, zero included, from its count and the legend', () => {
    const model = mapModel(input());
    expect(model.shades.get('02')).toEqual({ count: 4, teinte: 5 });
    expect(model.shades.get('35')).toEqual({ count: 0, teinte: 0 });
  });

  it('numbers stops by date over the whole tour, even when some are hidden, and names them with that rank', () => {
    const model = mapModel(input({ visibleEtapes: [ETAPES[0]!] }));
    expect(model.stops).toEqual([{ id: 'c', rank: 3, lngLat: [3, 45], name: 'Étape 3 du 1er juin 2009 — Cc (Aisne)', active: false, offset: DEFAULT_OFFSET }]);
  });

  it('marks the selected stop active', () => {
    expect(mapModel(input({ selection: { kind: 'etape', id: 'b' } })).stops.find((s) => s.active)?.id).toBe('b');
  });

  it('draws route legs in tour order, never between stops that were not consecutive', () => {
    const legs = routeLegs(ETAPES, new Set(['a', 'b', 'c']));
    expect(legs.features.map((f) => [f.properties.etape, f.geometry.coordinates])).toEqual([[2, [[1, 45], [2, 45]]], [3, [[2, 45], [3, 45]]]]);
    // With "b" hidden, a and c were not consecutive: no leg at all.
    expect(routeLegs(ETAPES, new Set(['a', 'c'])).features).toEqual([]);
    expect(mapModel(input({ visibleEtapes: [ETAPES[0]!, ETAPES[2]!] })).route).toEqual([3]);
  });

  it('shows the edition chosen, numbered from 1, its legs keyed as when every edition is shown, none between editions', () => {
    const tours = [...ETAPES, etape('y', '2010-03-01', 5), etape('x', '2010-02-01', 4)];
    const shown = (edition: MapModelInput['edition']) => mapModel(input({ etapes: tours, visibleEtapes: tours, edition }));
    expect(shown(2009).stops.map((s) => [s.id, s.rank])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(shown(2009).route).toEqual([2, 3]);
    expect(shown(2010).stops.map((s) => [s.id, s.rank, s.name])).toEqual([['x', 1, 'Étape 1 du 1er février 2010 — Cx (Aisne)'], ['y', 2, 'Étape 2 du 1er mars 2010 — Cy (Aisne)']]);
    expect(shown(2010).route).toEqual([5]);
    expect(shown('toutes').stops.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(shown('toutes').route).toEqual([2, 3, 5]);
    expect(routeLegs(tours, new Set(['c', 'x'])).features).toEqual([]);
    expect(diffMapModel(shown(2009), shown(2010)).filter((op) => op.op === 'route')).toEqual([{ op: 'route', legs: [5] }]);
  });

  it('frames a selected department, wherever it was chosen', () => {
    for (const selectionOrigin of ['carte', 'interface'] as const) {
      const model = mapModel(input({ selection: { kind: 'departement', id: '35' }, selectionOrigin }));
      expect(model.camera).toEqual({ key: 'departement:35', target: { kind: 'fit', bounds: [[-2, 47], [-1, 48]] } });
      expect(model.selectedDepartement).toBe('35');
    }
  });

  it('flies to an innovation chosen outside the map once its position is known; one clicked on the map is only kept in view', () => {
    const chosen = { selection: { kind: 'innovation' as const, id: 'i1' }, selectedPosition: [2, 46] as [number, number] };
    expect(mapModel(input({ ...chosen, selectionOrigin: 'interface' })).camera)
      .toEqual({ key: 'innovation:i1', target: { kind: 'fly', center: [2, 46], minZoom: INNOVATION_ZOOM } });
    // On screen already, it may end up under a phone's detail sheet: the controller moves only then.
    expect(mapModel(input({ ...chosen, selectionOrigin: 'carte', view: { center: [1, 1], zoom: 5 } })).camera)
      .toEqual({ key: 'innovation:i1', target: { kind: 'reveal', center: [2, 46] } });
    expect(mapModel(input({ selection: chosen.selection })).camera.key).toBe('nationale');
  });

  it('keeps an opened stop in view', () => {
    expect(mapModel(input({ selection: { kind: 'etape', id: 'b' }, view: { center: [1, 1], zoom: 5 } })).camera)
      .toEqual({ key: 'etape:b', target: { kind: 'reveal', center: [2, 45] } });
  });

  it('frames a selected department, and an overseas one by its whole inset frame', () => {
    expect(mapModel(input({ selection: { kind: 'departement', id: '02' } })).camera)
      .toEqual({ key: 'departement:02', target: { kind: 'fit', bounds: [[3, 49], [4, 50]] } });
    const [w, s, e, n] = insetFrameBounds('974')!;
    expect(mapModel(input({ selection: { kind: 'departement', id: '974' } })).camera.target).toEqual({ kind: 'fit', bounds: [[w, s], [e, n]] });
  });

  it('frames the department or the region the filters keep, and leaves the view alone without them', () => {
    const regions = new Map([['02', '32'], ['35', '53'], ['974', '04']]);
    const view = { center: [1, 1] as [number, number], zoom: 5 };
    expect(mapModel(input({ view, departementRegions: regions, territory: { region: null, departement: '35' } })).camera)
      .toEqual({ key: 'territoire:35', target: { kind: 'fit', bounds: [[-2, 47], [-1, 48]] } });
    const both = new Map([['02', '32'], ['35', '32']]);
    expect(mapModel(input({ view, departementRegions: both, territory: { region: '32', departement: null } })).camera.target)
      .toEqual({ kind: 'fit', bounds: [[-2, 47], [4, 50]] });
    expect(mapModel(input({ view, departementRegions: regions, territory: { region: null, departement: null } })).camera.key).toBe('vue:5/1/1');
    // A selection comes first.
    expect(mapModel(input({ view, territory: { region: null, departement: '35' }, selection: { kind: 'departement', id: '02' } })).camera.key).toBe('departement:02');
  });

  it('hides the tour\'s legs, not its stops, when the route is switched off', () => {
    const model = mapModel(input({ showRoute: false }));
    expect(model.route).toEqual([]);
    expect(model.stops).toHaveLength(3);
  });

  it('places each stop\'s badge clear of the clusters around it', () => {
    // A big cluster right above stop "a" (at [1, 45]): the badge goes elsewhere, off the circle.
    const zoom = 7;
    const [ax, ay] = worldPixel([1, 45], zoom);
    const above: ClusterAnswer = {
      generation: 2, frame: { bbox: [0, 40, 10, 50], zoom },
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 45.12] }, properties: { cluster: true, cluster_id: 9, point_count: 300, point_count_abbreviated: 300 } }],
    };
    const [cx, cy] = worldPixel([1, 45.12], zoom);
    const stop = mapModel(input({ clusters: above })).stops.find((s) => s.id === 'a')!;
    expect(stop.offset).not.toEqual(DEFAULT_OFFSET);
    const [dx, dy] = stop.offset!;
    const nearestX = Math.max(ax + dx - BADGE_WIDTH / 2, Math.min(cx, ax + dx + BADGE_WIDTH / 2));
    const nearestY = Math.max(ay + dy - BADGE_HEIGHT / 2, Math.min(cy, ay + dy + BADGE_HEIGHT / 2));
    expect(Math.hypot(nearestX - cx, nearestY - cy)).toBeGreaterThan(23);
  });

  it('keeps the view of a link, and the national view without one', () => {
    expect(mapModel(input({ view: { center: [2.35, 48.85], zoom: 8 } })).camera.target).toEqual({ kind: 'jump', center: [2.35, 48.85], zoom: 8 });
    expect(mapModel(input()).camera.target.kind).toBe('fit');
  });

  it('rings the hovered and the selected innovation', () => {
    expect(mapModel(input({ hoveredPosition: [1, 2], selectedPosition: [3, 4] })).focus).toEqual([[1, 2], [3, 4]]);
  });
});

describe('diffMapModel', () => {
  it('draws everything on an empty map, points first and shades next', () => {
    const ops = diffMapModel(null, mapModel(input())).map((o) => o.op);
    expect(ops).toEqual(['points', 'shades', 'addStop', 'addStop', 'addStop', 'route', 'focus', 'camera']);
  });

  it('does nothing when nothing changed, even for a model computed anew', () => {
    expect(diffMapModel(mapModel(input()), mapModel(input()))).toEqual([]);
  });

  it('sends new points only when the worker sent new clusters, and only the shades that changed', () => {
    const before = mapModel(input());
    const after = mapModel(input({ clusters: { ...CLUSTERS, generation: 2 }, countsByDepartement: new Map([['02', 4], ['35', 1]]), legendClasses: legendClasses([4, 1]) }));
    const ops = diffMapModel(before, after);
    expect(ops.map((o) => o.op)).toEqual(['points', 'shades']);
    const shades = ops[1]!;
    expect(shades.op === 'shades' && shades.changes.map((c) => c.code)).toEqual(['35']);
  });

  it('adds and removes stop markers, and updates the one whose selection changed', () => {
    const before = mapModel(input({ selection: { kind: 'etape', id: 'a' } }));
    const after = mapModel(input({ visibleEtapes: [ETAPES[1]!, ETAPES[2]!] }));
    const ops = diffMapModel(before, after);
    expect(ops).toContainEqual({ op: 'removeStop', id: 'c' });
    expect(ops).toContainEqual(expect.objectContaining({ op: 'updateStop', stop: expect.objectContaining({ id: 'a', active: false }), returnFocus: true }));
    expect(ops.map((o) => o.op)).toContain('route');
  });

  it('gives focus back to a stop marker only when its dialog closed with nothing else chosen', () => {
    const open = mapModel(input({ selection: { kind: 'etape', id: 'a' } }));
    const other = diffMapModel(open, mapModel(input({ selection: { kind: 'innovation', id: 'i1' } })));
    expect(other).toContainEqual(expect.objectContaining({ op: 'updateStop', returnFocus: false }));
  });

  it('moves the camera only when its key changes', () => {
    const a = mapModel(input({ view: { center: [1, 1], zoom: 5 } }));
    expect(diffMapModel(a, mapModel(input({ view: { center: [1, 1], zoom: 5 } })))).toEqual([]);
    expect(diffMapModel(a, mapModel(input({ view: { center: [1, 2], zoom: 5 } })))).toEqual([
      { op: 'camera', camera: { key: 'vue:5/2/1', target: { kind: 'jump', center: [1, 2], zoom: 5 } } },
    ]);
  });

  it('turns picking on and off with one operation each way, and only then', () => {
    const picking = mapModel(input({ picking: true }));
    expect(picking.picking).toBe(true);
    expect(diffMapModel(mapModel(input()), picking)).toEqual([{ op: 'picking', on: true }]);
    expect(diffMapModel(picking, mapModel(input()))).toEqual([{ op: 'picking', on: false }]);
    expect(diffMapModel(null, mapModel(input())).some((op) => op.op === 'picking')).toBe(false);
  });

  it('switches the selected department outline from the old one to the new one', () => {
    const ops = diffMapModel(mapModel(input({ selection: { kind: 'departement', id: '02' } })), mapModel(input({ selection: { kind: 'departement', id: '35' } })));
    expect(ops).toContainEqual({ op: 'selectDepartement', previous: '02', next: '35' });
  });
});

describe('density view', () => {
  it('hands the clusters to the heatmap instead of the points layer', () => {
    const model = mapModel(input({ display: 'densite' }));
    expect(model.points).toBeNull();
    expect(model.density).toBe(CLUSTERS);
    expect(mapModel(input()).density).toBeNull();
  });

  it('switches between points and density with one operation each way, and re-sends heat only for new clusters', () => {
    const points = mapModel(input());
    const density = mapModel(input({ display: 'densite' }));
    expect(diffMapModel(points, density).map((o) => o.op)).toEqual(['points', 'density']);
    expect(diffMapModel(density, points)).toEqual([{ op: 'points', points: CLUSTERS }, { op: 'density', points: null }]);
    const next = mapModel(input({ display: 'densite', clusters: { ...CLUSTERS, generation: 2 } }));
    expect(diffMapModel(density, next).map((o) => o.op)).toEqual(['density']);
    // With points, the heatmap costs nothing: no density operation at all.
    expect(diffMapModel(points, mapModel(input({ clusters: { ...CLUSTERS, generation: 2 } }))).map((o) => o.op)).toEqual(['points']);
  });
});

describe('tour replayed', () => {
  it('shows the first stops in date order whatever the filters, the last one current', () => {
    const model = mapModel(input({ visibleEtapes: [], tour: { step: 2 } }));
    expect(model.stops.map((s) => [s.id, s.rank, s.current ?? false])).toEqual([['a', 1, false], ['b', 2, true]]);
    expect(model.route).toEqual([2]);
    expect(mapModel(input({ tour: { step: 3 } })).stops).toHaveLength(3);
  });

  it('follows the leg just travelled, without animation for people who asked for less motion', () => {
    expect(mapModel(input({ tour: { step: 2 } })).camera).toEqual({
      key: 'tournee:2', target: { kind: 'follow', bounds: [[1, 45], [2, 45]], maxZoom: TOUR_MAX_ZOOM, animate: true },
    });
    expect(mapModel(input({ tour: { step: 1 }, reducedMotion: true })).camera.target).toEqual({ kind: 'follow', bounds: [[1, 45], [1, 45]], maxZoom: TOUR_MAX_ZOOM, animate: false });
  });

  it('gives way to a department chosen during the replay', () => {
    expect(mapModel(input({ tour: { step: 2 }, selection: { kind: 'departement', id: '35' } })).camera.key).toBe('departement:35');
  });

  it('moves one step with one stop added, the current mark moved and the camera', () => {
    const ops = diffMapModel(mapModel(input({ tour: { step: 1 } })), mapModel(input({ tour: { step: 2 } })));
    expect(ops.map((o) => o.op)).toEqual(['updateStop', 'addStop', 'route', 'camera']);
  });
});
