/**
 * Colour tokens of the map, in one typed object so the style, the legend and the markers agree.
 * Pure data: imported by the style builder and by React components (legend swatches).
 */
export interface MapTokens {
  mer: string;
  pays: string;
  paysContour: string;
  /** Department with no matching innovation: neutral, so "none" never reads as "a few". */
  choroplethZero: string;
  /** Sequential shades for classes 1…n, lightest first (see src/domain/legend.ts). */
  choropleth: readonly string[];
  departementContour: string;
  departementSurvol: string;
  selection: string;
  encartFond: string;
  encartContour: string;
  texte: string;
  halo: string;
  parcours: string;
  grappe: string;
  grappeTexte: string;
  innovationSansTheme: string;
  innovationContour: string;
  focus: string;
  /** Laureates of the Trophées: a gold ring with a dark edge around their point. */
  laureat: string;
  laureatContour: string;
  /** Borders between regions, darker than the departments'. */
  regionContour: string;
  /** Main places once zoomed in: white dots outlined, names in the text colour. */
  lieu: string;
  lieuContour: string;
  /**
   * Density view: colours from the faintest to the densest, drawn over the choropleth. Blues, so
   * they never read as the choropleth's yellows and oranges beneath.
   */
  densite: readonly string[];
}

export const DEFAULT_TOKENS: MapTokens = Object.freeze({
  mer: '#d4e4ee',
  pays: '#eeeeec',
  paysContour: '#c4c4c0',
  choroplethZero: '#f6f5f2',
  choropleth: Object.freeze(['#fff1b8', '#fed976', '#feb24c', '#f98c2f', '#d95f0e']),
  departementContour: '#8c8177',
  departementSurvol: '#3b3b3b',
  selection: '#111111',
  encartFond: '#dde9f1',
  encartContour: '#5f6b73',
  texte: '#2b2b2b',
  halo: '#ffffff',
  parcours: '#5b2a86',
  grappe: '#37474f',
  grappeTexte: '#ffffff',
  innovationSansTheme: '#777777',
  innovationContour: '#ffffff',
  focus: '#111111',
  laureat: '#f2c12e',
  laureatContour: '#4a3800',
  regionContour: '#4d4640',
  lieu: '#ffffff',
  lieuContour: '#3b3b3b',
  densite: Object.freeze(['#c6dbef', '#6baed6', '#2171b5', '#08519c', '#08306b']),
});

/** Colour of a choropleth shade (0 = zero class, 1…n = classes). */
export function shadeColour(tokens: MapTokens, teinte: number): string {
  if (teinte <= 0) return tokens.choroplethZero;
  return tokens.choropleth[Math.min(teinte, tokens.choropleth.length) - 1] ?? tokens.choroplethZero;
}
