/**
 * The map style as data: pure functions from colour tokens and display data to a MapLibre style.
 * No glyphs URL (MapLibre draws text with local fonts), no sprite, no tile server: nothing leaves
 * the page's origin. The choropleth shade is read from feature-state, so filters change colours
 * without re-sending department polygons. Innovations are not in the style: a custom layer draws
 * them (src/map/pointsLayer.ts) on top of it.
 */
import type {
  ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { LAYER, SOURCE } from './ids';
import type { MapTokens } from './tokens';

/**
 * What each source starts with: the outlines as URLs of the data folder (MapLibre's worker fetches
 * and tiles them, the page never parses them), the inset frames and their names inline (a few
 * features computed by domain code), the route empty until the stops are loaded.
 */
export interface StyleData {
  pays: string | FeatureCollection;
  departements: string | FeatureCollection;
  /** Inset frames (polygons) and, as points, the corner where each frame's name is written. */
  encarts: FeatureCollection;
  parcours: FeatureCollection;
  /** Main places and region borders (contexte.geojson); none when absent. */
  contexte?: string | FeatureCollection;
  /** Density view's points; empty (and the layer hidden) until the view is chosen. */
  densite?: FeatureCollection;
}

export interface StyleOptions {
  /** Text font stack; a generic CSS family so MapLibre renders it with local fonts. */
  font?: string;
}

/** Zoom below which inset frames are too small for their territory's full name. */
export const INSET_NAME_MIN_ZOOM = 5.6;

/**
 * Names that fit a small inset frame (a phone at national view), by INSEE code; a territory not
 * listed keeps its full name. The full name shows from INSET_NAME_MIN_ZOOM.
 */
export const INSET_SHORT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '974': 'Réunion',
  '975': 'St-Pierre',
  '977': 'St-Barth.',
  '978': 'St-Martin',
  '986': 'Wallis',
  '987': 'Polynésie',
  '988': 'N.-Calédonie',
});

/** Zoom below which inset frames (a phone's national view, about 33 px wide) take the tiniest names. */
export const INSET_TINY_NAME_MAX_ZOOM = 4.3;

/** Names that fit the smallest frames: the short names, and the two long ones cut. */
export const INSET_TINY_NAMES: Readonly<Record<string, string>> = Object.freeze({
  ...INSET_SHORT_NAMES,
  '971': 'Guadel.',
  '972': 'Martiniq.',
});

/** The short name of an inset territory (see INSET_SHORT_NAMES), read from its `code` and `nom`. */
export function insetShortName(names: Readonly<Record<string, string>> = INSET_SHORT_NAMES): ExpressionSpecification {
  const pairs = Object.entries(names).flat();
  // The spread hides the fixed arity MapLibre's type wants; validateStyleMin checks it in the tests.
  return ['match', ['get', 'code'], ...pairs, ['get', 'nom']] as unknown as ExpressionSpecification;
}

export const EMPTY_COLLECTION: FeatureCollection = Object.freeze({ type: 'FeatureCollection', features: [] }) as FeatureCollection;

const isZone: FilterSpecification = ['==', ['get', 'role'], 'zone'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const isArea: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
const stateFlag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];
const isEtiquette: FilterSpecification = ['==', ['get', 'role'], 'etiquette'];
/** A main place from the zoom the data build gave it. */
const isPlaceShown: FilterSpecification = ['all', ['==', ['get', 'role'], 'lieu'], ['>=', ['zoom'], ['get', 'zoom']]];

/** Fill colour from the `teinte` feature-state (0 = zero class, 1…n = legend classes). */
export function choroplethColour(tokens: MapTokens): ExpressionSpecification {
  const stops = tokens.choropleth.flatMap((colour, i) => [i + 1, colour]);
  // The spread hides the fixed arity MapLibre's type wants; validateStyleMin checks it in the tests.
  return ['match', ['to-number', ['coalesce', ['feature-state', 'teinte'], 0]], ...stops, tokens.choroplethZero] as unknown as ExpressionSpecification;
}

export function buildSources(data: StyleData): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCE.pays]: { type: 'geojson', data: data.pays },
    // promoteId: feature-state is keyed by the INSEE code (the zone and its label point share it).
    [SOURCE.departements]: { type: 'geojson', data: data.departements, promoteId: 'code' },
    [SOURCE.encarts]: { type: 'geojson', data: data.encarts },
    // Every leg of the tour once; feature-state `visible` (keyed by the leg's stop rank) shows it.
    [SOURCE.parcours]: { type: 'geojson', data: data.parcours, promoteId: 'etape' },
    [SOURCE.contexte]: { type: 'geojson', data: data.contexte ?? EMPTY_COLLECTION },
    // A few hundred weighted points: tiles up to zoom 3 only (about 1 km of precision, plenty for
    // heat), so France is one or two tiles and new data arrives in one frame, not one per tile.
    [SOURCE.densite]: { type: 'geojson', data: data.densite ?? EMPTY_COLLECTION, maxzoom: 3 },
  };
}

export function buildLayers(tokens: MapTokens, options: StyleOptions = {}): LayerSpecification[] {
  const font = [options.font ?? 'sans-serif'];
  return [
    { id: LAYER.fond, type: 'background', paint: { 'background-color': tokens.mer } },
    // Opaque fills without their antialiasing outline (the line layers draw the edges): every layer
    // costs each frame, and a software renderer (remote desktops, locked-down PCs) feels it.
    { id: LAYER.paysFill, type: 'fill', source: SOURCE.pays, paint: { 'fill-color': tokens.pays, 'fill-antialias': false } },
    { id: LAYER.paysLine, type: 'line', source: SOURCE.pays, paint: { 'line-color': tokens.paysContour, 'line-width': 0.6 } },
    { id: LAYER.encartsFill, type: 'fill', source: SOURCE.encarts, filter: isArea, paint: { 'fill-color': tokens.encartFond, 'fill-antialias': false } },
    {
      id: LAYER.departementsFill, type: 'fill', source: SOURCE.departements, filter: isZone,
      paint: { 'fill-color': choroplethColour(tokens), 'fill-antialias': false },
    },
    {
      id: LAYER.departementsLine, type: 'line', source: SOURCE.departements, filter: isZone,
      paint: { 'line-color': tokens.departementContour, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2] },
    },
    {
      id: LAYER.contexteRegions, type: 'line', source: SOURCE.contexte, filter: ['==', ['get', 'role'], 'limite-region'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': tokens.regionContour, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 9, 2.4] },
    },
    {
      // Selected and hovered outlines by feature-state. Width 0 elsewhere: no pixel to shade, so
      // the layer costs almost nothing when nothing is hovered (an opacity of 0 would shade them all).
      id: LAYER.departementsHighlight, type: 'line', source: SOURCE.departements, filter: isZone,
      paint: {
        'line-color': ['case', stateFlag('selected'), tokens.selection, tokens.departementSurvol],
        'line-width': ['case', stateFlag('selected'), 3, stateFlag('hover'), 1.8, 0],
      },
    },
    { id: LAYER.encartsLine, type: 'line', source: SOURCE.encarts, filter: isArea, paint: { 'line-color': tokens.encartContour, 'line-width': 1 } },
    densityLayer(tokens),
    {
      id: LAYER.parcoursLine, type: 'line', source: SOURCE.parcours,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': tokens.parcours, 'line-width': 2, 'line-dasharray': [2, 1.5],
        'line-opacity': ['case', stateFlag('visible'), 0.8, 0],
      },
    },
    {
      // The direction of each leg: an arrowhead at its middle, turned along it (from one stop to
      // the next). Shown with its leg, by the same feature-state.
      id: LAYER.parcoursFleches, type: 'symbol', source: SOURCE.parcours,
      layout: {
        'symbol-placement': 'line-center',
        'text-field': '▶',
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 9, 8, 14],
        'text-rotation-alignment': 'map',
        'text-keep-upright': false,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': tokens.parcours,
        'text-halo-color': tokens.halo,
        'text-halo-width': 1,
        'text-opacity': ['case', stateFlag('visible'), 0.95, 0],
      },
    },
    {
      // Main places once zoomed in, bigger places from a smaller zoom (their `zoom`, counted by
      // the data build), so a department's view names its towns.
      id: LAYER.contexteLieux, type: 'circle', source: SOURCE.contexte, minzoom: 5.5, filter: isPlaceShown,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 2.2, 10, 3.5],
        'circle-color': tokens.lieu,
        'circle-stroke-color': tokens.lieuContour,
        'circle-stroke-width': 1.2,
      },
    },
    {
      // Under the department names in priority: a place's name gives way to its department's.
      id: LAYER.contexteLieuxNoms, type: 'symbol', source: SOURCE.contexte, minzoom: 5.5, filter: isPlaceShown,
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 10, 10, 13],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.5,
        'text-justify': 'auto',
        'text-max-width': 8,
        'text-padding': 2,
        'symbol-sort-key': ['get', 'rang'],
      },
      paint: { 'text-color': tokens.texte, 'text-halo-color': tokens.halo, 'text-halo-width': 1.4 },
    },
    {
      // Codes at national scale (short, they fit), names once zoomed in; collisions hide the rest.
      id: LAYER.departementsLabel, type: 'symbol', source: SOURCE.departements, filter: isEtiquette,
      layout: {
        'text-field': ['step', ['zoom'], ['get', 'code'], 6, ['get', 'nom']],
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 9, 8, 13],
        'text-max-width': 7,
        'text-padding': 1,
      },
      paint: { 'text-color': tokens.texte, 'text-halo-color': tokens.halo, 'text-halo-width': 1.2 },
    },
    {
      // Placed before department labels (higher layers win collisions): territory names always show.
      id: LAYER.encartsNomsLabel, type: 'symbol', source: SOURCE.encarts, filter: isPoint,
      layout: {
        // Frames grow with the zoom, so does their name; below the zoom where a full name fits its
        // frame (phones at national view) the frame shows a short name in a smaller size.
        'text-field': ['step', ['zoom'], insetShortName(INSET_TINY_NAMES), INSET_TINY_NAME_MAX_ZOOM, insetShortName(), INSET_NAME_MIN_ZOOM, ['get', 'nom']],
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 6, 4.3, 7, 5, 9, INSET_NAME_MIN_ZOOM, 10, 7, 14],
        // Never over another frame's name: a name that would be is left out (a phone's smallest view).
        'text-anchor': 'top-left', 'text-offset': [0.3, 0.25], 'text-allow-overlap': false, 'text-padding': 0,
        // A short name may wrap at its hyphen ("N.-" / "Calédonie") rather than spill into the next frame.
        'text-max-width': ['step', ['zoom'], 5.5, INSET_NAME_MIN_ZOOM, 8],
      },
      paint: { 'text-color': tokens.texte, 'text-halo-color': tokens.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/** Heat is drawn from this weight up: no faint halo spreads over departments with nothing. */
const DENSITY_THRESHOLD = 0.04;

/**
 * The density view: a heatmap of the view's clusters weighted by `poids` (from their share of the
 * biggest cluster in view, so the colours use their whole range at any zoom and data size),
 * translucent over the choropleth, under the route, labels and stops. Hidden until chosen.
 */
export function densityLayer(tokens: MapTokens): LayerSpecification {
  const ramp = tokens.densite.flatMap((colour, i) => [DENSITY_THRESHOLD + ((1 - DENSITY_THRESHOLD) * (i + 1)) / tokens.densite.length, colour]);
  return {
    id: LAYER.densiteHeatmap, type: 'heatmap', source: SOURCE.densite,
    layout: { visibility: 'none' },
    paint: {
      'heatmap-weight': ['to-number', ['get', 'poids'], 0],
      // A lone point of weight 1 reaches a density of about 0.4 per unit of intensity (MapLibre's
      // Gaussian kernel): 2.5 lets the biggest group in view reach the densest colour.
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 3, 2.5, 9, 3],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 3, 14, 6, 28, 10, 44],
      'heatmap-opacity': 0.8,
      // The spread hides the fixed arity MapLibre's type wants; validateStyleMin checks it in the tests.
      'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0, 0, 0, 0)', DENSITY_THRESHOLD, 'rgba(198, 219, 239, 0)', ...ramp] as unknown as ExpressionSpecification,
    },
  };
}

/** The whole style: sources with their starting data, and layers bottom to top. */
export function buildStyle(tokens: MapTokens, data: StyleData, options: StyleOptions = {}): StyleSpecification {
  return { version: 8, name: 'Cartographie TIC des territoires', sources: buildSources(data), layers: buildLayers(tokens, options) };
}
