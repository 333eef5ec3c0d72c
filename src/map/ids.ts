/**
 * Source and layer ids of the map. Layer ids carry their source as prefix, so a hit test or a
 * feature-state call always names the right source.
 */
export const SOURCE = Object.freeze({
  pays: 'pays',
  departements: 'departements',
  encarts: 'encarts',
  encartsNoms: 'encarts-noms',
  parcours: 'parcours',
  innovations: 'innovations',
  innovationFocus: 'innovation-focus',
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
  encartsNomsLabel: 'encarts-noms-label',
  innovationsClusters: 'innovations-clusters',
  innovationsClusterCount: 'innovations-cluster-count',
  innovationsPoints: 'innovations-points',
  innovationFocusRing: 'innovation-focus-ring',
});

/** Layers that react to a click, top-most first: the first hit wins. */
export const CLICKABLE_LAYERS: readonly string[] = Object.freeze([
  LAYER.innovationsClusters,
  LAYER.innovationsPoints,
  LAYER.departementsFill,
]);
