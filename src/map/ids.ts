/**
 * Source and layer ids of the map. Layer ids carry their source as prefix, so a hit test or a
 * feature-state call always names the right source.
 */
export const SOURCE = Object.freeze({
  pays: 'pays',
  departements: 'departements',
  encarts: 'encarts',
  parcours: 'parcours',
  /** Context once zoomed in: main places and region borders (contexte.geojson, static). */
  contexte: 'contexte',
  /** Density view: cluster centres of the view weighted by their count (see MapController). */
  densite: 'densite',
});

export const LAYER = Object.freeze({
  fond: 'fond',
  paysFill: 'pays-fill',
  paysLine: 'pays-line',
  encartsFill: 'encarts-fill',
  departementsFill: 'departements-fill',
  departementsLine: 'departements-line',
  departementsHighlight: 'departements-highlight',
  densiteHeatmap: 'densite-heatmap',
  encartsLine: 'encarts-line',
  parcoursLine: 'parcours-line',
  /** An arrowhead in the middle of each leg: the tour's direction. */
  parcoursFleches: 'parcours-fleches',
  contexteRegions: 'contexte-regions',
  contexteLieux: 'contexte-lieux',
  contexteLieuxNoms: 'contexte-lieux-noms',
  departementsLabel: 'departements-label',
  encartsNomsLabel: 'encarts-noms',
  /** The custom layer of clusters, points and focus rings (src/map/pointsLayer.ts): no source. */
  innovations: 'innovations',
});

/**
 * Style layers that react to a click (the innovations layer is hit-tested on its own, first): a
 * department, else the inset frame around it, so each overseas frame is clickable as a whole.
 */
export const CLICKABLE_LAYERS: readonly string[] = Object.freeze([LAYER.departementsFill, LAYER.encartsFill]);
