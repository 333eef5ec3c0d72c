/**
 * `npm run propositions` on proposition files as the form writes them (src/domain/propositions.ts):
 * located French errors, final ids, duplicates left out, the organisers' file kept in its
 * encoding, separator and line breaks, --dry-run, and the rebuilt data showing the proposition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { main } from '../../scripts/propositions';
import { main as buildData } from '../../scripts/build-data';
import { EMPTY_PROPOSITION, propositionCsv, provisionalId } from '../../src/domain/propositions';
import type { InnovationCollection, PropositionFields } from '../../src/domain/types';

const root = path.resolve(__dirname, '../..');
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'propositions-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

/** A copy of the shipped data folder, to add propositions to. */
function dataCopy(name: string): string {
  const dir = path.join(work, name);
  for (const file of ['innovations.csv', 'etapes.csv', 'themes.csv', 'secteurs.csv', 'meta.json']) {
    cpSync(path.join(root, 'data', file), path.join(dir, file));
  }
  return dir;
}

const proposition = (fields: Partial<PropositionFields>): PropositionFields => ({
  ...EMPTY_PROPOSITION,
  titre: 'Visio-guichet des services publics', description: 'Un guichet en visioconférence ; ouvert le samedi.',
  themes: 'e-administration|inclusion', secteurs: 'services-publics', departement: '43', commune: 'Yssingeaux',
  porteur: 'Mairie d’Yssingeaux', annee: '2009', site_web: 'https://exemple.fr/visio', contact: 'elu@mairie-exemple.fr',
  ...fields,
});

function writeProposition(name: string, fields: PropositionFields, id = provisionalId(new Date('2009-06-01T10:00:00Z'), () => 0.5)): string {
  const file = path.join(work, name);
  writeFileSync(file, propositionCsv(fields, id));
  return file;
}

describe('npm run propositions', () => {
  it('with --dry-run says which id each proposition would get, and writes nothing', async () => {
    const data = dataCopy('essai');
    const before = readFileSync(path.join(data, 'innovations.csv'));
    const file = writeProposition('proposition-43-visio.csv', proposition({}));
    const r = await run('--dry-run', '--data-dir', data, file);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toBe(`${file}:2: « Visio-guichet des services publics » serait ajoutée sous l’id i095 (contact : elu@mairie-exemple.fr)`);
    expect(r.stdout.at(-1)).toMatch(/--dry-run : rien n’a été écrit/u);
    expect(readFileSync(path.join(data, 'innovations.csv')).equals(before)).toBe(true);
  });

  it('appends the propositions with their final ids, which the data build then shows; a second run adds nothing', async () => {
    const data = dataCopy('ajout');
    const target = path.join(data, 'innovations.csv');
    const before = readFileSync(target);
    const first = writeProposition('proposition-43-visio.csv', proposition({}));
    const second = writeProposition('proposition-69-lyon.csv', proposition({
      titre: '=Cartes "ouvertes"', departement: '69', commune: '', latitude: '45,764', longitude: '4,8357', etape: 'e01', annee: '',
    }), 'proposition-2009-b');
    const r = await run('--data-dir', data, first, second);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout.slice(0, 2)).toEqual([
      `${first}:2: « Visio-guichet des services publics » ajoutée sous l’id i095 (contact : elu@mairie-exemple.fr)`,
      `${second}:2: « =Cartes "ouvertes" » ajoutée sous l’id i096 (contact : elu@mairie-exemple.fr)`,
    ]);
    const after = readFileSync(target);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const added = after.subarray(before.length).toString('utf8');
    // UTF-8, `;`, LF as the shipped file; the formula-looking title protected, the contact left out.
    expect(added).toBe([
      'i095;Visio-guichet des services publics;"Un guichet en visioconférence ; ouvert le samedi.";e-administration|inclusion;services-publics;43;Yssingeaux;;;Mairie d’Yssingeaux;2009;https://exemple.fr/visio;;',
      'i096;"\'=Cartes ""ouvertes""";"Un guichet en visioconférence ; ouvert le samedi.";e-administration|inclusion;services-publics;69;;45,764;4,8357;Mairie d’Yssingeaux;;https://exemple.fr/visio;e01;',
      '',
    ].join('\n'));

    const out = path.join(work, 'ajout-construit');
    const built = await buildData(['--data-dir', data, '--out', out, '--store', path.join(work, 'magasin')], { stdout: () => {}, stderr: () => {} });
    expect(built).toBe(0);
    const features = (JSON.parse(readFileSync(path.join(out, 'innovations.geojson'), 'utf8')) as InnovationCollection).features;
    const byId = new Map(features.map((f) => [f.properties.id, f.properties]));
    expect(byId.get('i095')).toMatchObject({ titre: 'Visio-guichet des services publics', departement: '43', position: 'commune', themes: ['e-administration', 'inclusion'] });
    expect(byId.get('i096')).toMatchObject({ titre: '=Cartes "ouvertes"', position: 'exact', latitude: 45.764, etape: 'e01' });
    expect(JSON.stringify(features)).not.toContain('mairie-exemple.fr');

    const again = await run('--data-dir', data, first);
    expect(again.code).toBe(0);
    expect(again.stderr).toEqual([
      `${first}:2:1: avertissement : proposition déjà présente dans ${target} (ligne ${before.toString('utf8').split('\n').length}, id i095) : même titre et même commune ; elle n’est pas ajoutée`,
    ]);
    expect(again.stdout.at(-1)).toMatch(/1 proposition\(s\) lue\(s\), 0 ajoutée\(s\), 1 déjà présente\(s\) ; .* est inchangé/u);
    expect(readFileSync(target).equals(after)).toBe(true);
  });

  it('reports each error at its file, line and column, and adds nothing', async () => {
    const data = dataCopy('erreurs');
    const before = readFileSync(path.join(data, 'innovations.csv'));
    const good = writeProposition('proposition-bonne.csv', proposition({ titre: 'Bonne' }));
    const bad = writeProposition('proposition-fautive.csv', proposition({
      titre: '', themes: 'robotique', annee: '09', latitude: '4,8357', longitude: '45,764', departement: '69', contact: 'elu@mairie',
    }));
    const r = await run('--data-dir', data, good, bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toEqual([
      `${bad}:2:2: titre manquant : cette colonne doit être remplie`,
      `${bad}:2:4: thème « robotique » inconnu : utilisez un id ou un libellé de themes.csv, séparés par |`,
      `${bad}:2:11: année « 09 » invalide : quatre chiffres attendus (ex. 2009)`,
      expect.stringMatching(new RegExp(`^${bad}:2:8: point \\(latitude 4,8357, longitude 45,764\\) hors du département Rhône \\(69\\).*inversées`, 'u')),
      `${bad}:2:14: adresse électronique « elu@mairie » invalide : écrivez-la en entier (ex. prenom.nom@mairie.fr)`,
      `5 erreur(s) : rien n’a été ajouté à ${path.join(data, 'innovations.csv')} ; corrigez les propositions (ou leur fichier) et relancez`,
    ]);
    expect(readFileSync(path.join(data, 'innovations.csv')).equals(before)).toBe(true);
  });

  it('keeps a Windows-1252 file with `,` and CRLF in its own encoding, separator and line breaks', async () => {
    const data = dataCopy('excel');
    const target = path.join(data, 'innovations.csv');
    const header = 'id,titre,description,themes,secteurs,departement,commune,latitude,longitude,porteur,annee,site_web,etape,trophee';
    writeFileSync(target, iconv.encode(`${header}\r\nA-7,Télécentre,,ent,education,43,Brioude,,,,2008,,,2009 – Santé`, 'win1252'));
    const before = readFileSync(target);
    const file = writeProposition('proposition-43-ecole.csv', proposition({ titre: 'École numérique, rurale', commune: 'Le Puy-en-Velay', latitude: '45,0437', longitude: '3,8852' }));
    const r = await run('--data-dir', data, file);
    expect(r.stderr).toEqual([]);
    expect(r.stdout[0]).toMatch(/sous l’id A-8 /u);
    const added = readFileSync(target).subarray(before.length);
    expect(iconv.decode(added, 'win1252')).toBe('\r\nA-8,"École numérique, rurale",Un guichet en visioconférence ; ouvert le samedi.,e-administration|inclusion,services-publics,43,Le Puy-en-Velay,45.0437,3.8852,Mairie d’Yssingeaux,2009,https://exemple.fr/visio,,\r\n');
    expect(added.includes(0xc3)).toBe(false);
  });

  it('refuses a character Windows-1252 cannot hold, and a trophy when the file has no trophee column', async () => {
    const data = dataCopy('cp1252');
    const target = path.join(data, 'innovations.csv');
    writeFileSync(target, iconv.encode(`${readFileSync(target, 'utf8').replaceAll('’', "'")}`, 'win1252'));
    const greek = writeProposition('proposition-grec.csv', proposition({ titre: 'Réseau Ωmega' }));
    const r = await run('--data-dir', data, greek);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(/innovations\.csv:1:1: caractère « Ω » impossible à écrire en Windows-1252/u);

    const laureate = path.join(work, 'proposition-laureat.csv');
    writeFileSync(laureate, propositionCsv(proposition({}), 'p1').replace('contact\r\n', 'contact;trophee\r\n').replace(/\r\n$/u, ';2009\r\n'));
    const withoutTrophee = dataCopy('sans-trophee');
    writeFileSync(path.join(withoutTrophee, 'innovations.csv'), 'id;titre;description;themes;secteurs;departement;commune;latitude;longitude;porteur;annee;site_web;etape\n');
    const t = await run('--data-dir', withoutTrophee, laureate);
    expect(t.code).toBe(1);
    expect(t.stderr[0]).toMatch(/proposition-laureat\.csv:2:15: trophée donné, mais .* n’a pas de colonne trophee/u);
  });

  it('says how to call it', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--inconnu', 'x')).stderr[0]).toMatch(/Unknown option|inconnu/u);
  });
});
