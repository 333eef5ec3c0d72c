import { describe, expect, it } from 'vitest';
import {
  formatTrophee, parseColour, parseDate, parseDecimal, parseEdition, parseEmail, parseTrophee, parseWebsite, parseYear, splitList,
} from './validateValues';

describe('parseDecimal', () => {
  it('reads points and decimal commas', () => {
    expect(parseDecimal('45,123', 'latitude')).toEqual({ ok: true, value: 45.123 });
    expect(parseDecimal(' -1.5 ', 'longitude')).toEqual({ ok: true, value: -1.5 });
    expect(parseDecimal('4', 'x')).toEqual({ ok: true, value: 4 });
  });
  it('treats empty as absent', () => {
    expect(parseDecimal('  ', 'x')).toEqual({ ok: true, value: undefined });
  });
  it('rejects text and thousands separators', () => {
    expect(parseDecimal('45°N', 'latitude')).toEqual({ ok: false, message: expect.stringMatching(/latitude « 45°N » illisible/u) });
    expect(parseDecimal('1.234,5', 'x').ok).toBe(false);
  });
});

describe('parseYear', () => {
  it('reads four digits', () => {
    expect(parseYear('2009')).toEqual({ ok: true, value: 2009 });
    expect(parseYear('2009,0')).toEqual({ ok: true, value: 2009 });
    expect(parseYear('')).toEqual({ ok: true, value: null });
  });
  it('rejects other forms', () => {
    for (const bad of ['09', '20091', 'deux mille neuf', '2009-2010']) expect(parseYear(bad).ok).toBe(false);
  });
});

describe('parseWebsite', () => {
  it('accepts http and https', () => {
    expect(parseWebsite('https://www.example.fr/page?x=1')).toEqual({ ok: true, value: 'https://www.example.fr/page?x=1' });
    expect(parseWebsite('http://example.org')).toEqual({ ok: true, value: 'http://example.org' });
    expect(parseWebsite('')).toEqual({ ok: true, value: '' });
  });
  it('rejects other schemes and suggests the missing one', () => {
    expect(parseWebsite('javascript:alert(1)')).toEqual({ ok: false, message: expect.stringMatching(/http:\/\/ ou https:\/\//u) });
    expect(parseWebsite('ftp://example.fr').ok).toBe(false);
    expect(parseWebsite('www.example.fr')).toEqual({ ok: false, message: expect.stringMatching(/écrivez https:\/\/www\.example\.fr/u) });
  });
});

describe('parseDate', () => {
  it('reads ISO and French dates, returns ISO', () => {
    expect(parseDate('2009-04-23')).toEqual({ ok: true, value: '2009-04-23' });
    expect(parseDate('23/04/2009')).toEqual({ ok: true, value: '2009-04-23' });
    expect(parseDate('3/4/2009')).toEqual({ ok: true, value: '2009-04-03' });
    expect(parseDate('29/02/2008')).toEqual({ ok: true, value: '2008-02-29' });
  });
  it('rejects dates that do not exist', () => {
    expect(parseDate('2009-02-30')).toEqual({ ok: false, message: expect.stringMatching(/inexistante/u) });
    expect(parseDate('29/02/2009').ok).toBe(false);
    expect(parseDate('2009-13-01').ok).toBe(false);
  });
  it('rejects other formats and empty cells', () => {
    expect(parseDate('avril 2009')).toEqual({ ok: false, message: expect.stringMatching(/illisible/u) });
    expect(parseDate('04/23/09').ok).toBe(false);
    expect(parseDate('').ok).toBe(false);
  });
});

describe('parseColour', () => {
  it('accepts #rrggbb in any case, returns lower case', () => {
    expect(parseColour('#0072B2')).toEqual({ ok: true, value: '#0072b2' });
  });
  it('rejects other notations', () => {
    expect(parseColour('0072B2')).toEqual({ ok: false, message: expect.stringMatching(/ajoutez # devant/u) });
    for (const bad of ['#abc', 'red', 'rgb(0,0,0)', '#12345g', '']) expect(parseColour(bad).ok).toBe(false);
  });
});

describe('splitList', () => {
  it('splits on | and trims, dropping empty parts', () => {
    expect(splitList(' ent | Télésanté||')).toEqual(['ent', 'Télésanté']);
    expect(splitList('')).toEqual([]);
  });
});

describe('parseTrophee', () => {
  it('reads the year alone, or the year then the category after a space or a separator', () => {
    expect(parseTrophee('')).toEqual({ ok: true, value: null });
    expect(parseTrophee('2009')).toEqual({ ok: true, value: { annee: 2009, categorie: '' } });
    expect(parseTrophee('2009,0')).toEqual({ ok: true, value: { annee: 2009, categorie: '' } });
    for (const cell of ['2009 Santé en ligne', '2009 – Santé en ligne', '2009 : Santé en ligne', '2009-Santé en ligne', ' 2009  ,  Santé   en ligne ']) {
      expect(parseTrophee(cell), cell).toEqual({ ok: true, value: { annee: 2009, categorie: 'Santé en ligne' } });
    }
  });
  it('refuses a cell that does not start with a year', () => {
    for (const bad of ['lauréat', 'Santé 2009', '09 Santé', '2009 –']) {
      expect(parseTrophee(bad)).toEqual({ ok: false, message: expect.stringMatching(/trophée « .* » illisible : écrivez l’année puis la catégorie/u) });
    }
  });
  it('writes back what it reads', () => {
    for (const cell of ['2009', '2010 – Administration en ligne']) {
      const read = parseTrophee(cell);
      expect(read.ok && formatTrophee(read.value)).toBe(cell);
    }
    expect(formatTrophee(null)).toBe('');
  });
});

describe('parseEdition', () => {
  it('takes the year of the date when the cell is empty, else four digits', () => {
    expect(parseEdition('', '2010-02-03')).toEqual({ ok: true, value: 2010 });
    expect(parseEdition('2009', '2010-02-03')).toEqual({ ok: true, value: 2009 });
    expect(parseEdition('2009,0', '2010-02-03')).toEqual({ ok: true, value: 2009 });
    expect(parseEdition('deux mille dix', '2010-02-03')).toEqual({ ok: false, message: expect.stringMatching(/édition « deux mille dix » invalide/u) });
  });
});

describe('parseEmail', () => {
  it('accepts whole addresses, and empty as absent', () => {
    expect(parseEmail(' prenom.nom@mairie-exemple.fr ')).toEqual({ ok: true, value: 'prenom.nom@mairie-exemple.fr' });
    expect(parseEmail('')).toEqual({ ok: true, value: '' });
  });
  it('refuses what is not one', () => {
    for (const bad of ['prenom.nom', 'prenom@mairie', '@mairie.fr', 'a b@mairie.fr', 'a@mairie.f', 'Jean <jean@mairie.fr>']) {
      expect(parseEmail(bad), bad).toEqual({ ok: false, message: expect.stringMatching(/adresse électronique « .* » invalide/u) });
    }
  });
});
