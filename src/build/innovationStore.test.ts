/**
 * The compact store gives what the plain formulation gives: features in inDisplayOrder, the
 * points table of buildPointsTable byte for byte, searchLine for each row.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Innovation, InnovationFeature } from '../domain/types';
import { buildPointsTable, encodePointsFile, inDisplayOrder, searchLine } from '../domain/points';
import { toDisplayPosition } from '../domain/insets';
import { InnovationStore } from './innovationStore';

const THEMES = ['ent', 'telesante', 'tourisme', ...Array.from({ length: 40 }, (_, i) => `t${i}`)];
const SECTEURS = ['education', 'sante', 'culture'];
const ETAPES = ['e01', 'e02', 'e03'];
const REGIONS: Record<string, string> = { '01': '84', '2A': '94', '2B': '94', '69': '84', '75': '11', '971': '01', '976': '06', '988': '988' };
const vocabulary = { themes: THEMES, secteurs: SECTEURS, etapes: ETAPES, regionOf: (d: string) => REGIONS[d] };

/** Text with what trips folding and sorting up: accents, ligatures, case, spaces, control characters. */
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'É', 'œ', ' ', '\t', '\n', '\u0001', '’', '-', 'z', '0', '𝄞', 'ß') });
const innovation = (id: string) => fc.record({
  titre: text,
  description: text,
  themes: fc.uniqueArray(fc.constantFrom(...THEMES, 'inconnu'), { maxLength: 4 }),
  secteurs: fc.uniqueArray(fc.constantFrom(...SECTEURS), { maxLength: 3 }),
  departement: fc.constantFrom(...Object.keys(REGIONS), '23'),
  commune: text,
  longitude: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((x) => x / 10_000),
  latitude: fc.integer({ min: -900_000, max: 900_000 }).map((x) => x / 10_000),
  position: fc.constantFrom('exact', 'commune', 'departement') as fc.Arbitrary<Innovation['position']>,
  porteur: text,
  annee: fc.option(fc.integer({ min: -5, max: 70_000 }), { nil: null }),
  site_web: fc.constantFrom('', 'https://exemple.fr'),
  etape: fc.constantFrom('', ...ETAPES, 'e99'),
  trophee: fc.option(fc.record({ annee: fc.integer({ min: -5, max: 70_000 }), categorie: text }), { nil: null }),
}).map((r): Innovation => ({
  id, titre: r.titre, description: r.description, themes: r.themes, secteurs: r.secteurs, departement: r.departement,
  commune: r.commune, longitude: r.longitude, latitude: r.latitude, position: r.position, porteur: r.porteur,
  annee: r.annee, site_web: r.site_web, etape: r.etape, trophee: r.trophee,
}));
/** Rows with distinct ids, some titles shared (ties broken by id). */
const rows = fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/), { maxLength: 60, selector: (s) => s.toLowerCase() })
  .chain((ids) => fc.tuple(...ids.map(innovation)))
  .map((list) => list.map((r, i) => (i % 5 === 4 ? { ...r, titre: list[0]!.titre } : r)));

const feature = (p: Innovation): InnovationFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: toDisplayPosition(p.departement, [p.longitude, p.latitude]) }, properties: p,
});
const bytes = (parts: Uint8Array[]) => Buffer.concat(parts);

describe('InnovationStore', () => {
  it('gives the features in display order, buildPointsTable\'s bytes and searchLine\'s text', () => {
    fc.assert(fc.property(rows, fc.constantFrom(2, 512), (list, chunkSize) => {
      const store = new InnovationStore(vocabulary);
      for (const p of list) store.add(p);
      const expected = inDisplayOrder(list).map(feature);
      expect(store.features()).toEqual(expected);
      expect(bytes(encodePointsFile(store.pointsTable(chunkSize)))).toEqual(bytes(encodePointsFile(buildPointsTable(expected, vocabulary, chunkSize))));
      const order = store.displayOrder();
      const decoder = new TextDecoder();
      expected.forEach((f, k) => {
        expect(decoder.decode(store.row(order[k]!)[1])).toBe(searchLine(f.properties));
        expect(store.id(order[k]!)).toBe(f.properties.id);
      });
      store.close();
    }), { numRuns: 150 });
  });

  it('refuses more theme bits than the points file holds', () => {
    expect(() => new InnovationStore({ ...vocabulary, themes: Array.from({ length: 255 }, (_, i) => `t${i}`) })).toThrow(/254/u);
  });
});
