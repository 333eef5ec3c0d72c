import { describe, expect, it } from 'vitest';
import type { InnovationFeature } from './types';
import {
  buildPointsTable, decodePointsFile, encodePointsFile, hasAnyBit, idsOfBits, inDisplayOrder, joinParts, NO_THEME, PointsFileError,
  searchLine, wordsFor,
} from './points';

const innovation = (id: string, departement: string, titre: string, themes: string[], extra: Partial<InnovationFeature['properties']> = {}): InnovationFeature =>
  Object.freeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2 + Number(id.slice(1)) / 10, 46] },
    properties: {
      id, titre, description: '', themes, secteurs: ['sante'], departement, commune: '', porteur: '',
      annee: 2008, site_web: '', etape: '', longitude: 2, latitude: 46, position: 'exact', trophee: null, ...extra,
    },
  }) as InnovationFeature;

const vocabulary = {
  themes: ['ent', 'telesante', 'tourisme'],
  secteurs: ['education', 'sante'],
  etapes: ['e01', 'e02'],
  regionOf: (d: string) => ({ '35': '53', '974': '04' })[d],
};


describe('points file', () => {
  const features = [
    innovation('i1', '35', 'Réseau', ['telesante', 'ent']),
    innovation('i2', '974', 'Portail', [], { annee: null, etape: 'e02', trophee: { annee: 2009, categorie: 'Santé' } }),
    innovation('i3', '35', 'Atelier', ['tourisme']),
  ];
  const table = buildPointsTable(features, vocabulary);

  it('codes themes, sectors, departments, years, first theme, stop and trophy per row', () => {
    expect(table.header.count).toBe(3);
    expect(table.header.departements).toEqual(['35', '974']);
    expect(table.header.regions).toEqual(['53', '04']);
    expect(idsOfBits(table.themes, 1, 0, vocabulary.themes)).toEqual(['ent', 'telesante']);
    expect(table.premierTheme[0]).toBe(1);
    expect(table.premierTheme[1]).toBe(NO_THEME);
    expect(table.annee[1]).toBe(0);
    expect(table.etape[1]).toBe(2);
    expect(Array.from(table.trophee)).toEqual([0, 2009, 0]);
    expect(table.departement[2]).toBe(0);
    expect(hasAnyBit(table.secteurs, 1, 2, Uint32Array.of(0b10))).toBe(true);
    expect(hasAnyBit(table.secteurs, 1, 2, Uint32Array.of(0b01))).toBe(false);
    expect(table.x[0]).toBeCloseTo(2.1, 5);
  });

  it('reads back what it writes, column by column', () => {
    const read = decodePointsFile(joinParts(encodePointsFile(table)));
    expect(read.header).toEqual(table.header);
    for (const name of ['x', 'y', 'themes', 'secteurs', 'departement', 'annee', 'premierTheme', 'etape', 'trophee'] as const) {
      expect(Array.from(read[name])).toEqual(Array.from(table[name]));
    }
  });

  it('spreads more than 32 values over several words', () => {
    const many = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const t = buildPointsTable([innovation('i1', '35', 'A', ['t0', 't33', 't39'])], { ...vocabulary, themes: many });
    expect(wordsFor(40)).toBe(2);
    expect(idsOfBits(t.themes, 2, 0, many)).toEqual(['t0', 't33', 't39']);
    expect(Array.from(decodePointsFile(joinParts(encodePointsFile(t))).themes)).toEqual(Array.from(t.themes));
  });

  it('refuses a file that is not one, of another version, or cut short, in French', () => {
    const bytes = new Uint8Array(joinParts(encodePointsFile(table)));
    expect(() => decodePointsFile(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer)).toThrow(PointsFileError);
    const other = bytes.slice();
    other[4] = 9;
    expect(() => decodePointsFile(other.buffer)).toThrow(/version 9 du format/);
    expect(() => decodePointsFile(bytes.slice(0, bytes.length - 8).buffer)).toThrow(/tronqué/);
  });
});

describe('inDisplayOrder', () => {
  it('sorts by department (2A after 19, overseas last), then folded title, then id, without mutating', () => {
    const rows = Object.freeze([
      { id: 'b', departement: '974', titre: 'A' },
      { id: 'a', departement: '2A', titre: 'Zèbre' },
      { id: 'c', departement: '2A', titre: 'été' },
      { id: 'd', departement: '19', titre: 'X' },
      { id: 'e', departement: '2A', titre: 'Ete' },
    ]);
    expect(inDisplayOrder(rows).map((r) => r.id)).toEqual(['d', 'c', 'e', 'a', 'b']);
  });
});

describe('searchLine', () => {
  it('folds the four searchable fields and keeps them apart', () => {
    expect(searchLine({ titre: 'Télé-Santé', porteur: 'Mairie\u001f', commune: 'Saint-Lô', description: 'Ligne 1\nLigne 2' }))
      .toBe('tele-sante\u001fmairie\u001fsaint-lo\u001fligne 1 ligne 2');
  });
});
