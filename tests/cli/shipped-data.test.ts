/**
 * The data the repository ships (data/) builds cleanly and holds what the product promises:
 * the 12 stops of 2009, an example set covering every theme, sector and kind of territory.
 * A regression in data/*.csv fails here, before anyone rebuilds the site.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/build-data';
import { insetFor } from '../../src/domain/insets';
import { DEPARTEMENTS } from '../../src/build/cog';
import type {
  BuildReport, DataMeta, DepartementDisplayFeature, EtapeCollection, EtapeFeature, InnovationFeature, Vocabulaires,
} from '../../src/domain/types';

const root = path.resolve(__dirname, '../..');
let out: string;
let code: number;
let stderr: string[];
const read = <T>(name: string) => JSON.parse(readFileSync(path.join(out, name), 'utf8')) as T;

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'shipped-data-')), 'out');
  stderr = [];
  code = await main(['--data-dir', path.join(root, 'data'), '--out', out, '--store', path.join(path.dirname(out), 'magasin')], { stdout: () => {}, stderr: (l) => stderr.push(l) });
});
afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

const zoneOf = new Map(DEPARTEMENTS.map((d) => [d.code, d.zone]));

describe('the shipped data folder', () => {
  it('gives every theme and sector an English label (libelle_en) for the English interface', () => {
    const { themes, secteurs } = read<Vocabulaires>('vocabulaires.json');
    for (const entry of [...themes, ...secteurs]) {
      expect(entry.libelle_en?.trim(), entry.id).toBeTruthy();
      expect(entry.libelle_en, entry.id).not.toBe(entry.libelle);
    }
  });

  it('builds with no error; the only warnings are rows placed at their department', () => {
    expect(code).toBe(0);
    const report = read<BuildReport>('report.json');
    expect(report.errors).toEqual([]);
    for (const w of report.warnings) expect(w.message).toMatch(/centre du département/u);
    expect(stderr.every((l) => l.includes('avertissement'))).toBe(true);
    for (const [file, c] of Object.entries(report.files)) {
      expect(c.read, file).toBe(c.written + c.rejected);
      expect(c.rejected, file).toBe(0);
    }
  });

  it('holds the 12 stops of 2009 in date order, five with their stated subject', () => {
    const etapes = read<EtapeCollection>('etapes.geojson').features
      .filter((f): f is EtapeFeature => f.geometry.type === 'Point');
    expect(etapes).toHaveLength(12);
    const dates = etapes.map((e) => e.properties.date);
    expect(dates.every((d) => d.startsWith('2009-'))).toBe(true);
    const withSubject = etapes.filter((e) => e.properties.intitule !== '');
    expect(withSubject.map((e) => e.properties.departement).sort()).toEqual(['02', '19', '43', '50', '65']);
    for (const e of withSubject) expect(e.properties.themes.length).toBeGreaterThan(0);
    const laon = etapes.find((e) => e.properties.commune === 'Laon')!;
    expect(laon.properties.date).toBe('2009-05-28');
    expect(etapes.filter((e) => e.properties.commune === '').map((e) => e.properties.departement).sort()).toEqual(['36', '60']);
  });

  it('is flagged as examples and covers every theme, sector, DROM and at least three COM', () => {
    expect(read<DataMeta>('meta.json').exemple).toBe(true);
    const innovations = read<{ features: InnovationFeature[] }>('innovations.geojson').features;
    const vocab = read<Vocabulaires>('vocabulaires.json');
    expect(innovations.length).toBeGreaterThanOrEqual(80);
    const departements = new Set(innovations.map((f) => f.properties.departement));
    expect(departements.size).toBeGreaterThanOrEqual(40);
    for (const drom of ['971', '972', '973', '974', '976']) expect(departements).toContain(drom);
    expect([...departements].filter((d) => zoneOf.get(d) === 'com').length).toBeGreaterThanOrEqual(3);
    const themes = new Set(innovations.flatMap((f) => f.properties.themes));
    const secteurs = new Set(innovations.flatMap((f) => f.properties.secteurs));
    expect([...themes].sort()).toEqual(vocab.themes.map((t) => t.id).sort());
    expect([...secteurs].sort()).toEqual(vocab.secteurs.map((s) => s.id).sort());
    expect(innovations.filter((f) => f.properties.etape !== '').length).toBeGreaterThan(0);
    // A few example laureates of the Trophées, so the laureate filter and markers show.
    expect(innovations.filter((f) => f.properties.trophee !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the tour of 2009 only: one edition, no edition switch', () => {
    const etapes = read<EtapeCollection>('etapes.geojson').features.filter((f): f is EtapeFeature => f.geometry.type === 'Point');
    expect(new Set(etapes.map((e) => e.properties.edition))).toEqual(new Set([2009]));
  });

  it('draws overseas points inside their inset and keeps their real coordinates', () => {
    const innovations = read<{ features: InnovationFeature[] }>('innovations.geojson').features;
    const overseas = innovations.filter((f) => zoneOf.get(f.properties.departement) !== 'metro');
    expect(overseas.length).toBeGreaterThan(0);
    for (const f of overseas) {
      const inset = insetFor(f.properties.departement)!;
      expect(inset, f.properties.departement).toBeDefined();
      const [x, y] = f.geometry.coordinates as [number, number];
      // Display position is near metropolitan France; the real one is far away.
      expect(x).toBeGreaterThan(-20);
      expect(x).toBeLessThan(0);
      expect(y).toBeGreaterThan(40);
      expect(Math.abs(f.properties.longitude - x) + Math.abs(f.properties.latitude - y)).toBeGreaterThan(5);
    }
  });

  it('has one zone and one label point for each of the 107 territories', () => {
    const features = read<{ features: DepartementDisplayFeature[] }>('departements.geojson').features;
    const zones = features.filter((f) => f.properties.role === 'zone').map((f) => f.properties.code).sort();
    const labels = features.filter((f) => f.properties.role === 'etiquette').map((f) => f.properties.code).sort();
    expect(zones).toEqual(DEPARTEMENTS.map((d) => d.code).sort());
    expect(labels).toEqual(zones);
  });
});
