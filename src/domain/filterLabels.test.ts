import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './types';
import { describeFilters, filterChips, filtersSlug, slug, yearRangeLabel } from './filterLabels';
import type { DepartementInfo } from './types';

const DEPARTEMENTS = new Map<string, DepartementInfo>([
  ['35', { code: '35', nom: 'Ille-et-Vilaine', region: '53', region_nom: 'Bretagne', zone: 'metro' }],
]);
const VOCABULAIRES = {
  themes: [{ id: 'telesante', libelle: 'Santé et télésanté', couleur: '#D55E00' }],
  secteurs: [{ id: 'sante', libelle: 'Santé', couleur: '#CC6677' }],
};

describe('filter chips', () => {
  const filters: Filters = Object.freeze({
    ...EMPTY_FILTERS, texte: ' patient ', themes: ['telesante', 'inconnu'], secteurs: ['sante'], region: '53', departement: '35', anneeMin: 2005, anneeMax: 2009,
    laureats: true,
  });

  it('name every active filter in French', () => {
    expect(filterChips(filters, VOCABULAIRES, DEPARTEMENTS).map((c) => c.label)).toEqual([
      'Recherche : « patient »', 'Thème : Santé et télésanté', 'Thème : inconnu', 'Secteur : Santé',
      'Région : Bretagne', 'Département : Ille-et-Vilaine (35)', 'Années : de 2005 à 2009', 'Lauréats des Trophées',
    ]);
  });

  it('each remove only its own filter', () => {
    const chips = filterChips(filters, VOCABULAIRES, DEPARTEMENTS);
    const applied = chips.map((c) => ({ ...filters, ...c.remove }));
    expect(applied[1]!.themes).toEqual(['inconnu']);
    expect(applied[4]).toEqual({ ...filters, region: null });
    expect(filterChips(applied[6]!, VOCABULAIRES, DEPARTEMENTS)).toHaveLength(chips.length - 1);
    expect(applied[7]).toEqual({ ...filters, laureats: false });
  });

  it('say when nothing is filtered', () => {
    expect(filterChips(EMPTY_FILTERS, VOCABULAIRES, DEPARTEMENTS)).toEqual([]);
    expect(describeFilters(EMPTY_FILTERS, VOCABULAIRES, DEPARTEMENTS)).toEqual(['Aucun filtre : toutes les innovations']);
  });
});

describe('labels', () => {
  it('year ranges read naturally', () => {
    expect(yearRangeLabel(2005, 2009)).toBe('De 2005 à 2009');
    expect(yearRangeLabel(2009, 2009)).toBe('En 2009');
    expect(yearRangeLabel(2005, null)).toBe('Depuis 2005');
    expect(yearRangeLabel(null, 2009)).toBe("Jusqu'en 2009");
    expect(yearRangeLabel(null, null)).toBeNull();
  });

  it('slugs are lowercase ASCII words', () => {
    expect(slug("  Santé et télésanté / L'Œuvre ")).toBe('sante-et-telesante-l-oeuvre');
    expect(filtersSlug({ ...EMPTY_FILTERS, themes: ['ent'], laureats: true }, DEPARTEMENTS)).toBe('ent-laureats');
  });
});
