/**
 * Property test of the whole build: whatever innovations.csv holds (cells with quotes, separators
 * and line breaks, any line ends, a BOM or not), the build never throws, and for the file
 * read = written + rejected, with at least one located error per rejected row.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DepartementCollection } from '../domain/types';
import { INNOVATION_COLUMNS } from '../domain/types';
import { buildData, bytesSource } from './buildData';
import { CommuneGazetteer } from './geocode';

const boundaries = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/departements.geojson'), 'utf8')) as DepartementCollection;
const gazetteer = CommuneGazetteer.fromEntries([{ name: 'Lyon', lat: '45.75', lng: '4.85', country: 'FR', admin2: '69' }]);
const file = (name: string, text: string) => bytesSource(`d/${name}`, new TextEncoder().encode(text));

/** A cell as a spreadsheet or a careless hand would write it. */
const wildCell = fc.string({ unit: fc.constantFrom('a', 'é', '"', ';', ',', '\n', '\r', ' ', "'", '=', '|', '1', '.', '-') , maxLength: 12 });
const goodRow = (n: number) => fc.record({
  titre: fc.constantFrom('Titre', 'Télécentre', '=SOMME(A1)', "'Allo"),
  themes: fc.constantFrom('ent', 'ENT', 'ent|x', ''),
  departement: fc.constantFrom('69', 'Rhône', '974', '20', 'x'),
  commune: fc.constantFrom('Lyon', '', 'Nulle-part'),
  latitude: fc.constantFrom('', '45,76', '45.76', '4,8', 'abc'),
  longitude: fc.constantFrom('', '4.84', '45,76'),
}).map((r) => [`i${n}`, r.titre, 'description', r.themes, 'edu', r.departement, r.commune, r.latitude, r.longitude, '', '2009', '', '']);
const wildRow = fc.array(wildCell, { maxLength: 16 });

function line(cells: string[], delimiter: string, quoteAll: boolean): string {
  return cells.map((c) => (quoteAll || /[";,\r\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(delimiter);
}

const innovationsFile = fc.record({
  rows: fc.array(fc.oneof(fc.nat(10_000).chain(goodRow).map((cells) => ({ cells, raw: false })), wildRow.map((cells) => ({ cells, raw: true }))), { maxLength: 25 }),
  delimiter: fc.constantFrom(';', ','),
  end: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalBreak: fc.boolean(),
  quoteAll: fc.boolean(),
}).map(({ rows, delimiter, end, bom, finalBreak, quoteAll }) => {
  // Wild rows go as they are, unquoted: their quotes and separators may break the row structure.
  const lines = [INNOVATION_COLUMNS.join(delimiter), ...rows.map((r) => (r.raw ? r.cells.join(delimiter) : line(r.cells, delimiter, quoteAll)))];
  return `${bom ? '\uFEFF' : ''}${lines.join(end)}${finalBreak ? end : ''}`;
});

describe('buildData (property test)', () => {
  it('never throws, and read = written + rejected with a located error for each rejected row', async () => {
    await fc.assert(fc.asyncProperty(innovationsFile, fc.boolean(), async (text, lenient) => {
      const result = await buildData({
        themes: file('themes.csv', 'id,libelle,couleur\nent,ENT,#000000\n'),
        secteurs: file('secteurs.csv', 'id,libelle,couleur\nedu,Éducation,#111111\n'),
        etapes: file('etapes.csv', 'id,date,commune,departement,intitule,themes,latitude,longitude\n'),
        innovations: file('innovations.csv', text),
        meta: file('meta.json', '{"exemple": true, "date_donnees": "2009-12-31", "attributions": ["x"]}'),
        pays: file('pays.geojson', '{"type":"FeatureCollection","features":[]}'),
        boundaries, gazetteer, lenient, now: new Date('2026-01-01T00:00:00Z'),
      });
      const counts = result.report.files['innovations.csv'];
      expect(counts).toBeDefined();
      expect(counts!.read).toBe(counts!.written + counts!.rejected);
      const errorLines = new Set(result.report.errors.filter((e) => e.file === 'd/innovations.csv').map((e) => e.line));
      expect(errorLines.size).toBeGreaterThanOrEqual(counts!.rejected);
      for (const line of errorLines) expect(line).toBeGreaterThanOrEqual(2);
      expect(result.ok).toBe(lenient || counts!.rejected === 0);
      if (result.data) {
        const ids = result.data.innovations.features().map((f) => f.properties.id);
        expect(ids).toHaveLength(counts!.written);
        expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
        result.data.innovations.close();
      }
    }), { numRuns: 120 });
  }, 60_000);
});
