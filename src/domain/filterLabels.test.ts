import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './types';
import { describeFilters, filterChips, filtersSlug, slug, yearRangeLabel } from './filterLabels';
import type { DepartementInfo } from './types';
import { loadLanguage, wording } from '../i18n';

// The English catalogue is a chunk of its own in the app: fetched once here.
await loadLanguage('en');

const FR = wording('fr');
const EN = wording('en');

const DEPARTEMENTS = new Map<string, DepartementInfo>([
  ['35', { code: '35', nom: 'Ille-et-Vilaine', region: '53', region_nom: 'Bretagne', zone: 'metro' }],
]);
const VOCABULAIRES = {
  themes: [{ id: 'telesante', libelle: 'Santé et télésanté', couleur: '#D55E00', libelle_en: 'Health and telehealth' }],
  secteurs: [{ id: 'sante', libelle: 'Santé', couleur: '#CC6677' }],
};

describe('filter chips', () => {
  const filters: Filters = Object.freeze({
    ...EMPTY_FILTERS, texte: ' patient ', themes: ['telesante', 'inconnu'], secteurs: ['sante'], region: '53', departement: '35', anneeMin: 2005, anneeMax: 2009,
    laureats: true,
  });

  it('name every active filter in French', () => {
    expect(filterChips(filters, VOCABULAIRES, DEPARTEMENTS, FR).map((c) => c.label)).toEqual([
      'Recherche : « patient »', 'Thème : Santé et télésanté', 'Thème : inconnu', 'Secteur : Santé',
      'Région : Bretagne', 'Département : Ille-et-Vilaine (35)', 'Années : de 2005 à 2009', 'Lauréats des Trophées',
    ]);
  });

  it('name them in English, with the English labels of the vocabularies, French ones when there are none', () => {
    expect(filterChips(filters, VOCABULAIRES, DEPARTEMENTS, EN).map((c) => c.label)).toEqual([
      'Search: “patient”', 'Theme: Health and telehealth', 'Theme: inconnu', 'Sector: Santé',
      'Region: Bretagne', 'Department: Ille-et-Vilaine (35)', 'Years: from 2005 to 2009', 'Award winners',
    ]);
    expect(describeFilters(EMPTY_FILTERS, VOCABULAIRES, DEPARTEMENTS, EN)).toEqual(['No filter: every innovation']);
  });

  it('each remove only its own filter', () => {
    const chips = filterChips(filters, VOCABULAIRES, DEPARTEMENTS, FR);
    const applied = chips.map((c) => ({ ...filters, ...c.remove }));
    expect(applied[1]!.themes).toEqual(['inconnu']);
    expect(applied[4]).toEqual({ ...filters, region: null });
    expect(filterChips(applied[6]!, VOCABULAIRES, DEPARTEMENTS, FR)).toHaveLength(chips.length - 1);
    expect(applied[7]).toEqual({ ...filters, laureats: false });
  });

  it('say when nothing is filtered', () => {
    expect(filterChips(EMPTY_FILTERS, VOCABULAIRES, DEPARTEMENTS, FR)).toEqual([]);
    expect(describeFilters(EMPTY_FILTERS, VOCABULAIRES, DEPARTEMENTS, FR)).toEqual(['Aucun filtre : toutes les innovations']);
  });
});

describe('labels', () => {
  it('year ranges read naturally', () => {
    expect(yearRangeLabel(2005, 2009, FR)).toBe('de 2005 à 2009');
    expect(yearRangeLabel(2009, 2009, FR)).toBe('en 2009');
    expect(yearRangeLabel(2005, null, FR)).toBe('depuis 2005');
    expect(yearRangeLabel(null, 2009, FR)).toBe("jusqu'en 2009");
    expect(yearRangeLabel(null, null, FR)).toBeNull();
    expect(yearRangeLabel(2005, 2009, EN)).toBe('from 2005 to 2009');
    expect(yearRangeLabel(null, 2009, EN)).toBe('until 2009');
  });

  it('slugs are lowercase ASCII words', () => {
    expect(slug("  Santé et télésanté / L'Œuvre ")).toBe('sante-et-telesante-l-oeuvre');
    expect(filtersSlug({ ...EMPTY_FILTERS, themes: ['ent'], laureats: true }, DEPARTEMENTS)).toBe('ent-laureats');
  });
});
