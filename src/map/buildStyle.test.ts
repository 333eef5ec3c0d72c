import { describe, expect, it } from 'vitest';
import { expression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { buildStyle, choroplethColour, EMPTY_COLLECTION, INSET_SHORT_NAMES, INSET_TINY_NAMES, insetShortName, type StyleData } from './buildStyle';
import { CLICKABLE_LAYERS, LAYER, SOURCE } from './ids';
import { DEFAULT_TOKENS } from './tokens';

const departements: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '02', nom: 'Aisne', role: 'zone' }, geometry: { type: 'Polygon', coordinates: [[[3, 49], [4, 49], [4, 50], [3, 49]]] } },
    { type: 'Feature', properties: { code: '02', nom: 'Aisne', role: 'etiquette' }, geometry: { type: 'Point', coordinates: [3.6, 49.5] } },
  ],
};
const data: StyleData = Object.freeze({
  pays: EMPTY_COLLECTION, departements, encarts: EMPTY_COLLECTION,
  parcours: EMPTY_COLLECTION,
});

describe('buildStyle', () => {
  const style = buildStyle(DEFAULT_TOKENS, data);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('needs nothing from outside the page: no glyphs, no sprite, no URL anywhere', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|mapbox:|\/\//);
  });

  it('writes every text with a generic local font', () => {
    const fonts = style.layers.flatMap((l) => (l.type === 'symbol' ? [l.layout?.['text-font']] : []));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toEqual(['sans-serif']);
  });

  it('keys department feature-state by INSEE code and leaves innovations to their own layer', () => {
    expect(style.sources[SOURCE.departements]).toMatchObject({ type: 'geojson', promoteId: 'code' });
    // Clusters and points are drawn by the custom layer, added over the style once it is loaded.
    expect(style.layers.map((l) => l.id)).not.toContain(LAYER.innovations);
  });

  it('prefixes every layer id with its source id', () => {
    for (const layer of style.layers) {
      if (layer.type === 'background') continue;
      expect(layer.id.startsWith(`${layer.source}-`), layer.id).toBe(true);
    }
  });

  it('has unique layer ids and every clickable layer exists', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of CLICKABLE_LAYERS) expect(ids).toContain(id);
  });

  it('draws territory names above department labels', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.encartsNomsLabel)).toBeGreaterThan(ids.indexOf(LAYER.departementsLabel));
  });

  it('does not mutate the data or tokens it is given', () => {
    const frozenTokens = Object.freeze({ ...DEFAULT_TOKENS });
    expect(() => buildStyle(frozenTokens, data)).not.toThrow();
    expect(departements.features).toHaveLength(2);
  });
});

describe('choroplethColour', () => {
  it('maps shade 0 to the zero colour and each class shade to its own colour', () => {
    const expr: unknown[] = choroplethColour(DEFAULT_TOKENS);
    expect(expr[0]).toBe('match');
    expect(expr[expr.length - 1]).toBe(DEFAULT_TOKENS.choroplethZero);
    for (const [i, colour] of DEFAULT_TOKENS.choropleth.entries()) {
      expect(expr[expr.indexOf(i + 1) + 1]).toBe(colour);
    }
  });
});

describe('insetShortName', () => {
  const compiled = expression.createExpression(insetShortName(), { type: 'string' } as never);
  const nameOf = (properties: { code: string; nom: string }): unknown => {
    if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
    return compiled.value.evaluate({ zoom: 2 }, { type: 'Point', properties } as never);
  };

  it('gives a listed territory its short name and keeps the full name of the others', () => {
    expect(nameOf({ code: '974', nom: 'La Réunion' })).toBe(INSET_SHORT_NAMES['974']);
    expect(nameOf({ code: '971', nom: 'Guadeloupe' })).toBe('Guadeloupe');
  });

  it('keeps every short name within 12 characters, what a phone inset frame holds at 7 px (wrapping at a hyphen)', () => {
    for (const short of Object.values(INSET_SHORT_NAMES)) expect(short.length).toBeLessThanOrEqual(12);
    // The tiniest frames (a phone's national view) hold about nine letters on a line.
    for (const tiny of Object.values(INSET_TINY_NAMES)) for (const line of tiny.split('-')) expect(line.length).toBeLessThanOrEqual(9);
  });
});

describe('density layer', () => {
  const style = buildStyle(DEFAULT_TOKENS, data);
  const ids = style.layers.map((l) => l.id);

  it('is a heatmap over the department shades, under the route and the labels, hidden until chosen', () => {
    const layer = style.layers.find((l) => l.id === LAYER.densiteHeatmap)!;
    expect(layer).toMatchObject({ type: 'heatmap', source: SOURCE.densite, layout: { visibility: 'none' } });
    expect(ids.indexOf(LAYER.densiteHeatmap)).toBeGreaterThan(ids.indexOf(LAYER.departementsFill));
    expect(ids.indexOf(LAYER.densiteHeatmap)).toBeLessThan(ids.indexOf(LAYER.parcoursLine));
    expect(ids.indexOf(LAYER.densiteHeatmap)).toBeLessThan(ids.indexOf(LAYER.departementsLabel));
  });

  it('colours nothing where there is no weight, then the density tokens in order', () => {
    const layer = style.layers.find((l) => l.id === LAYER.densiteHeatmap)!;
    const colour = expression.createExpression((layer.paint as Record<string, unknown>)['heatmap-color'], 'paint.heatmap-color', { type: 'color' } as never);
    if (colour.result !== 'success') throw new Error(JSON.stringify(colour.value));
    const at = (density: number) => colour.value.evaluate({ zoom: 5, heatmapDensity: density } as never) as { r: number; g: number; b: number; a: number };
    const hex = (c: { r: number; g: number; b: number }) => `#${[c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
    expect(at(0).a).toBe(0);
    expect(at(0.03).a).toBe(0);
    expect(hex(at(1))).toBe(DEFAULT_TOKENS.densite.at(-1));
    expect(at(1).a).toBe(1);
  });
});
