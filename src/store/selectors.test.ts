import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type AppState, type Filters, type LoadedData } from './appStore';
import {
  selectCountsByDepartement, selectDepartements, selectEtapesMatchingThemes, selectFilteredInnovations,
  selectLegendClasses, selectThemeCounts, selectVisibleEtapes,
} from './selectors';
import { countsForCodes, legendClasses } from '../domain/legend';
import type { DepartementDisplayFeature, EtapeFeature, InnovationFeature } from '../domain/types';

const dep = (code: string, nom: string, region: string): DepartementDisplayFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] },
  properties: { code, nom, region, region_nom: `Région ${region}`, zone: 'metro', role: 'zone' },
});
const inno = (id: string, departement: string, themes: string[]): InnovationFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] },
  properties: {
    id, titre: id, description: '', themes, secteurs: [], departement, commune: '', porteur: '', annee: 2009,
    site_web: '', etape: '', latitude: 0, longitude: 0, position: 'exact',
  },
});
const etape = (id: string, themes: string[]): EtapeFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] },
  properties: { id, date: '2009-05-06', commune: '', departement: '50', intitule: '', themes, latitude: 0, longitude: 0, position: 'exact' },
});

const DATA: LoadedData = {
  meta: { exemple: true, date_donnees: '2026-11-29', attributions: [] },
  vocabulaires: { themes: [], secteurs: [] },
  departements: [dep('35', 'Ille-et-Vilaine', '53'), dep('29', 'Finistère', '53'), dep('43', 'Haute-Loire', '84')],
  innovations: [inno('a', '35', ['ent']), inno('b', '29', ['telesante']), inno('c', '35', ['telesante'])],
  etapes: [etape('e1', ['ent']), etape('e2', ['telesante'])],
  insets: [], pays: [], report: null,
};

function state(filters: Partial<Filters>, data: LoadedData = DATA): AppState {
  return { load: { status: 'ready', data }, filters: { ...EMPTY_FILTERS, ...filters } } as AppState;
}

describe('selectors', () => {
  it('return nothing while data is loading', () => {
    const loading = { load: { status: 'loading' }, filters: EMPTY_FILTERS } as AppState;
    expect(selectFilteredInnovations(loading)).toEqual([]);
    expect(selectVisibleEtapes(loading)).toEqual([]);
  });

  it('filter and count per department', () => {
    const s = state({ themes: ['telesante'] });
    expect(selectFilteredInnovations(s).map((f) => f.properties.id)).toEqual(['b', 'c']);
    expect(Object.fromEntries(selectCountsByDepartement(s))).toEqual({ '29': 1, '35': 1 });
    expect(selectThemeCounts(s).get('ent')).toBe(1);
    expect(selectDepartements(s).get('29')?.region).toBe('53');
  });

  it('keep the same instances while the criteria are unchanged, even for a new filters object', () => {
    const first = selectFilteredInnovations(state({ themes: ['ent'], texte: 'a' }));
    const counts = selectCountsByDepartement(state({ themes: ['ent'], texte: 'a' }));
    // Hiding stops or adding a trailing space does not change which innovations match.
    const again = state({ themes: ['ent'], texte: 'a ', afficherEtapes: false });
    expect(selectFilteredInnovations(again)).toBe(first);
    expect(selectCountsByDepartement(again)).toBe(counts);
    expect(selectFilteredInnovations(state({ themes: ['telesante'] }))).not.toBe(first);
  });

  it('give the legend classes of the counts over every department, zero included, as one instance', () => {
    const s = state({ themes: ['telesante'] });
    const classes = selectLegendClasses(s);
    expect(classes).toEqual(legendClasses(countsForCodes(['35', '29', '43'], selectCountsByDepartement(s))));
    expect(classes[0]?.teinte).toBe(0);
    expect(selectLegendClasses(state({ themes: ['telesante'] }))).toBe(classes);
  });

  it('recompute for new data', () => {
    const first = selectFilteredInnovations(state({}));
    const other = { ...DATA, innovations: DATA.innovations.slice(0, 1) };
    expect(selectFilteredInnovations(state({}, other)).map((f) => f.properties.id)).toEqual(['a']);
    expect(selectFilteredInnovations(state({}))).not.toBe(first);
  });

  it('show stops filtered by theme, and none when stops are hidden', () => {
    expect(selectVisibleEtapes(state({ themes: ['ent'] })).map((e) => e.properties.id)).toEqual(['e1']);
    expect(selectVisibleEtapes(state({ themes: ['ent'], afficherEtapes: false }))).toEqual([]);
    expect(selectEtapesMatchingThemes(state({ themes: ['ent'], afficherEtapes: false })).map((e) => e.properties.id)).toEqual(['e1']);
    expect(selectVisibleEtapes(state({ themes: ['ent'] }))).toBe(selectVisibleEtapes(state({ themes: ['ent'] })));
  });
});
