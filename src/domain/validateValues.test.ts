import { describe, expect, it } from 'vitest';
import { parseColour, parseDate, parseDecimal, parseWebsite, parseYear, splitList } from './validateValues';

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
