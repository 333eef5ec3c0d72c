import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './appStore';
import { keepKnownIds, parseUrlState, serializeUrlState, type UrlState } from './urlState';

const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
const grid = (max: number, scale: number) => fc.integer({ min: -max, max }).map((n) => n / scale);

const urlStateArb: fc.Arbitrary<UrlState> = fc.record({
  filters: fc.record({
    themes: fc.uniqueArray(id, { maxLength: 5 }),
    secteurs: fc.uniqueArray(id, { maxLength: 5 }),
    region: fc.option(id, { nil: null }),
    departement: fc.option(id, { nil: null }),
    anneeMin: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }),
    anneeMax: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }),
    texte: fc.string({ unit: 'grapheme', maxLength: 60 }),
    laureats: fc.boolean(),
    afficherEtapes: fc.boolean(),
  }),
  selection: fc.option(fc.record({ kind: fc.constantFrom('innovation' as const, 'departement' as const, 'etape' as const), id }), { nil: null }),
  view: fc.option(fc.record({
    center: fc.tuple(grid(18_000_000, 1e5), grid(9_000_000, 1e5)),
    zoom: fc.integer({ min: 0, max: 2400 }).map((n) => n / 100),
  }), { nil: null }),
  lang: fc.constant('en' as const),
}, { requiredKeys: ['filters', 'selection', 'view'] });

describe('URL state', () => {
  it('round-trips any state whose view is on the rounding grid', () => {
    fc.assert(fc.property(urlStateArb, (state) => {
      expect(parseUrlState(serializeUrlState(state))).toEqual(state);
    }), { numRuns: 500 });
  });

  it('never throws on arbitrary query strings, and what it reads is stable', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (junk) => {
      const once = serializeUrlState(parseUrlState(junk));
      expect(serializeUrlState(parseUrlState(once))).toBe(once);
    }), { numRuns: 500 });
  });

  it('keeps the embed mode (integration=1) both ways, and nothing for any other value', () => {
    const embedded: UrlState = { filters: { ...EMPTY_FILTERS, themes: ['ent'] }, selection: null, view: null, integration: true };
    expect(serializeUrlState(embedded)).toBe('theme=ent&integration=1');
    expect(parseUrlState('?theme=ent&integration=1')).toEqual(embedded);
    expect(parseUrlState('?integration=oui').integration).toBeUndefined();
    expect(serializeUrlState({ ...embedded, integration: false })).toBe('theme=ent');
  });
  it('keeps lang=en both ways; a link without it, or with another language, is French', () => {
    const english: UrlState = { filters: { ...EMPTY_FILTERS, themes: ['ent'] }, selection: { kind: 'etape', id: 'e02' }, view: null, lang: 'en' };
    expect(serializeUrlState(english)).toBe('theme=ent&selection=etape:e02&lang=en');
    expect(parseUrlState('?theme=ent&selection=etape:e02&lang=en')).toEqual(english);
    const french: UrlState = { filters: { ...EMPTY_FILTERS, themes: ['ent'] }, selection: null, view: null };
    expect(parseUrlState('?theme=ent')).toEqual(french);
    expect(serializeUrlState(french)).toBe('theme=ent');
    expect(parseUrlState('?lang=de').lang).toBeUndefined();
    expect(parseUrlState('?lang=fr').lang).toBeUndefined();
    // The other parameters read the same with or without the language.
    const all = '?theme=ent&secteur=sante&region=53&departement=35&q=dossier&laureats=1&etapes=0&selection=innovation:i1&edition=2009&integration=1&carte=6.5/48.11/-1.68';
    expect({ ...parseUrlState(`${all}&lang=en`), lang: undefined }).toEqual({ ...parseUrlState(all), lang: undefined });
    expect(serializeUrlState(parseUrlState(`${all}&lang=en`))).toBe(`${serializeUrlState(parseUrlState(all)).replace('&integration=1', '&lang=en&integration=1')}`);
  });

  it('keeps the tour\'s edition and the laureate filter both ways; links without them open the defaults', () => {
    const state: UrlState = { filters: { ...EMPTY_FILTERS, laureats: true }, selection: null, view: null, edition: 2010 };
    expect(serializeUrlState(state)).toBe('laureats=1&edition=2010');
    expect(parseUrlState('?laureats=1&edition=2010')).toEqual(state);
    expect(parseUrlState('?edition=toutes').edition).toBe('toutes');
    for (const junk of ['?edition=2010bis', '?edition=', '?edition=10']) expect(parseUrlState(junk).edition).toBeUndefined();
    expect(parseUrlState('?theme=ent')).toEqual({ filters: { ...EMPTY_FILTERS, themes: ['ent'] }, selection: null, view: null });
    expect(parseUrlState('?laureats=oui').filters.laureats).toBe(false);
  });

  it('writes nothing for the default state and reads nothing as the default state', () => {
    const empty: UrlState = { filters: EMPTY_FILTERS, selection: null, view: null };
    expect(serializeUrlState(empty)).toBe('');
    expect(parseUrlState('')).toEqual(empty);
    expect(parseUrlState('?')).toEqual(empty);
  });

  it('reads a hand-written link', () => {
    const s = parseUrlState('?theme=telesante&theme=ent&q=dossier%20patient&region=53&annee_min=2005&etapes=0&selection=innovation:i:42&carte=6.5/48.11/-1.68');
    expect(s.filters).toEqual({
      ...EMPTY_FILTERS, themes: ['telesante', 'ent'], texte: 'dossier patient', region: '53', anneeMin: 2005, afficherEtapes: false,
    });
    expect(s.selection).toEqual({ kind: 'innovation', id: 'i:42' });
    expect(s.view).toEqual({ center: [-1.68, 48.11], zoom: 6.5 });
  });

  it('writes readable links with spaces as %20 and rounded coordinates', () => {
    const qs = serializeUrlState({
      filters: { ...EMPTY_FILTERS, themes: ['telesante'], texte: 'a+b c' },
      selection: null,
      view: { center: [2.3522219, 48.856614], zoom: 5.123 },
    });
    expect(qs).toBe('theme=telesante&q=a%2Bb%20c&carte=5.12/48.85661/2.35222');
  });

  it.each([
    ['unknown parameter', '?foo=bar&utm_source=mail'],
    ['year that is not a number', '?annee_min=abc&annee_max=20100'],
    ['view with an exponent', '?carte=1e3/2/3'],
    ['view out of range', '?carte=30/95/200'],
    ['view with missing parts', '?carte=5/48'],
    ['view with words', '?carte=NaN/Infinity/0'],
    ['selection of an unknown kind', '?selection=commune:75056'],
    ['selection without id', '?selection=innovation:'],
    ['selection without kind', '?selection=i042'],
    ['empty theme', '?theme=&secteur='],
    ['broken percent escapes', '?q=%E0%A4%A&theme=%'],
    ['over-long text', `?q=${'a'.repeat(600)}`],
  ])('ignores a %s', (_label, search) => {
    const s = parseUrlState(search);
    expect(s.selection).toBeNull();
    expect(s.view).toBeNull();
    expect(s.filters.anneeMin).toBeNull();
    expect(s.filters.anneeMax).toBeNull();
    expect(s.filters.themes.every((t) => t !== '')).toBe(true);
    expect(s.filters.texte.length).toBeLessThanOrEqual(500);
  });

  it('keeps a valid parameter next to a malformed one', () => {
    const s = parseUrlState('?annee_min=deux-mille&annee_max=2009&carte=x&theme=ent');
    expect(s.filters.anneeMax).toBe(2009);
    expect(s.filters.themes).toEqual(['ent']);
  });

  it('drops ids the data does not know, and returns the same object when all are known', () => {
    const known = {
      themes: new Set(['ent']), secteurs: new Set(['sante']), regions: new Set(['53']), departements: new Set(['35']),
    };
    const filters: Filters = Object.freeze({ ...EMPTY_FILTERS, themes: ['ent', 'ancien'], secteurs: ['sante'], region: '99', departement: '35' });
    expect(keepKnownIds(filters, known)).toEqual({ ...filters, themes: ['ent'], region: null });
    const ok: Filters = Object.freeze({ ...EMPTY_FILTERS, themes: ['ent'] });
    expect(keepKnownIds(ok, known)).toBe(ok);
  });
});
