import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type AppState, type Filters, type LoadedData, type Results } from './appStore';
import {
  innovationCriteriaKey, selectCountsByDepartement, selectDepartements, selectEdition, selectEditionEtapes, selectEditions,
  selectEtapesMatchingThemes, selectLegendClasses, selectMatchedCount, selectMatchedRows, selectResultsCurrent, selectVisibleEtapes,
} from './selectors';
import { countsForCodes, legendClasses } from '../domain/legend';
import type { DepartementIndexEntry, EtapeFeature } from '../domain/types';

const dep = (code: string, nom: string, region: string): DepartementIndexEntry => ({
  code, nom, region, region_nom: `Région ${region}`, zone: 'metro', bbox: [0, 0, 1, 1],
});
const etape = (id: string, themes: string[]): EtapeFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] },
  properties: { id, date: '2009-05-06', commune: '', departement: '50', intitule: '', themes, latitude: 0, longitude: 0, position: 'exact', edition: 2009 },
});

const DATA = {
  meta: { exemple: true, date_donnees: '2026-11-29', attributions: [] },
  vocabulaires: { themes: [], secteurs: [] },
  departements: [dep('35', 'Ille-et-Vilaine', '53'), dep('29', 'Finistère', '53'), dep('43', 'Haute-Loire', '84')],
  etapes: [etape('e1', ['ent']), etape('e2', ['telesante'])],
  insets: [], pays: [], report: null,
} as unknown as LoadedData;

const results = (filters: Filters, countsByDepartement: Record<string, number>): Results => ({
  generation: 1, filters, matched: Uint32Array.of(4, 2), themeCounts: new Map([['ent', 1]]), secteurCounts: new Map(),
  regionCounts: new Map(), departementCounts: new Map(), countsByDepartement: new Map(Object.entries(countsByDepartement)),
  yearCounts: new Map(), laureatCount: 0,
});

function state(filters: Partial<Filters>, answer: Results | null = null, data: LoadedData = DATA): AppState {
  return { load: { status: 'ready', data }, filters: { ...EMPTY_FILTERS, ...filters }, results: answer } as AppState;
}

describe('selectors', () => {
  it('return nothing while data is loading or before the worker answers', () => {
    const loading = { load: { status: 'loading' }, filters: EMPTY_FILTERS, results: null } as AppState;
    expect(selectMatchedRows(loading)).toHaveLength(0);
    expect(selectMatchedCount(loading)).toBeNull();
    expect(selectVisibleEtapes(loading)).toEqual([]);
    expect(selectDepartements(loading).size).toBe(0);
  });

  it('read the worker answer: rows, counts, facets; departments from their index', () => {
    const s = state({ themes: ['telesante'] }, results({ ...EMPTY_FILTERS, themes: ['telesante'] }, { '29': 1, '35': 1 }));
    expect(Array.from(selectMatchedRows(s))).toEqual([4, 2]);
    expect(selectMatchedCount(s)).toBe(2);
    expect(Object.fromEntries(selectCountsByDepartement(s))).toEqual({ '29': 1, '35': 1 });
    expect(selectDepartements(s).get('29')?.region).toBe('53');
  });

  it('say whether the answer is for the current filters, display toggles aside', () => {
    const answered = { ...EMPTY_FILTERS, themes: ['ent'] };
    expect(selectResultsCurrent(state({ themes: ['ent'] }, results(answered, {})))).toBe(true);
    expect(selectResultsCurrent(state({ themes: ['ent'], afficherEtapes: false }, results(answered, {})))).toBe(true);
    expect(selectResultsCurrent(state({ themes: ['telesante'] }, results(answered, {})))).toBe(false);
  });

  it('key the criteria on every filter field but the stops toggle, so a new field changes the key', () => {
    expect(innovationCriteriaKey({ ...EMPTY_FILTERS, afficherEtapes: false })).toBe(innovationCriteriaKey(EMPTY_FILTERS));
    for (const [field, value] of [['themes', ['a']], ['secteurs', ['b']], ['region', '53'], ['departement', '35'], ['anneeMin', 2000], ['anneeMax', 2001], ['texte', 'x']] as const) {
      expect(innovationCriteriaKey({ ...EMPTY_FILTERS, [field]: value }), field).not.toBe(innovationCriteriaKey(EMPTY_FILTERS));
    }
    const withNewField = { ...EMPTY_FILTERS, laureats: true } as Filters;
    expect(innovationCriteriaKey(withNewField)).not.toBe(innovationCriteriaKey(EMPTY_FILTERS));
  });

  it('give the legend classes of the counts over every department, zero included, as one instance', () => {
    const answer = results(EMPTY_FILTERS, { '35': 3, '29': 1 });
    const s = state({}, answer);
    const classes = selectLegendClasses(s);
    expect(classes).toEqual(legendClasses(countsForCodes(['35', '29', '43'], selectCountsByDepartement(s))));
    expect(classes[0]?.teinte).toBe(0);
    expect(selectLegendClasses(state({ texte: 'autre objet, mêmes réponses' }, answer))).toBe(classes);
  });

  it('show stops filtered by theme, and none when stops are hidden', () => {
    expect(selectVisibleEtapes(state({ themes: ['ent'] })).map((e) => e.properties.id)).toEqual(['e1']);
    expect(selectVisibleEtapes(state({ themes: ['ent'], afficherEtapes: false }))).toEqual([]);
    expect(selectEtapesMatchingThemes(state({ themes: ['ent'], afficherEtapes: false })).map((e) => e.properties.id)).toEqual(['e1']);
  });

  it('show the stops of the edition chosen (2009 by default), or every edition', () => {
    const twoTours = { ...DATA, etapes: [...DATA.etapes, { ...etape('f1', ['ent']), properties: { ...etape('f1', ['ent']).properties, date: '2010-03-02', edition: 2010 } }] } as LoadedData;
    const ids = (list: EtapeFeature[]) => list.map((e) => e.properties.id);
    const withEdition = (edition: AppState['edition']) => ({ ...state({}, null, twoTours), edition }) as AppState;
    expect(selectEditions(withEdition(null))).toEqual([2009, 2010]);
    expect(selectEdition(withEdition(null))).toBe(2009);
    expect(ids(selectVisibleEtapes(withEdition(null)))).toEqual(['e1', 'e2']);
    expect(ids(selectVisibleEtapes(withEdition(2010)))).toEqual(['f1']);
    expect(ids(selectEtapesMatchingThemes(withEdition('toutes')))).toEqual(['e1', 'e2', 'f1']);
    expect(selectEdition(withEdition(2011))).toBe(2009);
    expect(ids(selectEditionEtapes({ ...withEdition(2010), filters: { ...EMPTY_FILTERS, themes: ['telesante'] } }))).toEqual(['f1']);
  });
});
