/**
 * Source and layer ids of the map. Layer ids carry their source as prefix, so a hit test or a
 * feature-state call always names the right source.
 */
export const SOURCE = Object.freeze({
  pays: 'pays',
  departements: 'departements',
  encarts: 'encarts',
  parcours: 'parcours',
});

export const LAYER = Object.freeze({
  fond: 'fond',
  paysFill: 'pays-fill',
  paysLine: 'pays-line',
  encartsFill: 'encarts-fill',
  departementsFill: 'departements-fill',
  departementsLine: 'departements-line',
  departementsHighlight: 'departements-highlight',
  encartsLine: 'encarts-line',
  parcoursLine: 'parcours-line',
  departementsLabel: 'departements-label',
  encartsNomsLabel: 'encarts-noms',
  /** The custom layer of clusters, points and focus rings (src/map/pointsLayer.ts): no source. */
  innovations: 'innovations',
});

/** Style layers that react to a click (the innovations layer is hit-tested on its own, first). */
export const CLICKABLE_LAYERS: readonly string[] = Object.freeze([LAYER.departementsFill]);
