import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import type { DepartementCollection, EtapeFeature } from '../domain/types';
import { insetFrames } from '../domain/insets';
import { DEFAULT_TOKENS, shadeColour } from '../map/tokens';
import { buildDisplayDepartements } from './boundaries';
import { previewSvg, PREVIEW_HEIGHT, PREVIEW_WIDTH, type PreviewInput } from './previewImage';

const root = path.resolve(__dirname, '../..');
const boundaries = JSON.parse(readFileSync(path.join(root, 'data/departements.geojson'), 'utf8')) as DepartementCollection;
const etape = (id: string, date: string, coordinates: [number, number]): EtapeFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: { id, date, commune: 'X', departement: '02', intitule: '', themes: [], latitude: coordinates[1], longitude: coordinates[0] },
} as unknown as EtapeFeature);

const input: PreviewInput = Object.freeze({
  departements: buildDisplayDepartements(boundaries),
  insets: insetFrames(),
  pays: JSON.parse(readFileSync(path.join(root, 'data/pays.geojson'), 'utf8')),
  etapes: [etape('b', '2009-05-02', [3.6, 49.6]), etape('a', '2009-04-23', [2.3, 48.8])],
  innovationDepartements: ['02', '02', '02', '29', '974'],
  dateDonnees: '2009-12-31',
  exemple: true,
});

describe('previewSvg', () => {
  const svg = previewSvg(input);
  it('is a 1200 × 630 picture with the title, the counts and the data date in French', () => {
    expect(svg).toContain(`width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"`);
    expect(svg).toContain('Cartographie TIC');
    expect(svg).toContain('5 innovations');
    expect(svg).toContain('2 étapes de la tournée');
    expect(svg).toContain('Données mises à jour le 31 décembre 2009');
    expect(svg).toContain("Données d'exemple");
  });
  it('shades the departments with the map\'s classes and colours, and draws every frame and stop', () => {
    // Aisne (3) is the darkest class, a department with none the zero colour.
    expect(svg).toContain(`fill="${shadeColour(DEFAULT_TOKENS, 5)}"`);
    expect(svg).toContain(`fill="${DEFAULT_TOKENS.choroplethZero}"`);
    expect(svg.match(new RegExp(`fill="${DEFAULT_TOKENS.encartFond}"`, 'g'))).toHaveLength(insetFrames().length);
    expect(svg.match(/transform="rotate\(45/g)).toHaveLength(2);
  });
  it('renders to a PNG of that size (resvg, no browser)', () => {
    const png = PNG.sync.read(new Resvg(svg).render().asPng());
    expect([png.width, png.height]).toEqual([PREVIEW_WIDTH, PREVIEW_HEIGHT]);
  });
  it('does not mutate its input', () => {
    const before = JSON.stringify(input.etapes);
    previewSvg(input);
    expect(JSON.stringify(input.etapes)).toBe(before);
  });
});
