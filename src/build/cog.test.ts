import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEPARTEMENTS, HASC_TO_INSEE, ISO_NUMERIC_TO_INSEE, NOM_CORRECTIONS, departementInfo } from './cog';
import { INSETS } from '../domain/insets';

const require = createRequire(import.meta.url);
interface EtalabRow { code: string; nom: string; region?: string; zone: string }
const etalabDepartements = require('@etalab/decoupage-administratif/data/departements.json') as EtalabRow[];
const etalabRegions = require('@etalab/decoupage-administratif/data/regions.json') as EtalabRow[];
const UNINHABITED = ['984', '989'];

describe('DEPARTEMENTS', () => {
  it('lists 107 distinct codes: 101 departments and 6 overseas collectivities', () => {
    const codes = DEPARTEMENTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(107);
    expect(DEPARTEMENTS.filter((d) => d.zone === 'metro')).toHaveLength(96);
    expect(DEPARTEMENTS.filter((d) => d.zone === 'drom').map((d) => d.code)).toEqual(['971', '972', '973', '974', '976']);
    expect(DEPARTEMENTS.filter((d) => d.zone === 'com').map((d) => d.code).sort()).toEqual(['975', '977', '978', '986', '987', '988']);
  });
  it('matches the COG of @etalab/decoupage-administratif (names, regions, zones)', () => {
    const regionNom = new Map(etalabRegions.map((r) => [r.code, NOM_CORRECTIONS[r.code] ?? r.nom]));
    const expected = etalabDepartements.filter((d) => !UNINHABITED.includes(d.code));
    expect(DEPARTEMENTS.map((d) => d.code)).toEqual(expected.map((d) => d.code));
    for (const e of expected) {
      expect(departementInfo(e.code)).toEqual({
        code: e.code,
        nom: NOM_CORRECTIONS[e.code] ?? e.nom,
        region: e.region,
        region_nom: regionNom.get(e.region as string),
        zone: e.zone,
      });
    }
  });
  it('gives a COM its own code and name as region', () => {
    for (const d of DEPARTEMENTS.filter((x) => x.zone === 'com')) {
      expect(d.region).toBe(d.code);
      expect(d.region_nom).toBe(d.nom);
    }
  });
  it('is frozen', () => {
    expect(Object.isFrozen(DEPARTEMENTS)).toBe(true);
    expect(Object.isFrozen(DEPARTEMENTS[0])).toBe(true);
  });
  it('knows no other code', () => {
    expect(departementInfo('20')).toBeUndefined();
    expect(departementInfo('984')).toBeUndefined();
    expect(departementInfo('1')).toBeUndefined();
  });
});

describe('crosswalks', () => {
  it('HASC_TO_INSEE maps 101 Natural Earth ids one-to-one onto the departments', () => {
    const values = Object.values(HASC_TO_INSEE);
    expect(new Set(values).size).toBe(values.length);
    expect([...values].sort()).toEqual(DEPARTEMENTS.filter((d) => d.zone !== 'com').map((d) => d.code).sort());
  });
  it('ISO_NUMERIC_TO_INSEE maps onto exactly the overseas collectivities', () => {
    expect(Object.values(ISO_NUMERIC_TO_INSEE).sort()).toEqual(DEPARTEMENTS.filter((d) => d.zone === 'com').map((d) => d.code).sort());
  });
  it('every overseas territory has an inset named as in the COG', () => {
    const overseas = DEPARTEMENTS.filter((d) => d.zone !== 'metro');
    expect(INSETS.map((i) => i.code).sort()).toEqual(overseas.map((d) => d.code).sort());
    for (const i of INSETS) expect(i.nom).toBe(departementInfo(i.code)?.nom);
  });
});
