import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGazetteer } from './build-data';
import { BUILT_IN_ETAPES, BUILT_IN_SECTEURS, BUILT_IN_THEMES, seededRandom, synthesize } from './synth';
import { buildData, bytesSource } from '../src/build/buildData';
import { DEPARTEMENTS } from '../src/build/cog';
import type { DepartementCollection } from '../src/domain/types';

const root = path.resolve(__dirname, '..');
const boundaries = JSON.parse(readFileSync(path.join(root, 'data/departements.geojson'), 'utf8')) as DepartementCollection;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('synthesize', () => {
  it('is deterministic and builds without errors over all 107 territories', async () => {
    const gazetteer = await loadGazetteer();
    const options = { count: 400, seed: 7, themesCsv: BUILT_IN_THEMES, secteursCsv: BUILT_IN_SECTEURS, etapesCsv: BUILT_IN_ETAPES, boundaries, gazetteer };
    const files = synthesize(options);
    expect(synthesize(options)).toEqual(files);
    expect(synthesize({ ...options, seed: 8 })['innovations.csv']).not.toBe(files['innovations.csv']);
    expect(Object.keys(files).sort()).toEqual(['etapes.csv', 'innovations.csv', 'meta.json', 'secteurs.csv', 'themes.csv']);

    const source = (name: string) => bytesSource(name, bytes(files[name] ?? ''));
    const result = await buildData({
      innovations: source('innovations.csv'), etapes: source('etapes.csv'), themes: source('themes.csv'),
      secteurs: source('secteurs.csv'), meta: source('meta.json'),
      pays: bytesSource('pays.geojson', bytes('{"type":"FeatureCollection","features":[]}')),
      boundaries, gazetteer,
    });
    const report = result.report;
    expect(report.errors).toEqual([]);
    expect(report.files['innovations.csv']).toEqual({ read: 400, written: 400, rejected: 0 });

    const features = result.data?.innovations.features() ?? [];
    expect(new Set(features.map((f) => f.properties.departement)).size).toBe(DEPARTEMENTS.length);
    const placements = new Set(features.map((f) => f.properties.position));
    expect([...placements].sort()).toEqual(['commune', 'departement', 'exact']);
    // Warnings only for rows placed at their department.
    expect(report.warnings.length).toBe(features.filter((f) => f.properties.position === 'departement').length);
  });
});
