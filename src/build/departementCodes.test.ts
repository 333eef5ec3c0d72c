import { describe, expect, it } from 'vitest';
import { createDepartementResolver } from './departementCodes';
import { DEPARTEMENTS } from './cog';

/** The 101 departments (metropolitan and DROM) with their official names, as IGN and the COG write them. */
const official = DEPARTEMENTS.filter((d) => d.zone !== 'com').map((d) => Object.freeze({ code: d.code, nom: d.nom }));
const resolver = createDepartementResolver(Object.freeze(official));
const code = (cell: string) => {
  const r = resolver.resolve(cell);
  return r.ok ? r.code : `ERREUR ${r.message}`;
};

describe('departement cells', () => {
  it('pads one-digit codes and upper-cases Corsica', () => {
    expect(code('1')).toBe('01');
    expect(code(' 01 ')).toBe('01');
    expect(code('2a')).toBe('2A');
    expect(code('2B')).toBe('2B');
    expect(code('971')).toBe('971');
  });

  it('undoes a spreadsheet turning codes into decimals', () => {
    expect(code('1.0')).toBe('01');
    expect(code('69,0')).toBe('69');
  });

  it('rejects 20 and asks for 2A or 2B', () => {
    const r = resolver.resolve('20');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/2A .*2B/u) });
  });

  it('reads names in any case, with or without accents, hyphens or article', () => {
    expect(code('Réunion')).toBe('974');
    expect(code('la reunion')).toBe('974');
    expect(code('LA RÉUNION')).toBe('974');
    expect(code('Corse-du-Sud')).toBe('2A');
    expect(code('corse du sud')).toBe('2A');
    expect(code("cote d'or")).toBe('21');
    expect(code('Côtes d’Armor')).toBe('22');
    expect(code('Val-d’Oise')).toBe('95');
    expect(code('seine st denis')).toBe('93');
    expect(code('Territoire-de-Belfort')).toBe('90');
  });

  it('accepts number and name together when they agree', () => {
    expect(code('01 - Ain')).toBe('01');
    expect(code('Rhône (69)')).toBe('69');
    expect(code('69 Rhône')).toBe('69');
    expect(resolver.resolve('69 - Ain')).toEqual({ ok: false, message: expect.stringMatching(/incohérent/u) });
  });

  it('explains unknown codes and names', () => {
    expect(resolver.resolve('99')).toEqual({ ok: false, message: expect.stringMatching(/« 99 » inconnu/u) });
    expect(resolver.resolve('Atlantide')).toEqual({ ok: false, message: expect.stringMatching(/« Atlantide » inconnu/u) });
    expect(resolver.resolve('')).toEqual({ ok: false, message: expect.stringMatching(/manquant/u) });
  });

  it('resolves every official code and name to itself', () => {
    for (const { code: c, nom } of official) {
      expect(code(c)).toBe(c);
      expect(code(nom)).toBe(c);
    }
    expect(resolver.nameOf('2A')).toBe('Corse-du-Sud');
  });

  it('resolves the 107 COG territories, overseas collectivities included, by code and by name', () => {
    const cog = createDepartementResolver(DEPARTEMENTS);
    for (const { code: c, nom } of DEPARTEMENTS) {
      expect(cog.resolve(c)).toEqual({ ok: true, code: c });
      expect(cog.resolve(nom.toUpperCase())).toEqual({ ok: true, code: c });
    }
    expect(cog.resolve('polynesie francaise')).toEqual({ ok: true, code: '987' });
    expect(cog.resolve('Wallis et Futuna')).toEqual({ ok: true, code: '986' });
    expect(cog.resolve('St-Pierre-et-Miquelon')).toEqual({ ok: true, code: '975' });
  });
});
