import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './types';
import {
  appendSearchLines, applyFilters, emptySearchText, etapesMatchingThemes, hasActiveFilters, laureatTotal, matchedYearCounts, queryWords,
  rowsAtEtape, rowsInDepartement, textKey, textScores, totalsByDepartement, UNKNOWN_YEAR, yearInRange, yearRange,
} from './filters';
import { buildPointsTable, departementSortKey, inDisplayOrder, searchLine } from './points';
import type { DepartementInfo, EtapeFeature, Innovation, InnovationFeature } from './types';

const DEPARTEMENTS = new Map<string, DepartementInfo>([
  ['35', { code: '35', nom: 'Ille-et-Vilaine', region: '53', region_nom: 'Bretagne', zone: 'metro' }],
  ['29', { code: '29', nom: 'Finistère', region: '53', region_nom: 'Bretagne', zone: 'metro' }],
  ['43', { code: '43', nom: 'Haute-Loire', region: '84', region_nom: 'Auvergne-Rhône-Alpes', zone: 'metro' }],
  ['2A', { code: '2A', nom: 'Corse-du-Sud', region: '94', region_nom: 'Corse', zone: 'metro' }],
  ['974', { code: '974', nom: 'La Réunion', region: '04', region_nom: 'La Réunion', zone: 'drom' }],
]);

function innovation(p: Partial<Innovation> & { id: string }): InnovationFeature {
  const props: Innovation = {
    titre: `Projet ${p.id}`, description: '', themes: [], secteurs: [], departement: '35', commune: '',
    porteur: '', annee: 2009, site_web: '', etape: '', latitude: 48, longitude: -1.6, position: 'exact', trophee: null,
    ...p,
  };
  return Object.freeze({
    type: 'Feature',
    geometry: Object.freeze({ type: 'Point', coordinates: Object.freeze([props.longitude, props.latitude]) }),
    properties: Object.freeze({ ...props, themes: Object.freeze(props.themes), secteurs: Object.freeze(props.secteurs) }),
  }) as InnovationFeature;
}

const INNOVATIONS: readonly InnovationFeature[] = Object.freeze([
  innovation({ id: 'a', titre: 'Télémédecine en Finistère', themes: ['telesante'], secteurs: ['sante'], departement: '29', annee: 2008, porteur: 'CHU de Brest', commune: 'Brest', trophee: { annee: 2009, categorie: 'Santé' } }),
  innovation({ id: 'b', titre: 'ENT des collèges', themes: ['ent'], secteurs: ['education'], departement: '35', annee: 2009, description: "Un espace numérique de travail pour l'économie du savoir" }),
  innovation({ id: 'c', titre: 'Haut débit rural', themes: ['haut-debit', 'developpement-eco'], secteurs: ['amenagement'], departement: '43', annee: 2007, commune: 'Le Puy-en-Velay' }),
  innovation({ id: 'd', titre: 'Portail touristique', themes: ['tourisme'], secteurs: ['culture', 'emploi'], departement: '974', annee: 2009, commune: 'Saint-Denis', description: 'Visiter La Réunion en ligne' }),
  innovation({ id: 'e', titre: 'Écoles connectées', themes: ['ent', 'haut-debit'], secteurs: ['education', 'amenagement'], departement: '2A', annee: null, porteur: 'Économie Corse SA', trophee: { annee: 2010, categorie: '' } }),
  innovation({ id: 'f', titre: 'Dossier patient partagé', themes: ['telesante', 'inclusion'], secteurs: ['sante', 'solidarite'], departement: '35', annee: 2010 }),
]);

const ALL_THEMES = ['telesante', 'ent', 'haut-debit', 'developpement-eco', 'tourisme', 'inclusion'];
const ALL_SECTEURS = ['sante', 'education', 'amenagement', 'culture', 'emploi', 'solidarite'];

/** What the data build would write for `features`: rows in display order, columns, search text. */
function prepare(features: readonly InnovationFeature[], themes = ALL_THEMES, secteurs = ALL_SECTEURS) {
  const ordered = inDisplayOrder(features.map((f) => ({ ...f.properties, feature: f }))).map((r) => r.feature);
  const table = buildPointsTable(ordered, { themes, secteurs, etapes: ['e1', 'e2'], regionOf: (d) => DEPARTEMENTS.get(d)?.region });
  const search = emptySearchText();
  appendSearchLines(search, 0, ordered.map((f) => `${searchLine(f.properties)}\n`).join(''));
  return { ordered, table, search };
}

type Prepared = ReturnType<typeof prepare>;

/** One filter pass as the points worker runs it, with the matching features. */
function filterOn(data: Prepared, fl: Filters) {
  const result = applyFilters(data.table, fl, textScores(data.search, data.table.header.count, fl.texte));
  return { ...result, innovations: Array.from(result.matched, (i) => data.ordered[i]!) };
}

const PREPARED = prepare(INNOVATIONS);
const filters = (patch: Partial<Filters>): Filters => Object.freeze({ ...EMPTY_FILTERS, ...patch });
const ids = (fs: readonly InnovationFeature[]) => fs.map((f) => f.properties.id);
const run = (patch: Partial<Filters>) => filterOn(PREPARED, filters(patch));

/** Brute-force reference: the definition of a match, written the obvious way. */
function matchesOtherThan(f: InnovationFeature, fl: Filters, leftOut: 'themes' | 'secteurs' | 'annee' | 'laureats' | null): boolean {
  const p = f.properties;
  const region = DEPARTEMENTS.get(p.departement)?.region;
  const words = queryWords(fl.texte);
  const text = [p.titre, p.description, p.porteur, p.commune].join(' ')
    .normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return (leftOut === 'themes' || fl.themes.length === 0 || p.themes.some((t) => fl.themes.includes(t)))
    && (leftOut === 'secteurs' || fl.secteurs.length === 0 || p.secteurs.some((s) => fl.secteurs.includes(s)))
    && (fl.region === null || region === fl.region)
    && (fl.departement === null || p.departement === fl.departement)
    && (leftOut === 'annee' || fl.anneeMin === null || (p.annee !== null && p.annee >= fl.anneeMin))
    && (leftOut === 'annee' || fl.anneeMax === null || (p.annee !== null && p.annee <= fl.anneeMax))
    && (leftOut === 'laureats' || !fl.laureats || p.trophee !== null)
    && words.every((w) => text.includes(w));
}

describe('filter semantics', () => {
  it('with no filter keeps everything, sorted by department code then title', () => {
    expect(ids(run({}).innovations)).toEqual(['e', 'a', 'f', 'b', 'c', 'd']);
  });

  it('ORs values within the theme group', () => {
    expect(ids(run({ themes: ['telesante', 'tourisme'] }).innovations).sort()).toEqual(['a', 'd', 'f']);
  });

  it('ANDs theme and sector groups', () => {
    expect(ids(run({ themes: ['ent', 'telesante'], secteurs: ['sante'] }).innovations).sort()).toEqual(['a', 'f']);
    expect(ids(run({ themes: ['ent'], secteurs: ['sante'] }).innovations)).toEqual([]);
  });

  it('filters by region through the department of each innovation', () => {
    expect(ids(run({ region: '53' }).innovations).sort()).toEqual(['a', 'b', 'f']);
    expect(ids(run({ region: '53', departement: '29' }).innovations)).toEqual(['a']);
  });

  it('keeps only the laureates of the Trophées, and counts them with that filter left out', () => {
    expect(ids(run({ laureats: true }).innovations)).toEqual(['e', 'a']);
    expect(run({}).laureatCount).toBe(2);
    expect(run({ laureats: true }).laureatCount).toBe(2);
    expect(run({ laureats: true, region: '53' }).laureatCount).toBe(1);
    expect(Object.fromEntries(run({ laureats: true }).themeCounts)).toEqual({ telesante: 1, ent: 1, 'haut-debit': 1 });
    expect(hasActiveFilters(filters({ laureats: true }))).toBe(true);
  });

  it('keeps a year range inclusive and leaves out innovations without a year', () => {
    expect(ids(run({ anneeMin: 2008, anneeMax: 2009 }).innovations).sort()).toEqual(['a', 'b', 'd']);
    expect(ids(run({ anneeMax: 2007 }).innovations)).toEqual(['c']);
    expect(ids(run({}).innovations)).toContain('e');
  });

  it('agrees with a brute-force definition on every combination of a few filters', () => {
    const choices: Partial<Filters>[] = [
      {}, { themes: ['ent'] }, { themes: ['telesante', 'haut-debit'] }, { secteurs: ['education'] },
      { secteurs: ['sante', 'culture'] }, { region: '53' }, { departement: '974' }, { anneeMin: 2009 },
      { texte: 'numerique' }, { texte: 'eco' }, { laureats: true },
    ];
    for (const a of choices) {
      for (const b of choices) {
        const fl = filters({ ...a, ...b });
        const expected = INNOVATIONS.filter((f) => matchesOtherThan(f, fl, null)).map((f) => f.properties.id).sort();
        expect(ids(filterOn(PREPARED, fl).innovations).sort(), JSON.stringify(fl)).toEqual(expected);
      }
    }
  });
});

describe('filter semantics on random data (property)', () => {
  const THEMES = ['ent', 'telesante', 'tourisme', 'inclusion'];
  const SECTEURS = ['education', 'sante', 'culture'];
  const innovationArb = fc.record({
    titre: fc.constantFrom('Réseau santé', 'École numérique', 'Tourisme en ligne', 'Économie locale', ''),
    description: fc.constantFrom('', 'Un service à La Réunion', 'Télétravail rural'),
    themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 }),
    secteurs: fc.uniqueArray(fc.constantFrom(...SECTEURS), { maxLength: 2 }),
    departement: fc.constantFrom(...DEPARTEMENTS.keys(), '99'),
    annee: fc.option(fc.integer({ min: 2000, max: 2012 }), { nil: null }),
    trophee: fc.option(fc.record({ annee: fc.integer({ min: 2008, max: 2011 }), categorie: fc.constantFrom('', 'Santé') }), { nil: null }),
  });
  const filtersArb = fc.record({
    themes: fc.uniqueArray(fc.constantFrom(...THEMES, 'absent'), { maxLength: 2 }),
    secteurs: fc.uniqueArray(fc.constantFrom(...SECTEURS), { maxLength: 2 }),
    region: fc.option(fc.constantFrom('53', '04', '84'), { nil: null }),
    departement: fc.option(fc.constantFrom('35', '974', '99'), { nil: null }),
    anneeMin: fc.option(fc.integer({ min: 2000, max: 2012 }), { nil: null }),
    anneeMax: fc.option(fc.integer({ min: 2000, max: 2012 }), { nil: null }),
    texte: fc.constantFrom('', 'sante', 'ECO', 'reunion', 'en ligne'),
    laureats: fc.boolean(),
  });

  it('matches and facet counts agree with the brute-force definition', () => {
    fc.assert(fc.property(fc.array(innovationArb, { maxLength: 25 }), filtersArb, (rows, criteria) => {
      const data = rows.map((r, i) => innovation({ id: `r${i}`, ...r }));
      const fl = filters(criteria);
      const r = filterOn(prepare(data, THEMES, SECTEURS), fl);
      const expectedIds = data.filter((f) => matchesOtherThan(f, fl, null)).map((f) => f.properties.id).sort();
      expect(ids(r.innovations).sort()).toEqual(expectedIds);
      for (const t of THEMES) {
        expect(r.themeCounts.get(t) ?? 0).toBe(data.filter((f) => matchesOtherThan(f, fl, 'themes') && f.properties.themes.includes(t)).length);
      }
      for (const sct of SECTEURS) {
        expect(r.secteurCounts.get(sct) ?? 0).toBe(data.filter((f) => matchesOtherThan(f, fl, 'secteurs') && f.properties.secteurs.includes(sct)).length);
      }
      const perDep = new Map<string, number>();
      for (const f of r.innovations) perDep.set(f.properties.departement, (perDep.get(f.properties.departement) ?? 0) + 1);
      expect(r.countsByDepartement).toEqual(perDep);
      const perYear = new Map<number, number>();
      for (const f of data.filter((x) => matchesOtherThan(x, fl, 'annee'))) {
        const y = f.properties.annee ?? UNKNOWN_YEAR;
        perYear.set(y, (perYear.get(y) ?? 0) + 1);
      }
      expect(r.yearCounts).toEqual(perYear);
      const matchedPerYear = new Map<number, number>();
      for (const f of r.innovations) {
        const y = f.properties.annee ?? UNKNOWN_YEAR;
        matchedPerYear.set(y, (matchedPerYear.get(y) ?? 0) + 1);
      }
      expect(matchedYearCounts(r.yearCounts, fl)).toEqual(matchedPerYear);
      expect(r.laureatCount).toBe(data.filter((f) => matchesOtherThan(f, fl, 'laureats') && f.properties.trophee !== null).length);
    }), { numRuns: 300 });
  });
});

describe('text search', () => {
  it('ignores case and accents: "reunion" finds "La Réunion"', () => {
    expect(ids(run({ texte: 'reunion' }).innovations)).toEqual(['d']);
    expect(ids(run({ texte: 'RÉUNION' }).innovations)).toEqual(['d']);
  });

  it('matches inside words: "eco" finds "économie" and "Écoles"', () => {
    expect(ids(run({ texte: 'eco' }).innovations).sort()).toEqual(['b', 'e']);
  });

  it('searches title, description, porteur and commune', () => {
    expect(ids(run({ texte: 'telemedecine' }).innovations)).toEqual(['a']); // titre
    expect(ids(run({ texte: 'savoir' }).innovations)).toEqual(['b']); // description
    expect(ids(run({ texte: 'chu brest' }).innovations)).toEqual(['a']); // porteur + commune
    expect(ids(run({ texte: 'puy-en-velay' }).innovations)).toEqual(['c']); // commune
  });

  it('requires every word of the query', () => {
    expect(ids(run({ texte: 'ent colleges' }).innovations)).toEqual(['b']);
    expect(ids(run({ texte: 'ent brest' }).innovations)).toEqual([]);
  });

  it('treats a blank query as no query', () => {
    expect(run({ texte: '   ' }).innovations).toHaveLength(INNOVATIONS.length);
    expect(hasActiveFilters(filters({ texte: '  ' }))).toBe(false);
    expect(hasActiveFilters(filters({ texte: 'x' }))).toBe(true);
  });

  it('ranks by relevance: a title match before a porteur match before a description match', () => {
    const data = prepare([
      innovation({ id: 'desc', titre: 'Zeta', description: 'portail santé' }),
      innovation({ id: 'titre', titre: 'Santé en ligne', departement: '974' }),
      innovation({ id: 'porteur', titre: 'Alpha', porteur: 'Réseau santé' }),
    ]);
    expect(ids(filterOn(data, filters({ texte: 'sante' })).innovations)).toEqual(['titre', 'porteur', 'desc']);
  });

  it('ranks a word start above a match inside a word, and keeps display order on ties', () => {
    const data = prepare([
      innovation({ id: 'inside', titre: 'Télécommunications', departement: '29' }),
      innovation({ id: 'start2', titre: 'Communes rurales', departement: '43' }),
      innovation({ id: 'start1', titre: 'Communes connectées', departement: '35' }),
    ]);
    expect(ids(filterOn(data, filters({ texte: 'commun' })).innovations)).toEqual(['start1', 'start2', 'inside']);
  });

  it('gives one reuse key to queries that differ only in case, accents and spacing', () => {
    expect(textKey('  Économie   LOCALE ')).toBe(textKey('economie locale'));
    expect(textKey('eco')).not.toBe(textKey('eco locale'));
  });

  it('reads every row of a search chunk, whatever characters its fields hold', () => {
    const search = emptySearchText();
    appendSearchLines(search, 2, `${searchLine({ titre: 'A;B', porteur: '"p"', commune: '', description: 'x\ty' })}\n`);
    expect([search.titres[2], search.porteurs[2], search.communes[2], search.descriptions[2]]).toEqual(['a;b', '"p"', '', 'x y']);
  });
});

describe('facet counts', () => {
  it('counts every value when nothing is selected', () => {
    const r = run({});
    expect(Object.fromEntries(r.themeCounts)).toEqual({
      telesante: 2, ent: 2, 'haut-debit': 2, 'developpement-eco': 1, tourisme: 1, inclusion: 1,
    });
    expect(r.secteurCounts.get('education')).toBe(2);
  });

  it("leaves out the group's own selection: ticking a theme does not zero its siblings", () => {
    const r = run({ themes: ['telesante'] });
    expect(r.themeCounts.get('ent')).toBe(2);
    expect(r.themeCounts.get('telesante')).toBe(2);
    // Sectors are counted among the matches of the theme selection.
    expect(Object.fromEntries(r.secteurCounts)).toEqual({ sante: 2, solidarite: 1 });
  });

  it('applies the other groups: a sector selection narrows theme counts', () => {
    const r = run({ secteurs: ['education'] });
    expect(Object.fromEntries(r.themeCounts)).toEqual({ ent: 2, 'haut-debit': 1 });
    expect(r.themeCounts.get('telesante') ?? 0).toBe(0);
  });

  it('equals, for every value, the size of the result if that value were ticked alone', () => {
    const themeIds = ['telesante', 'ent', 'haut-debit', 'developpement-eco', 'tourisme', 'inclusion'];
    for (const other of [{}, { region: '53' }, { secteurs: ['amenagement'] }, { texte: 'eco' }, { anneeMin: 2009 }]) {
      const r = run({ ...other, themes: ['ent'] });
      for (const t of themeIds) {
        expect(r.themeCounts.get(t) ?? 0, `${t} ${JSON.stringify(other)}`)
          .toBe(run({ ...other, themes: [t] }).innovations.length);
      }
    }
  });

  it('counts territories without the territory selection', () => {
    const r = run({ region: '53', themes: ['ent'] });
    expect(r.regionCounts.get('53')).toBe(1);
    expect(r.regionCounts.get('94')).toBe(1);
    expect(r.departementCounts.get('2A')).toBe(1);
  });

  it('counts years with the year range left out, unknown years under UNKNOWN_YEAR', () => {
    expect(Object.fromEntries(run({}).yearCounts)).toEqual({ [UNKNOWN_YEAR]: 1, 2007: 1, 2008: 1, 2009: 2, 2010: 1 });
    // The range narrows the matches, not its own facet; the other groups narrow it.
    expect(run({ anneeMin: 2009 }).yearCounts).toEqual(run({}).yearCounts);
    expect(Object.fromEntries(run({ secteurs: ['education'], anneeMax: 2008 }).yearCounts)).toEqual({ [UNKNOWN_YEAR]: 1, 2009: 1 });
  });

  it("gives the filtered set's years, adding up to the number of matches", () => {
    for (const patch of [{}, { anneeMin: 2008 }, { anneeMin: 2008, anneeMax: 2009 }, { themes: ['ent'] }, { themes: ['ent'], anneeMax: 2009 }]) {
      const r = run(patch);
      const own = matchedYearCounts(r.yearCounts, filters(patch));
      expect([...own.values()].reduce((a, b) => a + b, 0), JSON.stringify(patch)).toBe(r.matched.length);
    }
    expect(Object.fromEntries(matchedYearCounts(run({}).yearCounts, filters({ anneeMin: 2008, anneeMax: 2009 })))).toEqual({ 2008: 1, 2009: 2 });
  });

  it('keeps unknown years only when no year range is set', () => {
    expect(yearInRange(UNKNOWN_YEAR, filters({}))).toBe(true);
    expect(yearInRange(UNKNOWN_YEAR, filters({ anneeMax: 2020 }))).toBe(false);
    expect(yearInRange(2009, filters({ anneeMin: 2009, anneeMax: 2009 }))).toBe(true);
    expect(yearInRange(2010, filters({ anneeMin: 2009, anneeMax: 2009 }))).toBe(false);
  });

  it('counts matches per department', () => {
    expect(Object.fromEntries(run({ themes: ['telesante', 'ent'] }).countsByDepartement))
      .toEqual({ '29': 1, '35': 2, '2A': 1 });
  });
});

describe('rows by place and stop, totals and years', () => {
  const rowIds = (rows: Uint32Array) => Array.from(rows, (i) => PREPARED.ordered[i]!.properties.id);

  it('keeps the rows of one department among given rows, in their order', () => {
    const all = run({}).matched;
    expect(rowIds(rowsInDepartement(PREPARED.table, all, '35'))).toEqual(['f', 'b']);
    expect(rowIds(rowsInDepartement(PREPARED.table, run({ themes: ['ent'] }).matched, '35'))).toEqual(['b']);
    expect(rowsInDepartement(PREPARED.table, all, '01')).toHaveLength(0);
  });

  it('finds the rows presented at a stop', () => {
    const data = prepare([innovation({ id: 'x', etape: 'e2' }), innovation({ id: 'y' }), innovation({ id: 'z', etape: 'e2', departement: '29' })]);
    expect(Array.from(rowsAtEtape(data.table, 'e2'), (i) => data.ordered[i]!.properties.id)).toEqual(['z', 'x']);
    expect(rowsAtEtape(data.table, 'e9')).toHaveLength(0);
  });

  it('counts every row per department and gives the known years', () => {
    expect(Object.fromEntries(totalsByDepartement(PREPARED.table))).toEqual({ '2A': 1, '29': 1, '35': 2, '43': 1, '974': 1 });
    expect(yearRange(PREPARED.table)).toEqual({ min: 2007, max: 2010 });
    expect(laureatTotal(PREPARED.table)).toBe(2);
    expect(yearRange(prepare([innovation({ id: 'n', annee: null })]).table)).toBeNull();
  });
});

describe('stops', () => {
  const etape = (id: string, themes: string[]): EtapeFeature => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { id, date: '2009-04-23', commune: '', departement: '43', intitule: '', themes, latitude: 0, longitude: 0, position: 'exact', edition: 2009 },
  });
  const ETAPES = Object.freeze([etape('e01', ['ent', 'inclusion']), etape('e02', ['telesante']), etape('e03', [])]);

  it('keeps every stop when no theme is ticked', () => {
    expect(etapesMatchingThemes(ETAPES, []).map((e) => e.properties.id)).toEqual(['e01', 'e02', 'e03']);
  });

  it('keeps stops sharing a ticked theme', () => {
    expect(etapesMatchingThemes(ETAPES, ['inclusion', 'telesante']).map((e) => e.properties.id)).toEqual(['e01', 'e02']);
  });
});

describe('department order', () => {
  it('puts Corsica between 19 and 21 and overseas last', () => {
    const codes = ['974', '21', '2B', '01', '2A', '19', '971', '95'];
    expect(codes.sort((a, b) => departementSortKey(a).localeCompare(departementSortKey(b))))
      .toEqual(['01', '19', '2A', '2B', '21', '95', '971', '974']);
  });
});

