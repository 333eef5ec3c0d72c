/**
 * npm run propositions -- [--dry-run] [--data-dir DIR] [--boundaries FILE] FICHIER…
 *
 * Checks visitors' proposition files (proposition-…csv, from the map's "Proposer une innovation"
 * form) with the data build's rules, gives each its final id and appends them to
 * DIR/innovations.csv (default data/), keeping that file's encoding, separator and line breaks.
 * A proposition already there (same title, same commune) is reported and left out. Any error:
 * nothing is written (exit 1). --dry-run: only reports. The file is replaced in one step (a new
 * file written beside it, then renamed over it): a reader sees the old file or the new one.
 */
import { chmod, copyFile, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mergePropositions, type PropositionSource } from '../src/build/propositions';
import { consoleIo, formatDiagnostic, loadBoundaries, loadGazetteer, systemProblem, type Io } from './build-data';
import { runMain } from './runMain';

const USAGE = 'usage : npm run propositions -- [--dry-run] [--data-dir DOSSIER] [--boundaries FICHIER] FICHIER…';

/** A file read whole when asked (proposition files and vocabularies are small; innovations.csv is read twice as a stream). */
function source(file: string): PropositionSource {
  return { path: file, pieces: async function* pieces() { yield new Uint8Array(await readFile(file)); } };
}

/** Appends `bytes` to `file` by writing a whole new copy beside it, then renaming it over the file. */
async function appendAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.propositions-${process.pid}.tmp`);
  try {
    await copyFile(file, temporary);
    const handle = await open(temporary, 'a');
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, (await stat(file)).mode);
    await rename(temporary, file);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  let values;
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: 'data' },
        boundaries: { type: 'string' },
      },
    }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`aucun fichier de proposition donné\n${USAGE}`);
    return 2;
  }
  const dataDir = values['data-dir'];
  const target = path.join(dataDir, 'innovations.csv');
  const boundariesFile = values.boundaries ?? path.join('data', 'departements.geojson');
  for (const file of [...files, target, ...['etapes.csv', 'themes.csv', 'secteurs.csv'].map((n) => path.join(dataDir, n))]) {
    if (!existsSync(file)) {
      io.stderr(`${file}:1:1: fichier introuvable`);
      return 1;
    }
  }
  const boundaries = await loadBoundaries(boundariesFile, io);
  if (!boundaries) return 1;

  let result;
  try {
    result = await mergePropositions({
      propositions: files.map(source),
      innovations: source(target),
      etapes: source(path.join(dataDir, 'etapes.csv')),
      themes: source(path.join(dataDir, 'themes.csv')),
      secteurs: source(path.join(dataDir, 'secteurs.csv')),
      boundaries,
      gazetteer: await loadGazetteer(),
    });
  } catch (e) {
    const problem = systemProblem(e);
    if (!problem) throw e;
    io.stderr(`${problem} ; rien n’a été ajouté à ${target}`);
    return 1;
  }

  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of [...errors, ...result.diagnostics.filter((d) => d.severity === 'warning')]) io.stderr(formatDiagnostic(d));
  if (errors.length > 0) {
    io.stderr(`${errors.length} erreur(s) : rien n’a été ajouté à ${target} ; corrigez les propositions (ou leur fichier) et relancez`);
    return 1;
  }
  const verb = values['dry-run'] ? 'serait ajoutée' : 'ajoutée';
  for (const a of result.accepted) {
    io.stdout(`${a.file}:${a.line}: « ${a.titre} » ${verb} sous l’id ${a.id}${a.contact ? ` (contact : ${a.contact})` : ''}`);
  }
  const summary = `${result.read} proposition(s) lue(s), ${result.accepted.length} ${values['dry-run'] ? 'à ajouter' : 'ajoutée(s)'}, ${result.duplicates} déjà présente(s)`;
  if (values['dry-run']) {
    io.stdout(`${summary} ; --dry-run : rien n’a été écrit dans ${target}`);
    return 0;
  }
  if (result.accepted.length === 0) {
    io.stdout(`${summary} ; ${target} est inchangé`);
    return 0;
  }
  try {
    await appendAtomically(target, result.append);
  } catch (e) {
    const problem = systemProblem(e);
    if (!problem) throw e;
    io.stderr(`${problem} ; ${target} est resté tel quel`);
    return 1;
  }
  io.stdout(`${summary} dans ${target} ; relancez « npm run data » pour les voir sur la carte`);
  return 0;
}

runMain(import.meta.url, main);
