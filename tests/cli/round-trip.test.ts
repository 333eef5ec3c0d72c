/**
 * A CSV exported by the app (src/domain/export.ts), put back as data/innovations.csv, builds to
 * the same innovations: both separators, BOM, CRLF, the apostrophe protecting formula-like cells,
 * the extra columns, and the points the build placed by commune or department.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { main } from '../../scripts/build-data';
import { innovationsCsv, type CsvDelimiter } from '../../src/domain/export';
import { DEPARTEMENTS } from '../../src/build/cog';
import type { BuildReport, InnovationCollection, InnovationFeature } from '../../src/domain/types';

const root = path.resolve(__dirname, '../..');
const departements = new Map(DEPARTEMENTS.map((d) => [d.code, d]));
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'aller-retour-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function build(data: string, name: string) {
  const out = path.join(work, `${name}-sortie`);
  const stderr: string[] = [];
  const code = await main(['--data-dir', data, '--out', out, '--store', path.join(work, 'magasin')], { stdout: () => {}, stderr: (l) => stderr.push(l) });
  expect(code, stderr.join('\n')).toBe(0);
  const read = <T>(file: string) => JSON.parse(readFileSync(path.join(out, file), 'utf8')) as T;
  return { features: read<InnovationCollection>('innovations.geojson').features, report: read<BuildReport>('report.json'), stderr };
}

/** A copy of `from` whose innovations.csv is `text` (UTF-8, as the export is). */
function dataWith(from: string, name: string, text: string): string {
  const data = path.join(work, name);
  cpSync(from, data, { recursive: true });
  writeFileSync(path.join(data, 'innovations.csv'), text);
  return data;
}

async function roundTrip(data: string, name: string, original: InnovationFeature[], delimiter: CsvDelimiter) {
  const exported = innovationsCsv(original, departements, delimiter);
  expect(exported.startsWith('\uFEFF')).toBe(true);
  expect(exported).toContain('\r\n');
  return build(dataWith(data, `${name}-${delimiter === ';' ? 'pv' : 'v'}`, exported), `${name}-retour-${delimiter === ';' ? 'pv' : 'v'}`);
}

describe('an exported CSV put back as innovations.csv', () => {
  it('builds to the same innovations (shipped data, both separators), with no warning about its extra columns', async () => {
    const data = path.join(root, 'data');
    const first = await build(data, 'livrees');
    expect(first.features.length).toBeGreaterThan(80);
    expect(new Set(first.features.map((f) => f.properties.position))).toEqual(new Set(['exact', 'commune', 'departement']));
    for (const delimiter of [';', ','] as const) {
      const again = await roundTrip(data, 'livrees', first.features, delimiter);
      expect(again.features).toEqual(first.features);
      expect(again.report.files).toEqual(first.report.files);
      expect(again.report.errors).toEqual([]);
      expect(again.stderr.filter((l) => l.includes('inconnue'))).toEqual([]);
      // Rows placed by the build are placed again, with the same warning.
      expect(again.report.warnings.map((w) => w.message)).toEqual(expect.arrayContaining(first.report.warnings.filter((w) => w.file.endsWith('innovations.csv')).map((w) => w.message)));
    }
  });

  it('gives back cells a spreadsheet would run as formulas, and keeps a title that starts with an apostrophe', async () => {
    const fixture = path.join(root, 'tests/fixtures/donnees-valides');
    const source = iconv.decode(readFileSync(path.join(fixture, 'innovations.csv')), 'win1252')
      .replace('i2;  Télécentre  ;;', 'i2;=SOMME(A1);-2+3 ou @moi;')
      .replace('i3;Commune seule;;', "i3;'Allo santé;+33 1 23 45 67 89;")
      .replace('i4;Département seul;;', 'i4;@mention;-1,55;')
      .replace('i5;Outre-mer;;', "i5;'-moins;' espace;");
    const data = dataWith(fixture, 'formules', source);
    const first = await build(data, 'formules');
    const byId = new Map(first.features.map((f) => [f.properties.id, f.properties]));
    expect([byId.get('i2')?.titre, byId.get('i2')?.description]).toEqual(['=SOMME(A1)', '-2+3 ou @moi']);
    expect([byId.get('i3')?.titre, byId.get('i3')?.description]).toEqual(["'Allo santé", '+33 1 23 45 67 89']);
    expect([byId.get('i4')?.titre, byId.get('i4')?.description]).toEqual(['@mention', '-1,55']);
    // The one case the rule cannot tell from a protected cell: an apostrophe then = + - or @.
    expect([byId.get('i5')?.titre, byId.get('i5')?.description]).toEqual(['-moins', "' espace"]);
    for (const delimiter of [';', ','] as const) {
      const exported = innovationsCsv(first.features, departements, delimiter);
      expect(exported).toContain(`"'=SOMME(A1)"`);
      const again = await roundTrip(data, 'formules', first.features, delimiter);
      expect(again.features).toEqual(first.features);
    }
  });
});
