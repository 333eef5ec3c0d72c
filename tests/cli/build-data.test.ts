/**
 * The `npm run data` CLI on folders of messy and broken inputs (tests/fixtures): exit codes,
 * located French errors, output files, atomic replacement and --lenient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { main } from '../../scripts/build-data';
import { outputEntries } from '../../src/build/writeOutputs';
import { toDisplayPosition } from '../../src/domain/insets';
import { decodePointsFile } from '../../src/domain/points';
import type { BuildReport, DataMeta, EtapeCollection, InnovationCollection, Vocabulaires } from '../../src/domain/types';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures');
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'build-data-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main([...argv, '--store', path.join(work, '.magasin')], { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
/** Innovations the build wrote into `out`, by its report. */
const writtenInnovations = (out: string) => readJson<BuildReport>(path.join(out, 'report.json')).files['innovations.csv']!.written;
const fixture = (name: string) => path.join(fixtures, name);

describe('valid but messy data (Windows-1252, ;, CRLF, BOM, decimal commas, quoted line breaks)', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    out = path.join(work, 'valides');
    result = await run('--data-dir', fixture('donnees-valides'), '--out', out);
  });

  it('exits 0 and writes every output file, nothing else', () => {
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(outputEntries(writtenInnovations(out)).sort());
    expect(readdirSync(work).filter((f) => f.startsWith('valides.'))).toEqual([]);
  });

  it('reports warnings for rows placed at their department, with line and column', () => {
    const dir = fixture('donnees-valides');
    expect(result.stderr).toHaveLength(2);
    expect(result.stderr[0]?.startsWith(`${dir}/etapes.csv:5:4: avertissement : ni coordonnées ni commune`)).toBe(true);
    expect(result.stderr[0]).toMatch(/Oise \(60\)/u);
    expect(result.stderr[1]?.startsWith(`${dir}/innovations.csv:6:6: avertissement : `)).toBe(true);
    expect(result.stderr[1]).toMatch(/Creuse \(23\)/u);
  });

  it('decodes Windows-1252 and reads every cell form', () => {
    const { features } = readJson<InnovationCollection>(path.join(out, 'innovations.geojson'));
    const byId = new Map(features.map((f) => [f.properties.id, f.properties]));
    expect(byId.get('i1')).toEqual({
      id: 'i1', titre: 'Cœur numérique',
      description: 'Description ; avec point-virgule\r\net retour à la ligne, « guillemets » et €',
      themes: ['ent', 'telesante'], secteurs: ['sante'], departement: '01', commune: 'Bourg-en-Bresse',
      longitude: 5.2255, latitude: 46.2052, position: 'exact', porteur: 'Région', annee: 2009,
      site_web: 'https://exemple.fr/i1', etape: 'e01', trophee: null,
    });
    expect(byId.get('i2')).toMatchObject({ titre: 'Télécentre', departement: '2A', annee: 2008, site_web: '', etape: '', position: 'exact' });
    expect(byId.get('i3')).toMatchObject({ departement: '42', position: 'commune', secteurs: ['sante'], etape: 'e02', annee: null });
    expect(byId.get('i4')).toMatchObject({ departement: '23', position: 'departement' });
    expect(byId.get('i5')).toMatchObject({ departement: '976', position: 'exact', longitude: 45.2276, latitude: -12.7809 });
  });

  it('puts each point at its display position, keeping the real one in properties', () => {
    const { features } = readJson<InnovationCollection>(path.join(out, 'innovations.geojson'));
    for (const f of features) {
      const { departement, longitude, latitude } = f.properties;
      expect(f.geometry.coordinates).toEqual(toDisplayPosition(departement, [longitude, latitude]));
    }
    const mayotte = features.find((f) => f.properties.departement === '976');
    expect(mayotte?.geometry.coordinates).not.toEqual([45.2276, -12.7809]);
    const ain = features.find((f) => f.properties.departement === '01');
    expect(ain?.geometry.coordinates).toEqual([5.2255, 46.2052]);
  });

  it('writes stops with ISO dates, points only (the map draws the route through the stops it shows)', () => {
    const { features } = readJson<EtapeCollection>(path.join(out, 'etapes.geojson'));
    expect(features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(features.map((f) => f.properties)).toMatchObject([
      { id: 'e01', date: '2009-04-23', intitule: 'Les ENT,\noutil pédagogique', themes: ['ent'], position: 'commune', departement: '43' },
      { id: 'e02', date: '2009-05-06', departement: '974', position: 'commune' },
      { id: 'e03', date: '2009-06-10', departement: '60', position: 'departement' },
    ]);
  });

  it('writes vocabularies, meta, countries, insets and display departments', () => {
    const vocab = readJson<Vocabulaires>(path.join(out, 'vocabulaires.json'));
    expect(vocab.themes).toEqual([
      { id: 'ent', libelle: 'Éducation et ENT', couleur: '#0072b2' },
      { id: 'telesante', libelle: 'Santé et télésanté', couleur: '#d55e00' },
    ]);
    expect(vocab.secteurs.map((s) => s.libelle)).toEqual(['Éducation', 'Santé, médico-social']);
    expect(readJson(path.join(out, 'meta.json'))).toEqual(readJson(path.join(fixture('donnees-valides'), 'meta.json')));
    expect(readFileSync(path.join(out, 'pays.geojson'), 'utf8')).toBe(readFileSync(path.join(fixture('donnees-valides'), 'pays.geojson'), 'utf8'));
    const deps = readJson<{ features: { properties: { role: string } }[] }>(path.join(out, 'departements.geojson'));
    expect(deps.features.filter((f) => f.properties.role === 'zone')).toHaveLength(107);
    expect(deps.features.filter((f) => f.properties.role === 'etiquette')).toHaveLength(107);
    expect(readJson<{ features: unknown[] }>(path.join(out, 'insets.geojson')).features.length).toBeGreaterThan(0);
  });

  it('reports counts where read = written + rejected for every file', () => {
    const report = readJson<BuildReport>(path.join(out, 'report.json'));
    expect(report.files).toEqual({
      'themes.csv': { read: 2, written: 2, rejected: 0 },
      'secteurs.csv': { read: 2, written: 2, rejected: 0 },
      'etapes.csv': { read: 3, written: 3, rejected: 0 },
      'innovations.csv': { read: 5, written: 5, rejected: 0 },
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toHaveLength(2);
  });
});

/** Every error of tests/fixtures/donnees-erreurs, as `file:line:column` and a telling part of the message. */
const EXPECTED_ERRORS: [string, RegExp][] = [
  ['themes.csv:3:3', /couleur « vert » invalide/u],
  ['etapes.csv:3:2', /date « 2009-02-30 » inexistante/u],
  ['innovations.csv:5:1', /« i01 » déjà utilisé ligne 2/u],
  ['innovations.csv:6:2', /titre manquant/u],
  ['innovations.csv:7:4', /thème « robotique » inconnu/u],
  ['innovations.csv:8:5', /secteur « spatial » inconnu/u],
  ['innovations.csv:9:6', /« 20 ».*2A .*2B/u],
  ['innovations.csv:10:8', /hors du département Corse-du-Sud \(2A\).*inversées/u],
  ['innovations.csv:11:11', /année « 09 » invalide/u],
  ['innovations.csv:12:12', /site_web « ftp:\/\/exemple\.fr » invalide/u],
  ['innovations.csv:13:13', /étape « e99 » inconnue/u],
  ['innovations.csv:14:14', /14 champs au lieu de 13/u],
  ['innovations.csv:15:8', /hors du département Finistère \(29\).*dans Rhône \(69\)/u],
  ['innovations.csv:17:4', /thème « Vert » écarté : sa ligne 3 de themes\.csv/u],
];

describe('broken data', () => {
  it('prints every error as path:line:column: message, exits 1 and leaves the previous output untouched', async () => {
    const out = path.join(work, 'erreurs');
    mkdirSync(out);
    writeFileSync(path.join(out, 'innovations.geojson'), 'précédent');
    const { code, stderr } = await run('--data-dir', fixture('donnees-erreurs'), '--out', out);
    expect(code).toBe(1);
    const dir = fixture('donnees-erreurs');
    const errors = stderr.filter((l) => l.startsWith(dir));
    expect(errors).toHaveLength(EXPECTED_ERRORS.length);
    EXPECTED_ERRORS.forEach(([where, message], i) => {
      expect(errors[i]?.startsWith(`${dir}/${where}: `), errors[i]).toBe(true);
      expect(errors[i]).toMatch(message);
    });
    expect(stderr.at(-1)).toMatch(/14 erreur\(s\).*rien n’a été écrit/u);
    expect(readdirSync(out)).toEqual(['innovations.geojson']);
    expect(readFileSync(path.join(out, 'innovations.geojson'), 'utf8')).toBe('précédent');
    expect(readdirSync(work).filter((f) => f.startsWith('erreurs.'))).toEqual([]);
  });

  it('--lenient leaves invalid rows out, reports them, exits 0', async () => {
    const out = path.join(work, 'indulgent');
    const { code } = await run('--data-dir', fixture('donnees-erreurs'), '--out', out, '--lenient');
    expect(code).toBe(0);
    const report = readJson<BuildReport>(path.join(out, 'report.json'));
    expect(report.errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column}`)).toEqual(EXPECTED_ERRORS.map(([w]) => w));
    expect(report.files).toEqual({
      'themes.csv': { read: 2, written: 1, rejected: 1 },
      'secteurs.csv': { read: 1, written: 1, rejected: 0 },
      'etapes.csv': { read: 2, written: 1, rejected: 1 },
      'innovations.csv': { read: 14, written: 2, rejected: 12 },
    });
    for (const counts of Object.values(report.files)) expect(counts.read).toBe(counts.written + counts.rejected);
    const { features } = readJson<InnovationCollection>(path.join(out, 'innovations.geojson'));
    // Display order: department, then title.
    expect(features.map((f) => f.properties.id).sort()).toEqual(['i01', 'i13']);
    expect(features.find((f) => f.properties.id === 'i01')?.properties.description).toBe('Texte sur\ntrois\nlignes');
  });

  it('a missing column fails even with --lenient, naming the column', async () => {
    const out = path.join(work, 'colonne');
    const { code, stderr } = await run('--data-dir', fixture('colonne-manquante'), '--out', out, '--lenient');
    expect(code).toBe(1);
    expect(stderr[0]).toBe(`${fixture('colonne-manquante')}/themes.csv:1:3: colonne « couleur » manquante : ajoutez-la à la première ligne (colonnes attendues : id, libelle, couleur)`);
    expect(stderr.filter((l) => l.startsWith(fixtures) && !l.includes('avertissement'))).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a folder of only the four CSVs builds, with default meta (real data, dated by the newest CSV, standard attributions)', async () => {
    const data = path.join(work, 'sans-meta');
    cpSync(fixture('donnees-valides'), data, { recursive: true });
    rmSync(path.join(data, 'meta.json'));
    rmSync(path.join(data, 'pays.geojson'));
    const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);
    utimesSync(path.join(data, 'innovations.csv'), at(2024, 3, 5), at(2024, 3, 5));
    for (const name of ['etapes.csv', 'themes.csv', 'secteurs.csv']) utimesSync(path.join(data, name), at(2023, 1, 2), at(2023, 1, 2));
    const out = path.join(work, 'sans-meta-out');
    const { code, stdout } = await run('--data-dir', data, '--out', out);
    expect(code).toBe(0);
    const shipped = readJson<DataMeta>(path.join(root, 'data/meta.json'));
    expect(readJson(path.join(out, 'meta.json'))).toEqual({ exemple: false, date_donnees: '2024-03-05', attributions: shipped.attributions });
    expect(stdout).toContain('meta.json absent : valeurs par défaut (exemple : false, date_donnees : 2024-03-05, date du fichier CSV le plus récent, attributions standard) ; ajoutez meta.json pour les changer');
  });

  it('a malformed meta.json is a located error, even with --lenient', async () => {
    const data = path.join(work, 'meta-invalide');
    cpSync(fixture('donnees-valides'), data, { recursive: true });
    writeFileSync(path.join(data, 'meta.json'), '{\n  "exemple": true,\n  "date_donnees": "2009-12-31",\n}\n');
    const { code, stderr } = await run('--data-dir', data, '--out', path.join(work, 'meta-invalide-out'), '--lenient');
    expect(code).toBe(1);
    expect(stderr.find((l) => l.includes('meta.json'))).toMatch(new RegExp(`^${data}/meta\\.json:4:1: JSON invalide`, 'u'));
  });

  it('an innovations.csv with only its header builds, with a warning that no innovation will show', async () => {
    const data = path.join(work, 'en-tete-seul');
    cpSync(fixture('donnees-valides'), data, { recursive: true });
    writeFileSync(path.join(data, 'innovations.csv'), 'id;titre;description;themes;secteurs;departement;commune;latitude;longitude;porteur;annee;site_web;etape\r\n');
    const out = path.join(work, 'en-tete-seul-out');
    const { code, stderr, stdout } = await run('--data-dir', data, '--out', out);
    expect(code).toBe(0);
    expect(stderr).toContain(`${data}/innovations.csv:1:1: avertissement : aucune innovation : le fichier n’a que sa ligne d’en-tête ; la carte n’affichera aucune innovation (seulement les étapes)`);
    expect(stdout).toContain('innovations.csv : 0 lignes lues, 0 écrites, 0 rejetées');
    expect(readJson(path.join(out, 'identifiants.json'))).toEqual([]);
    expect(readJson(path.join(out, 'innovations-0000.json'))).toEqual([]);
    expect(decodePointsFile(new Uint8Array(readFileSync(path.join(out, 'points.bin'))).buffer).header.count).toBe(0);
    expect(readJson<EtapeCollection>(path.join(out, 'etapes.geojson')).features).toHaveLength(3);
  });

  it('--lenient with every innovation in error warns that none will show', async () => {
    const data = path.join(work, 'toutes-en-erreur');
    cpSync(fixture('donnees-valides'), data, { recursive: true });
    writeFileSync(path.join(data, 'innovations.csv'), 'id;titre;description;themes;secteurs;departement;commune;latitude;longitude;porteur;annee;site_web;etape\n;;;;;;x;;;;;;\n');
    const { code, stderr } = await run('--data-dir', data, '--out', path.join(work, 'toutes-en-erreur-out'), '--lenient');
    expect(code).toBe(0);
    expect(stderr).toContain(`${data}/innovations.csv:1:1: avertissement : aucune innovation écrite : toutes les lignes sont en erreur ; la carte n’affichera aucune innovation (seulement les étapes)`);
  });

  it('a file the system cannot read is a located French error, nothing written', async () => {
    const data = path.join(work, 'dossier-a-la-place');
    cpSync(fixture('donnees-valides'), data, { recursive: true });
    rmSync(path.join(data, 'innovations.csv'));
    mkdirSync(path.join(data, 'innovations.csv'));
    const out = path.join(work, 'dossier-a-la-place-out');
    const { code, stderr } = await run('--data-dir', data, '--out', out);
    expect(code).toBe(1);
    expect(stderr.at(-1)).toBe(`${data}/innovations.csv:1:1: c’est un dossier, un fichier est attendu (EISDIR) ; rien n’a été écrit dans ${out}`);
    expect(existsSync(out)).toBe(false);
  });

  it('a successful run replaces the previous output whole', async () => {
    const out = path.join(work, 'remplace');
    mkdirSync(out);
    writeFileSync(path.join(out, 'ancien.txt'), 'x');
    expect((await run('--data-dir', fixture('donnees-valides'), '--out', out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(outputEntries(writtenInnovations(out)).sort());
  });
});

describe('a quote that never closes (text pasted from Word)', () => {
  /** donnees-valides with innovations.csv edited by `edit` (the file is Windows-1252). */
  function withInnovations(name: string, edit: (text: string) => string): string {
    const data = path.join(work, name);
    cpSync(fixture('donnees-valides'), data, { recursive: true });
    const file = path.join(data, 'innovations.csv');
    writeFileSync(file, iconv.encode(edit(iconv.decode(readFileSync(file), 'win1252')), 'win1252'));
    return data;
  }
  const inMiddle = (text: string) => text.replace('i3;Commune seule;;', 'i3;Commune seule;"Copié de Word : ');

  it('is an error located where the quote opens; the rows after it are still read', async () => {
    const data = withInnovations('guillemet', inMiddle);
    const { code, stdout, stderr } = await run('--data-dir', data, '--out', path.join(work, 'guillemet-out'));
    expect(code).toBe(1);
    expect(stderr.filter((l) => !l.includes('avertissement'))[0]).toMatch(
      new RegExp(`^${data}/innovations\\.csv:5:3: guillemet ouvrant sans guillemet fermant`, 'u'));
    expect(stdout).toContain('innovations.csv : 5 lignes lues, 4 écrites, 1 rejetées');
  });

  it('--lenient leaves out that row only and keeps read = written + rejected', async () => {
    const data = withInnovations('guillemet-indulgent', inMiddle);
    const out = path.join(work, 'guillemet-indulgent-out');
    const { code, stdout } = await run('--data-dir', data, '--out', out, '--lenient');
    expect(code).toBe(0);
    expect(stdout).toContain('innovations.csv : 5 lignes lues, 4 écrites, 1 rejetées');
    const { features } = readJson<InnovationCollection>(path.join(out, 'innovations.geojson'));
    expect(features.map((f) => f.properties.id).sort()).toEqual(['i1', 'i2', 'i4', 'i5']);
    expect(readJson<BuildReport>(path.join(out, 'report.json')).files['innovations.csv']).toEqual({ read: 5, written: 4, rejected: 1 });
  });

  it('closed only on a later cell\'s quote: the rows in between are read again, not swallowed', async () => {
    // i2's description opens a quote that only i4's quoted description, two rows further, closes.
    const data = withInnovations('guillemet-tardif', (text) => text.replace('i2;  Télécentre  ;;', 'i2;  Télécentre  ;"Copié de Word : ;').replace('i4;Département seul;;', 'i4;Département seul;"Décrit";'));
    const out = path.join(work, 'guillemet-tardif-out');
    const { code, stdout, stderr } = await run('--data-dir', data, '--out', out, '--lenient');
    expect(code).toBe(0);
    expect(stderr.some((l) => l.startsWith(`${data}/innovations.csv:4:3: guillemet ouvert ici et refermé seulement ligne 6`))).toBe(true);
    expect(stdout).toContain('innovations.csv : 5 lignes lues, 4 écrites, 1 rejetées');
    const { features } = readJson<InnovationCollection>(path.join(out, 'innovations.geojson'));
    expect(features.map((f) => f.properties.id).sort()).toEqual(['i1', 'i3', 'i4', 'i5']);
  });

  it('on the last line, with or without a final line break', async () => {
    for (const [name, ending] of [['fin-sans', ''], ['fin-avec', '\r\n']] as const) {
      const data = withInnovations(name, (text) => `${text.replace(/;+\r\n$/u, '').replace('i5;Outre-mer;', 'i5;"Outre-mer;').trimEnd()}${ending}`);
      const { code, stderr, stdout } = await run('--data-dir', data, '--out', path.join(work, `${name}-out`), '--lenient');
      expect(code, name).toBe(0);
      expect(stderr.some((l) => l.startsWith(`${data}/innovations.csv:7:2: guillemet ouvrant sans guillemet fermant`)), name).toBe(true);
      expect(stdout, name).toContain('innovations.csv : 5 lignes lues, 4 écrites, 1 rejetées');
    }
  });
});

describe('as a process', () => {
  it('exits 1 with errors on stderr (npx tsx scripts/build-data.ts)', async () => {
    const out = path.join(work, 'processus');
    const failure = await promisify(execFile)('npx', ['tsx', 'scripts/build-data.ts', '--data-dir', 'tests/fixtures/donnees-erreurs', '--out', out], { cwd: root })
      .then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('tests/fixtures/donnees-erreurs/innovations.csv:9:6: « 20 »');
    expect(existsSync(out)).toBe(false);
  });
});
