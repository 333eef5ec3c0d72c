import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DepartementCollection } from '../domain/types';
import { INNOVATION_COLUMNS } from '../domain/types';
import { buildData, bytesSource, type BuildInput } from './buildData';
import { CommuneGazetteer } from './geocode';

const boundaries = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/departements.geojson'), 'utf8')) as DepartementCollection;
const gazetteer = CommuneGazetteer.fromEntries([{ name: 'Lyon', lat: '45.75', lng: '4.85', country: 'FR', admin2: '69' }]);
const file = (name: string, text: string) => bytesSource(`d/${name}`, new TextEncoder().encode(text));

function input(innovationRows: string[]): BuildInput {
  return {
    themes: file('themes.csv', 'id,libelle,couleur\nent,ENT,#000000\n'),
    secteurs: file('secteurs.csv', 'id,libelle,couleur\nedu,Éducation,#111111\n'),
    etapes: file('etapes.csv', 'id,date,commune,departement,intitule,themes,latitude,longitude\ne2,2009-05-02,Lyon,69,,,,\ne1,2009-05-01,,974,,,,\n'),
    innovations: file('innovations.csv', [INNOVATION_COLUMNS.join(','), ...innovationRows].join('\n')),
    meta: file('meta.json', '{"exemple": true, "date_donnees": "2009-12-31", "attributions": ["x"]}'),
    pays: file('pays.geojson', '{"type":"FeatureCollection","features":[]}'),
    boundaries,
    gazetteer,
    now: new Date('2026-01-01T00:00:00Z'),
  };
}

describe('buildData', () => {
  it('builds every output from valid input without touching the input', async () => {
    const source = Object.freeze(input(['i1,T,,ent,edu,69,Lyon,,,,,,e1']));
    const result = await buildData(source);
    expect(result.ok).toBe(true);
    const report = result.data!.report;
    expect(report.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(report.errors).toEqual([]);
    expect(result.data!.innovations.features()[0]?.properties).toMatchObject({ id: 'i1', position: 'commune', etape: 'e1' });
    expect(result.data!.etapes.map((e) => e.geometry.type)).toEqual(['Point', 'Point']);
  });

  it('keeps read = written + rejected for every file, in strict and lenient mode', async () => {
    const rows = ['i1,T,,ent,edu,69,Lyon,,,,,,', 'i2,,,ent,edu,69,,,,,,,', 'i3,T,,x,edu,69,,,,,,,', 'broken,row'];
    for (const lenient of [false, true]) {
      const { ok, report } = await buildData({ ...input(rows), lenient });
      expect(ok).toBe(lenient);
      expect(report.files['innovations.csv']).toEqual({ read: 4, written: 1, rejected: 3 });
      for (const counts of Object.values(report.files)) expect(counts.read).toBe(counts.written + counts.rejected);
      expect(report.errors).toHaveLength(3);
    }
  });

  it('fails on a missing file even when lenient, and names it', async () => {
    const { ok, fatal, report } = await buildData({ ...input([]), etapes: undefined, lenient: true });
    expect({ ok, fatal }).toEqual({ ok: false, fatal: true });
    expect(report.errors).toEqual([{ severity: 'error', file: 'etapes.csv', line: 1, column: 1, message: 'fichier etapes.csv introuvable' }]);
  });

  it('reports every error of a file of 100,000 rows in error (no overflow of the message list)', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `i${i},,,,,69,,,,,,,`);
    const { ok, report } = await buildData({ ...input(rows), lenient: true });
    expect(ok).toBe(true);
    expect(report.files['innovations.csv']).toEqual({ read: 100_000, written: 0, rejected: 100_000 });
    expect(report.errors).toHaveLength(300_000);
  }, 60_000);
});
