/**
 * writeOutputs writes row by row what the plain formulation writes: JSON.stringify of the
 * features (chunks, GeoJSON), of the ids and of the report.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DepartementCollection } from '../domain/types';
import { chunkFile, chunkSizeFor, searchLine } from '../domain/points';
import { buildData, bytesSource } from './buildData';
import { CommuneGazetteer } from './geocode';
import { writeOutputs } from './writeOutputs';

const boundaries = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/departements.geojson'), 'utf8')) as DepartementCollection;
const work = mkdtempSync(path.join(tmpdir(), 'write-outputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = (name: string, text: string) => bytesSource(name, new TextEncoder().encode(text));

async function built(count: number) {
  const rows = Array.from({ length: count }, (_, i) => `i${i},Titre ${i % 7} é,"desc ${i}",ent,edu,${i % 3 === 0 ? '974' : '69'},,${i % 3 === 0 ? '-21.1' : '45.76'},${i % 3 === 0 ? '55.5' : '4.83'},,${2000 + (i % 12)},,${i % 4 === 0 ? 'e1' : ''}`);
  const result = await buildData({
    themes: file('themes.csv', 'id,libelle,couleur\nent,ENT,#000000\n'),
    secteurs: file('secteurs.csv', 'id,libelle,couleur\nedu,Éducation,#111111\n'),
    etapes: file('etapes.csv', 'id,date,commune,departement,intitule,themes,latitude,longitude\ne1,2009-05-01,,974,,,,\n'),
    innovations: file('innovations.csv', ['id,titre,description,themes,secteurs,departement,commune,latitude,longitude,porteur,annee,site_web,etape', ...rows].join('\n')),
    meta: file('meta.json', '{"exemple": true, "date_donnees": "2009-12-31", "attributions": ["x"]}'),
    pays: file('pays.geojson', '{"type":"FeatureCollection","features":[]}'),
    boundaries,
    gazetteer: CommuneGazetteer.fromEntries([]),
    now: new Date('2026-01-01T00:00:00Z'),
  });
  expect(result.report.errors).toEqual([]);
  return result.data!;
}

describe('writeOutputs', () => {
  for (const count of [0, 1, 1500, 2100]) {
    it(`writes the bytes JSON.stringify gives (${count} innovations)`, async () => {
      const data = await built(count);
      const features = data.innovations.features();
      expect(features).toHaveLength(count);
      const dir = path.join(work, String(count));
      await mkdir(dir);
      await writeOutputs(dir, data);
      const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
      expect(read('innovations.geojson')).toBe(`{"type":"FeatureCollection","features":[${features.map((f, i) => (i === 0 ? '\n' : ',\n') + JSON.stringify(f)).join('')}\n]}`);
      expect(read('identifiants.json')).toBe(`[${features.map((f, i) => (i === 0 ? '\n' : ',\n') + JSON.stringify(f.properties.id)).join('')}\n]`);
      const size = chunkSizeFor(count);
      for (let k = 0; k * size < count || k === 0; k += 1) {
        const rows = features.slice(k * size, (k + 1) * size);
        expect(read(chunkFile('innovations', k))).toBe(JSON.stringify(rows));
        expect(read(chunkFile('recherche', k))).toBe(rows.map((f) => `${searchLine(f.properties)}\n`).join(''));
      }
      expect(read('report.json')).toBe(JSON.stringify(data.report, null, 2));
      data.innovations.close();
    });
  }

  it('writes report.json as JSON.stringify(report, null, 2) with warnings and errors', async () => {
    const data = await built(3);
    data.report.warnings.push({ severity: 'warning', file: 'f.csv', line: 2, column: 3, message: 'a\n"b"' }, { severity: 'warning', file: 'g', line: 1, column: 1, message: 'c' });
    data.report.errors.push({ severity: 'error', file: 'f.csv', line: 4, column: 1, message: 'é' });
    const dir = path.join(work, 'rapport');
    await mkdir(dir);
    await writeOutputs(dir, data);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(JSON.stringify(data.report, null, 2));
    data.innovations.close();
  });
});
