/**
 * What the map shows, as a pure value computed from the app state (Placemark's "intermediate
 * representation"): clusters and points of the view, department shades, stops, route legs,
 * selection, focus rings and where the camera should go. No MapLibre here: unit-tested in Node,
 * and turned into operations by diffMapModel (diff.ts).
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { EditionChoice, EtapeFeature, Wording } from '../domain/types';
import { classForCount, type LegendClass } from '../domain/legend';
import { etapeAccessibleName } from '../domain/presentation';
import { etapesInDateOrder, etapesOfEdition } from '../domain/route';
import { insetFrameBounds, NATIONAL_VIEW_BOUNDS } from '../domain/insets';
import type { ClusterAnswer } from '../points/protocol';

import type { Bounds } from './geometry';
import { circlesOf, DEFAULT_OFFSET, placeBadges, worldPixel } from './stopPlacement';

export type { Bounds };

/** Zoom above which innovations are never clustered (the points worker's setting). */
export { CLUSTER_MAX_ZOOM } from '../points/engine';
import { CLUSTER_MAX_ZOOM } from '../points/engine';

/** Zoom at which a selected innovation is shown: past clustering, so the point itself is visible. */
export const INNOVATION_ZOOM = CLUSTER_MAX_ZOOM + 1;

export const NATIONAL_BOUNDS: Bounds = [
  [NATIONAL_VIEW_BOUNDS[0], NATIONAL_VIEW_BOUNDS[1]],
  [NATIONAL_VIEW_BOUNDS[2], NATIONAL_VIEW_BOUNDS[3]],
];

/** Shade of one department: its count and the legend class it falls in. */
export interface Shade {
  count: number;
  teinte: number;
}

export interface StopModel {
  id: string;
  /** Rank in the tour (date order), as the badge shows it. */
  rank: number;
  lngLat: [number, number];
  /** Accessible name, holding the rank (WCAG 2.5.3). */
  name: string;
  /**
   * Where the badge is drawn from the stop (CSS px), clear of clusters, points and other badges;
   * set by mapModel (placeBadges).
   */
  offset?: [number, number];
  active: boolean;
  /** The stop the replayed tour has just reached (present only during a replay). */
  current?: true;
}

export type CameraTarget =
  | { kind: 'fit'; bounds: Bounds }
  | { kind: 'fly'; center: [number, number]; minZoom: number }
  /** Bring a point into the part of the map in view (not under a sheet), moving only if needed. */
  | { kind: 'reveal'; center: [number, number] }
  | { kind: 'jump'; center: [number, number]; zoom: number }
  /** The replayed tour: the leg just travelled in view; `animate` false for people who asked for less motion. */
  | { kind: 'follow'; bounds: Bounds; maxZoom: number; animate: boolean };

/** How innovations are drawn: clusters and points, or a density heatmap over the choropleth. */
export type MapDisplay = 'grappes' | 'densite';

/** Zoom the replayed tour never goes past: a stop's surroundings stay in view. */
export const TOUR_MAX_ZOOM = 7;

/** Where the camera should be; a new `key` means "go there now". */
export interface CameraRequest {
  key: string;
  target: CameraTarget;
}

export interface MapModel {
  /** Clusters and points of the view, as the points worker gave them (compared by reference); null in the density view. */
  points: ClusterAnswer | null;
  /** The same clusters for the density heatmap; null unless the density view is chosen. */
  density: ClusterAnswer | null;
  /** Shade of every department code, zeros included. */
  shades: ReadonlyMap<string, Shade>;
  selectedDepartement: string | null;
  /** Whether anything is selected (a closed stop dialog gives focus back to its marker only when nothing is). */
  hasSelection: boolean;
  /** Stops shown, in date order. */
  stops: readonly StopModel[];
  /**
   * Legs of the tour shown, by the rank of the stop they lead to: only between consecutive stops
   * that are both shown. The map holds every leg (routeLegs) and shows these.
   */
  route: readonly number[];
  /** Rings around the innovations hovered in the list and selected (display positions). */
  focus: readonly [number, number][];
  camera: CameraRequest;
  /** A click gives a position (the proposal form places its innovation) instead of selecting. */
  picking: boolean;
}

/** The state the model is computed from (MapView gathers it from the store and the rows loaded). */
export interface MapModelInput {
  /** Every department code of the map. */
  departementCodes: readonly string[];
  departementBounds: ReadonlyMap<string, Bounds>;
  departementNoms: ReadonlyMap<string, string>;
  /** Every stop of every edition of the tour (the legs the map holds are counted over all of them). */
  etapes: readonly EtapeFeature[];
  /**
   * The edition shown: only its stops, numbered from 1 in date order (absent, null or 'toutes':
   * every edition, numbered in date order across them). Legs never join two editions.
   */
  edition?: EditionChoice | null;
  /** The stops the filters show. */
  visibleEtapes: readonly EtapeFeature[];
  clusters: ClusterAnswer | null;
  countsByDepartement: ReadonlyMap<string, number>;
  legendClasses: readonly LegendClass[];
  selection: { kind: 'departement' | 'innovation' | 'etape'; id: string } | null;
  selectionOrigin: 'carte' | 'interface';
  /** Display position of the selected innovation, once its row is loaded. */
  selectedPosition: [number, number] | null;
  /** Display position of the innovation hovered in the list. */
  hoveredPosition: [number, number] | null;
  view: { center: [number, number]; zoom: number } | null;
  /** The territory the filters keep: the map frames the department, or the region's departments. */
  territory?: { region: string | null; departement: string | null } | null;
  /** Region code of each department code, to frame a region. */
  departementRegions?: ReadonlyMap<string, string>;
  /** Whether the tour's legs are drawn (default true); the stops stay. */
  showRoute?: boolean;
  /** Clusters and points (default), or density. */
  display?: MapDisplay;
  /** The tour being replayed: the number of stops reached so far, in date order. */
  tour?: { step: number } | null;
  /** The user asked for less motion (prefers-reduced-motion): the camera jumps. */
  reducedMotion?: boolean;
  /** The proposal form waits for a place clicked on the map. */
  picking?: boolean;
  /** The interface's words: the stops' accessible names speak its language. */
  w: Wording;
}

function shadesOf(input: MapModelInput): Map<string, Shade> {
  const shades = new Map<string, Shade>();
  for (const code of input.departementCodes) {
    const count = input.countsByDepartement.get(code) ?? 0;
    shades.set(code, { count, teinte: classForCount(count, input.legendClasses).teinte });
  }
  return shades;
}

/**
 * Stops shown: those the filters show, or, while the tour is replayed, the first `step` stops in
 * date order whatever the filters (the tour is the tour), the last of them marked current.
 */
function stopsOf(input: MapModelInput): StopModel[] {
  const tour = input.tour ?? null;
  const visible = new Set(input.visibleEtapes.map((e) => e.properties.id));
  const activeId = input.selection?.kind === 'etape' ? input.selection.id : null;
  return etapesInDateOrder(etapesOfEdition(input.etapes, input.edition ?? null)).flatMap((etape, index): StopModel[] => {
    const { id, departement } = etape.properties;
    const rank = index + 1;
    if (tour ? rank > tour.step : !visible.has(id)) return [];
    const name = etapeAccessibleName(etape.properties, input.departementNoms.get(departement) ?? departement, rank, input.w);
    const stop: StopModel = { id, rank, lngLat: etape.geometry.coordinates as [number, number], name, active: id === activeId };
    if (tour && rank === tour.step) stop.current = true;
    return [stop];
  });
}

/** The replay's camera: the leg that leads to the current stop (or the first stop alone) in view. */
function tourCamera(stops: readonly StopModel[], step: number, animate: boolean): CameraRequest | null {
  const current = stops.find((s) => s.rank === step);
  if (!current) return null;
  const previous = stops.find((s) => s.rank === step - 1) ?? current;
  const [a, b] = [previous.lngLat, current.lngLat];
  const bounds: Bounds = [[Math.min(a[0], b[0]), Math.min(a[1], b[1])], [Math.max(a[0], b[0]), Math.max(a[1], b[1])]];
  return { key: `tournee:${step}`, target: { kind: 'follow', bounds, maxZoom: TOUR_MAX_ZOOM, animate } };
}

/**
 * Legs of the tour in date order, only between stops that follow each other in the tour of their
 * edition and are both shown: hiding a stop by a filter never draws a leg the tour did not take,
 * and one edition's last stop never leads to the next edition's first. A leg is keyed by the rank
 * of the stop it leads to among all the stops given (every edition), so the keys stay the same
 * whichever edition is shown.
 */
export function routeLegs(etapes: readonly EtapeFeature[], visibleIds: ReadonlySet<string>): FeatureCollection<LineString, { etape: number }> {
  const ordered = etapesInDateOrder(etapes);
  const previousOfEdition = new Map<number, EtapeFeature>();
  const features = ordered.flatMap((to, k) => {
    const from = previousOfEdition.get(to.properties.edition);
    previousOfEdition.set(to.properties.edition, to);
    if (!from || !visibleIds.has(from.properties.id) || !visibleIds.has(to.properties.id)) return [];
    return [{
      type: 'Feature' as const,
      properties: { etape: k + 1 },
      geometry: { type: 'LineString' as const, coordinates: [from.geometry.coordinates, to.geometry.coordinates] },
    }];
  });
  return { type: 'FeatureCollection', features };
}

function viewKey(view: { center: [number, number]; zoom: number }): string {
  return `vue:${view.zoom}/${view.center[1]}/${view.center[0]}`;
}

function cameraOf(input: MapModelInput, stops: readonly StopModel[]): CameraRequest {
  const { selection, selectionOrigin } = input;
  if (selection?.kind === 'departement') {
    const bounds = departementFrame(input, selection.id);
    if (bounds) return { key: `departement:${selection.id}`, target: { kind: 'fit', bounds } };
  }
  // A point clicked on the map is on screen already: the camera stays.
  if (selection?.kind === 'innovation' && selectionOrigin === 'interface' && input.selectedPosition) {
    return { key: `innovation:${selection.id}`, target: { kind: 'fly', center: input.selectedPosition, minZoom: INNOVATION_ZOOM } };
  }
  const tour = input.tour ? tourCamera(stops, input.tour.step, !input.reducedMotion) : null;
  if (tour) return tour;
  const chosen = choiceCamera(input);
  if (chosen) return chosen;
  if (input.view) return { key: viewKey(input.view), target: { kind: 'jump', center: input.view.center, zoom: input.view.zoom } };
  return { key: 'nationale', target: { kind: 'fit', bounds: NATIONAL_BOUNDS } };
}

/** What frames a department: its inset's whole frame overseas (clickable as a whole), else its box. */
function departementFrame(input: MapModelInput, code: string): Bounds | undefined {
  const frame = insetFrameBounds(code);
  if (frame) return [[frame[0], frame[1]], [frame[2], frame[3]]];
  return input.departementBounds.get(code);
}

/** The box around the departments of a region. */
function regionFrame(input: MapModelInput, region: string): Bounds | undefined {
  let box: Bounds | undefined;
  for (const [code, of] of input.departementRegions ?? []) {
    if (of !== region) continue;
    const b = departementFrame(input, code);
    if (!b) continue;
    box = box ? [[Math.min(box[0][0], b[0][0]), Math.min(box[0][1], b[0][1])], [Math.max(box[1][0], b[1][0]), Math.max(box[1][1], b[1][1])]] : b;
  }
  return box;
}

/**
 * The camera asked by what was chosen, before the view kept in the URL: a stop opened (into view),
 * an innovation clicked on the map (into the part of the map in view), the filters' territory
 * (framed).
 */
function choiceCamera(input: MapModelInput): CameraRequest | null {
  const { selection } = input;
  if (selection?.kind === 'etape') {
    const etape = input.etapes.find((e) => e.properties.id === selection.id);
    if (etape) return { key: `etape:${selection.id}`, target: { kind: 'reveal', center: etape.geometry.coordinates as [number, number] } };
  }
  if (selection?.kind === 'innovation' && input.selectedPosition) {
    return { key: `innovation:${selection.id}`, target: { kind: 'reveal', center: input.selectedPosition } };
  }
  const territory = input.territory;
  if (territory?.departement) {
    const bounds = departementFrame(input, territory.departement);
    if (bounds) return { key: `territoire:${territory.departement}`, target: { kind: 'fit', bounds } };
  }
  if (territory?.region) {
    const bounds = regionFrame(input, territory.region);
    if (bounds) return { key: `territoire:${territory.region}`, target: { kind: 'fit', bounds } };
  }
  return null;
}

/**
 * The stops with their badges placed clear of the clusters and points of the view (at the zoom
 * the clusters were made for), in tour order; just above their stop until the clusters come.
 */
function placeStops(stops: StopModel[], clusters: MapModelInput['clusters']): StopModel[] {
  if (!clusters) return stops.map((s) => ({ ...s, offset: DEFAULT_OFFSET }));
  const zoom = clusters.frame.zoom;
  const anchors = stops.map((s) => {
    const [x, y] = worldPixel(s.lngLat, zoom);
    return { id: s.id, x, y };
  });
  const offsets = placeBadges(anchors, circlesOf(clusters.features, zoom));
  return stops.map((s) => ({ ...s, offset: offsets.get(s.id) ?? DEFAULT_OFFSET }));
}

/** The map model of one state. Pure; does not mutate its input. */
export function mapModel(input: MapModelInput): MapModel {
  const stops = placeStops(stopsOf(input), input.clusters);
  const density = input.display === 'densite';
  return {
    points: density ? null : input.clusters,
    density: density ? input.clusters : null,
    shades: shadesOf(input),
    selectedDepartement: input.selection?.kind === 'departement' ? input.selection.id : null,
    hasSelection: input.selection !== null,
    stops,
    route: input.showRoute === false ? [] : routeLegs(input.etapes, new Set(stops.map((s) => s.id))).features.map((f) => f.properties.etape),
    focus: [input.hoveredPosition, input.selectedPosition].filter((p): p is [number, number] => p !== null),
    camera: cameraOf(input, stops),
    picking: input.picking === true,
  };
}
