import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ETAPE_COLUMNS, INNOVATION_COLUMNS, VOCAB_COLUMNS, VOCAB_OPTIONAL_COLUMNS, type DepartementCollection, type Diagnostic } from '../domain/types';
import { readCsvTable } from './csv/table';
import { createDepartementResolver } from './departementCodes';
import { DEPARTEMENTS } from './cog';
import { CommuneGazetteer, DepartementLocator } from './geocode';
import { validateEtapes, validateInnovations, validateVocabulary, VocabLookup } from './validateRows';

const fixture = path.resolve(__dirname, '../../tests/fixtures/boundaries/departements-avec-outre-mer-extrait.geojson');
const official = Object.freeze(JSON.parse(readFileSync(fixture, 'utf8')) as DepartementCollection);
const placement = {
  departements: createDepartementResolver(DEPARTEMENTS),
  locator: new DepartementLocator(official, 5),
  gazetteer: CommuneGazetteer.fromEntries([
    { name: 'Lyon', lat: '45.75', lng: '4.85', country: 'FR', admin2: '69' },
    { name: 'Saint-Denis', lat: '-20.88231', lng: '55.4504', country: 'RE', admin2: '974' },
  ]),
};
const table = <C extends string>(text: string, columns: readonly C[], known: readonly string[] = []) => {
  const { table: t, diagnostics } = readCsvTable(new TextEncoder().encode(text), 'f.csv', columns, { known });
  if (!t) throw new Error(JSON.stringify(diagnostics));
  return t;
};
const where = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.line}:${d.column}`);

const themes = new VocabLookup([
  { id: 'ent', libelle: 'Espaces numériques de travail', couleur: '#000000' },
  { id: 'telesante', libelle: 'Santé et télésanté', couleur: '#111111' },
], 'thème');
const secteurs = new VocabLookup([{ id: 'education', libelle: 'Éducation', couleur: '#222222' }], 'secteur');

describe('validateVocabulary', () => {
  it('reads entries and lower-cases colours', () => {
    const r = validateVocabulary(table('id;libelle;couleur\nent;ENT;#00AAFF', VOCAB_COLUMNS));
    expect(r).toEqual({ items: [{ id: 'ent', libelle: 'ENT', couleur: '#00aaff' }], counts: { read: 1, written: 1, rejected: 0 }, diagnostics: [] });
  });
  it('reads the optional English label, and leaves it out when the column is missing or the cell empty', () => {
    const r = validateVocabulary(table('id;libelle;couleur;libelle_en\nent;ENT;#00AAFF;Digital workspaces\nsante;Santé;#000000;  ', VOCAB_COLUMNS, VOCAB_OPTIONAL_COLUMNS));
    expect(r.diagnostics).toEqual([]);
    expect(r.items).toEqual([
      { id: 'ent', libelle: 'ENT', couleur: '#00aaff', libelle_en: 'Digital workspaces' },
      { id: 'sante', libelle: 'Santé', couleur: '#000000' },
    ]);
    expect(validateVocabulary(table('id;libelle;couleur\nent;ENT;#00AAFF', VOCAB_COLUMNS, VOCAB_OPTIONAL_COLUMNS)).items[0]).not.toHaveProperty('libelle_en');
  });
  it('rejects duplicate ids and labels, missing labels and bad colours', () => {
    const r = validateVocabulary(table('id;libelle;couleur\na;A;#000000\nA;B;#000000\nc;a;#000000\nd;;#000000\ne;E;bleu', VOCAB_COLUMNS));
    expect(where(r.diagnostics)).toEqual(['error 3:1', 'error 4:2', 'error 5:2', 'error 6:3']);
    expect(r.diagnostics[0]?.message).toMatch(/déjà utilisé ligne 2/u);
    expect(r.counts).toEqual({ read: 5, written: 1, rejected: 4 });
  });
});

describe('VocabLookup', () => {
  it('resolves ids and labels without case or accents, keeps order, drops repeats', () => {
    const r = validateInnovations(table(
      `${INNOVATION_COLUMNS.join(';')}\ni1;T;;SANTE ET TELESANTE| ent |telesante;Education;69;Lyon;;;;;;`, INNOVATION_COLUMNS),
    { ...placement, themes, secteurs, etapes: new Map() });
    expect(r.diagnostics).toEqual([]);
    expect(r.items[0]).toMatchObject({ themes: ['telesante', 'ent'], secteurs: ['education'] });
  });
});

const innovation = (cells: Partial<Record<(typeof INNOVATION_COLUMNS)[number], string>>) =>
  INNOVATION_COLUMNS.map((c) => cells[c] ?? { id: 'i1', titre: 'Titre', themes: 'ent', secteurs: 'education', departement: '69' }[c as string] ?? '').join(';');
const innovations = (...rows: string[]) => validateInnovations(
  table(`${INNOVATION_COLUMNS.join(';')}\n${rows.join('\n')}`, INNOVATION_COLUMNS),
  { ...placement, themes, secteurs, etapes: new Map([['e01', 'E01']]) },
);
const col = (c: (typeof INNOVATION_COLUMNS)[number]) => INNOVATION_COLUMNS.indexOf(c) + 1;

describe('validateInnovations: placement', () => {
  it('keeps exact coordinates (decimal comma) inside the department', () => {
    const r = innovations(innovation({ latitude: '45,764', longitude: '4,8357' }));
    expect(r.items[0]).toMatchObject({ latitude: 45.764, longitude: 4.8357, position: 'exact', departement: '69' });
  });
  it('places by commune when there are no coordinates', () => {
    const r = innovations(innovation({ departement: 'la réunion', commune: 'St Denis' }));
    expect(r.diagnostics).toEqual([]);
    expect(r.items[0]).toMatchObject({ longitude: 55.4504, latitude: -20.88231, position: 'commune', departement: '974', commune: 'St Denis' });
  });
  it('falls back to the department label point with a warning', () => {
    const r = innovations(innovation({}), innovation({ id: 'i2', commune: 'Lugdunum' }));
    expect(r.items.map((i) => i.position)).toEqual(['departement', 'departement']);
    expect(where(r.diagnostics)).toEqual([`warning 2:${col('departement')}`, `warning 3:${col('commune')}`]);
    expect(r.diagnostics[1]?.message).toMatch(/« Lugdunum » introuvable/u);
    const [lon, lat] = [r.items[0]?.longitude ?? 0, r.items[0]?.latitude ?? 0];
    expect(placement.locator.check('69', [lon, lat]).distanceKm).toBe(0);
  });
  it('rejects a point outside its department, suggesting a swap when the swap fits', () => {
    const r = innovations(
      innovation({ latitude: '4.8357', longitude: '45.764' }),
      innovation({ id: 'i2', departement: '38' , latitude: '45.764', longitude: '4.8357' }),
      innovation({ id: 'i3', latitude: '45.764' }),
      innovation({ id: 'i4', latitude: '145', longitude: '4' }),
    );
    expect(r.counts).toEqual({ read: 4, written: 0, rejected: 4 });
    expect(where(r.diagnostics)).toEqual([
      `error 2:${col('latitude')}`, `error 3:${col('latitude')}`, `error 4:${col('longitude')}`, `error 5:${col('latitude')}`,
    ]);
    expect(r.diagnostics[0]?.message).toMatch(/hors du département Rhône \(69\).*inversées/u);
    expect(r.diagnostics[1]?.message).toMatch(/dans Rhône \(69\)/u);
    expect(r.diagnostics[2]?.message).toMatch(/longitude manquante/u);
    expect(r.diagnostics[3]?.message).toMatch(/impossibles/u);
  });
  it('rejects 20 and unknown departments', () => {
    const r = innovations(innovation({ departement: '20' }), innovation({ id: 'i2', departement: 'Atlantide' }));
    expect(where(r.diagnostics)).toEqual([`error 2:${col('departement')}`, `error 3:${col('departement')}`]);
    expect(r.diagnostics[0]?.message).toMatch(/2A .*2B/u);
  });
});

describe('validateInnovations: fields', () => {
  it('produces exactly the Innovation properties', () => {
    const r = innovations(innovation({ description: 'D', porteur: 'P', annee: '2009', site_web: 'https://a.fr', etape: 'e01', latitude: '45.76', longitude: '4.84' }));
    expect(r.items).toEqual([{
      id: 'i1', titre: 'Titre', description: 'D', themes: ['ent'], secteurs: ['education'], departement: '69', commune: '',
      longitude: 4.84, latitude: 45.76, position: 'exact', porteur: 'P', annee: 2009, site_web: 'https://a.fr', etape: 'E01', trophee: null,
    }]);
  });
  it('locates each field error on its line and column', () => {
    const r = innovations(
      innovation({ titre: '' }),
      innovation({ id: 'i2', annee: '09' }),
      innovation({ id: 'i3', site_web: 'www.a.fr' }),
      innovation({ id: 'i4', etape: 'e99' }),
      innovation({ id: 'i5', themes: 'ent|robotique' }),
      innovation({ id: 'i6', secteurs: '' }),
      innovation({ id: 'i1' }),
      innovation({ id: '' }),
    );
    expect(where(r.diagnostics)).toEqual([
      `error 2:${col('titre')}`, `error 3:${col('annee')}`, `error 4:${col('site_web')}`, `error 5:${col('etape')}`,
      `error 6:${col('themes')}`, `error 7:${col('secteurs')}`, `error 8:${col('id')}`, `error 9:${col('id')}`,
    ]);
    expect(r.diagnostics[4]?.message).toMatch(/thème « robotique » inconnu/u);
    expect(r.diagnostics[6]?.message).toMatch(/« i1 » déjà utilisé ligne 2/u);
    expect(r.counts).toEqual({ read: 8, written: 0, rejected: 8 });
  });
  it('rejects a malformed row whole, with its parse problem', () => {
    const r = innovations(innovation({}), 'i2;trop;court');
    expect(r.counts).toEqual({ read: 2, written: 1, rejected: 1 });
    expect(where(r.diagnostics)).toEqual(['warning 2:6', 'error 3:4']);
  });
});

describe('validateEtapes', () => {
  const etapes = (...rows: string[]) => validateEtapes(table(`${ETAPE_COLUMNS.join(';')}\n${rows.join('\n')}`, ETAPE_COLUMNS), { ...placement, themes });
  it('reads French dates as ISO and allows an empty intitulé', () => {
    const r = etapes('e01;23/04/2009;Lyon;Rhône;;ent;;');
    expect(r.diagnostics).toEqual([]);
    expect(r.items).toEqual([{
      id: 'e01', date: '2009-04-23', commune: 'Lyon', departement: '69', intitule: '', themes: ['ent'], longitude: 4.85, latitude: 45.75, position: 'commune',
      edition: 2009,
    }]);
  });
  it('rejects impossible dates', () => {
    const r = etapes('e01;2009-02-30;Lyon;69;x;;;', 'e02;;Lyon;69;x;;;');
    expect(where(r.diagnostics)).toEqual(['error 2:2', 'error 3:2']);
  });
});

describe('optional columns', () => {
  const withTrophee = (rows: string[]) => validateInnovations(
    table(`${INNOVATION_COLUMNS.join(';')};trophee\n${rows.join('\n')}`, INNOVATION_COLUMNS, ['trophee']),
    { ...placement, themes, secteurs, etapes: new Map() },
  );
  it('reads a laureate\'s year and category, and an empty trophee as none', () => {
    const r = withTrophee([`${innovation({})};2009 – Administration en ligne`, `${innovation({ id: 'i2' })};`, `${innovation({ id: 'i3' })};2010`]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.items.map((i) => i.trophee)).toEqual([{ annee: 2009, categorie: 'Administration en ligne' }, null, { annee: 2010, categorie: '' }]);
  });
  it('locates an unreadable trophee at its own column', () => {
    const r = withTrophee([`${innovation({})};lauréat`]);
    expect(where(r.diagnostics.filter((d) => d.severity === 'error'))).toEqual([`error 2:${INNOVATION_COLUMNS.length + 1}`]);
    expect(r.diagnostics.find((d) => d.severity === 'error')?.message).toMatch(/trophée « lauréat » illisible/u);
  });
  it('gives a stop the year of its date as edition, or its edition column', () => {
    const r = validateEtapes(table(`${ETAPE_COLUMNS.join(';')};edition\ne01;2009-11-20;Lyon;69;;;;;\ne02;2010-01-15;Lyon;69;;;;;2009\ne03;2010-03-02;Lyon;69;;;;;dix`, ETAPE_COLUMNS, ['edition']), { ...placement, themes });
    expect(r.items.map((e) => e.edition)).toEqual([2009, 2009]);
    expect(where(r.diagnostics)).toEqual([`error 4:${ETAPE_COLUMNS.length + 1}`]);
  });
});
