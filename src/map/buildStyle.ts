/**
 * The map style as data: pure functions from colour tokens and display data to a MapLibre style.
 * No glyphs URL (MapLibre draws text with local fonts), no sprite, no tile server: nothing leaves
 * the page's origin. Interactive state (choropleth shade, hover, selection) is read from
 * feature-state, so filters change colours without re-sending department polygons.
 */
import type {
  ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { LAYER, SOURCE } from './ids';
import type { MapTokens } from './tokens';

/** The display data each source starts with. */
export interface StyleData {
  pays: FeatureCollection;
  departements: FeatureCollection;
  encarts: FeatureCollection;
  encartsNoms: FeatureCollection;
  parcours: FeatureCollection;
  innovations: FeatureCollection;
}

export interface StyleOptions {
  /** Text font stack; a generic CSS family so MapLibre renders it with local fonts. */
  font?: string;
}

/** Zoom below which inset frames are too small for their territory's full name. */
export const INSET_NAME_MIN_ZOOM = 4;

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

/** The short name of an inset territory (see INSET_SHORT_NAMES), read from its `code` and `nom`. */
export function insetShortName(): ExpressionSpecification {
  const pairs = Object.entries(INSET_SHORT_NAMES).flat();
  // The spread hides the fixed arity MapLibre's type wants; validateStyleMin checks it in the tests.
  return ['match', ['get', 'code'], ...pairs, ['get', 'nom']] as unknown as ExpressionSpecification;
}

export const EMPTY_COLLECTION: FeatureCollection = Object.freeze({ type: 'FeatureCollection', features: [] }) as FeatureCollection;

const isZone: FilterSpecification = ['==', ['get', 'role'], 'zone'];
const isEtiquette: FilterSpecification = ['==', ['get', 'role'], 'etiquette'];
const stateFlag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

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
    [SOURCE.encartsNoms]: { type: 'geojson', data: data.encartsNoms },
    [SOURCE.parcours]: { type: 'geojson', data: data.parcours },
    // Already clustered by the points worker for the view: MapLibre only tiles a few hundred features.
    [SOURCE.innovations]: { type: 'geojson', data: data.innovations },
    [SOURCE.innovationFocus]: { type: 'geojson', data: EMPTY_COLLECTION },
  };
}

export function buildLayers(tokens: MapTokens, options: StyleOptions = {}): LayerSpecification[] {
  const font = [options.font ?? 'sans-serif'];
  return [
    { id: LAYER.fond, type: 'background', paint: { 'background-color': tokens.mer } },
    { id: LAYER.paysFill, type: 'fill', source: SOURCE.pays, paint: { 'fill-color': tokens.pays } },
    { id: LAYER.paysLine, type: 'line', source: SOURCE.pays, paint: { 'line-color': tokens.paysContour, 'line-width': 0.6 } },
    { id: LAYER.encartsFill, type: 'fill', source: SOURCE.encarts, paint: { 'fill-color': tokens.encartFond } },
    {
      id: LAYER.departementsFill, type: 'fill', source: SOURCE.departements, filter: isZone,
      paint: {
        'fill-color': choroplethColour(tokens),
        'fill-opacity': ['case', stateFlag('hover'), 0.75, 1],
      },
    },
    {
      id: LAYER.departementsLine, type: 'line', source: SOURCE.departements, filter: isZone,
      paint: { 'line-color': tokens.departementContour, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2] },
    },
    {
      id: LAYER.departementsHighlight, type: 'line', source: SOURCE.departements, filter: isZone,
      paint: {
        'line-color': ['case', stateFlag('selected'), tokens.selection, tokens.departementSurvol],
        'line-width': ['case', stateFlag('selected'), 3, 1.8],
        'line-opacity': ['case', ['any', stateFlag('selected'), stateFlag('hover')], 1, 0],
      },
    },
    { id: LAYER.encartsLine, type: 'line', source: SOURCE.encarts, paint: { 'line-color': tokens.encartContour, 'line-width': 1 } },
    {
      id: LAYER.parcoursLine, type: 'line', source: SOURCE.parcours,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': tokens.parcours, 'line-width': 2, 'line-opacity': 0.8, 'line-dasharray': [2, 1.5] },
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
      id: LAYER.encartsNomsLabel, type: 'symbol', source: SOURCE.encartsNoms,
      layout: {
        // Frames grow with the zoom, so does their name; below the zoom where a full name fits its
        // frame (phones at national view) the frame shows a short name in a smaller size.
        'text-field': ['step', ['zoom'], insetShortName(), INSET_NAME_MIN_ZOOM, ['get', 'nom']],
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 7, INSET_NAME_MIN_ZOOM, 9, 4.6, 11, 6, 15],
        'text-anchor': 'top-left', 'text-offset': [0.35, 0.3], 'text-allow-overlap': true,
        // A short name may wrap at its hyphen ("N.-" / "Calédonie") rather than spill into the next frame.
        'text-max-width': ['step', ['zoom'], 5.5, INSET_NAME_MIN_ZOOM, 9],
      },
      paint: { 'text-color': tokens.texte, 'text-halo-color': tokens.halo, 'text-halo-width': 1.5 },
    },
    {
      id: LAYER.innovationsClusters, type: 'circle', source: SOURCE.innovations, filter: ['has', 'point_count'],
      paint: {
        'circle-color': tokens.grappe,
        'circle-radius': ['step', ['get', 'point_count'], 11, 10, 14, 50, 18, 200, 23],
        'circle-stroke-color': tokens.innovationContour, 'circle-stroke-width': 1.5, 'circle-opacity': 0.9,
      },
    },
    {
      id: LAYER.innovationsClusterCount, type: 'symbol', source: SOURCE.innovations, filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': font, 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': tokens.grappeTexte },
    },
    {
      id: LAYER.innovationsPoints, type: 'circle', source: SOURCE.innovations, filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['get', 'couleur'],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4.5, 10, 7],
        'circle-stroke-color': tokens.innovationContour, 'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER.innovationFocusRing, type: 'circle', source: SOURCE.innovationFocus,
      paint: { 'circle-radius': 11, 'circle-opacity': 0, 'circle-stroke-color': tokens.focus, 'circle-stroke-width': 3 },
    },
  ];
}

/** The whole style: sources with their starting data, and layers bottom to top. */
export function buildStyle(tokens: MapTokens, data: StyleData, options: StyleOptions = {}): StyleSpecification {
  return { version: 8, name: 'Cartographie TIC des territoires', sources: buildSources(data), layers: buildLayers(tokens, options) };
}
