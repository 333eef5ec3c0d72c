/**
 * The data build as a function of its inputs: source files (read as streams of bytes), real
 * boundaries and the commune gazetteer in; the files of public/data and the report out. It does
 * not touch the output folder, so the whole pipeline is testable in memory; scripts/build-data.ts
 * does the reading and the atomic write. Only a big innovations file goes partly to a temporary
 * file (`scratch`), to keep memory bounded.
 */
import type { Feature, Point } from 'geojson';
import type {
  BuildReport, DataMeta, DepartementCollection, DepartementDisplayFeature, Diagnostic, EtapeFeature, FileCounts,
  Innovation, InsetFrameFeature, VocabEntry,
} from '../domain/types';
import { MAX_VOCABULARY } from '../domain/points';
import { ETAPE_COLUMNS, ETAPE_OPTIONAL_COLUMNS, INNOVATION_COLUMNS, VOCAB_COLUMNS, VOCAB_OPTIONAL_COLUMNS } from '../domain/types';
import { EXPORT_COLUMNS } from '../domain/export';
import { allBytes, readCsvTable, streamCsvTable, type CsvSource } from './csv/table';
import { createDepartementResolver } from './departementCodes';
import { DEPARTEMENTS } from './cog';
import { type CommuneGazetteer, DepartementLocator } from './geocode';
import { insetFrames, toDisplayPosition } from '../domain/insets';
import { buildDisplayDepartements } from './boundaries';
import { foldText } from '../domain/normalize';
import type { CommuneNames } from '../domain/communes';
import {
  innovationCheck, rejectedKeys, RowsChecker, validateEtapes, validateVocabulary, VocabLookup, type RowsResult,
} from './validateRows';
import { defaultMeta, validateFeatureCollection, validateMeta } from './validateMeta';
import { InnovationStore } from './innovationStore';
import type { RecordStoreOptions } from './recordStore';

/** A source file: its path and its bytes, given as pieces (a file stream) that may be read twice. */
export interface SourceFile extends CsvSource {
  /** Last modification (dates the data when meta.json is absent). */
  modified?: Date;
}

/** A source file held in memory (tests, small files). */
export function bytesSource(path: string, bytes: Uint8Array, modified?: Date): SourceFile {
  return { path, pieces: () => [bytes], ...(modified ? { modified } : {}) };
}

export interface BuildInput {
  innovations?: SourceFile;
  etapes?: SourceFile;
  themes?: SourceFile;
  secteurs?: SourceFile;
  meta?: SourceFile;
  pays?: SourceFile;
  /** Real WGS84 boundaries (data/departements.geojson), already checked. */
  boundaries: DepartementCollection;
  gazetteer: CommuneGazetteer;
  /** Leave invalid rows out (still reported) instead of failing the build. */
  lenient?: boolean;
  now?: Date;
  /** Where the innovations' texts may go beyond a memory budget (default: all in memory). */
  scratch?: RecordStoreOptions;
}

/** What the build produces, ready to be written by writeOutputs (src/build/writeOutputs.ts). */
export interface BuiltData {
  /** Display departments (insets applied), zones and label points. */
  departements: DepartementDisplayFeature[];
  /** Valid innovations, compact, in display order once displayOrder() is called. Close it after writing. */
  innovations: InnovationStore;
  /** Valid stops with their display position, in file order. */
  etapes: EtapeFeature[];
  insets: InsetFrameFeature[];
  vocabulaires: { themes: VocabEntry[]; secteurs: VocabEntry[] };
  meta: DataMeta;
  /** pays.geojson as read (checked), BOM removed. */
  pays: string;
  report: BuildReport;
  /** Region code of each department code (COG). */
  regionOf: (departement: string) => string | undefined;
  /** Names of the gazetteer's communes by department (communes.json, for the proposal form). */
  communes: CommuneNames;
}

export interface BuildResult {
  /** False when the output must not be written (any error, or in lenient mode an error no row removal can fix). */
  ok: boolean;
  /** True when a file-level error (missing file or column, bad meta) fails the build even when lenient. */
  fatal: boolean;
  report: BuildReport;
  /** What to write, when ok. */
  data?: BuiltData;
  /** Facts worth telling that are not problems (defaults used). */
  notes: string[];
}

const baseName = (p: string) => p.split(/[\\/]/u).pop() ?? p;
const missing = (name: string, what: string): Diagnostic => ({
  severity: 'error', file: name, line: 1, column: 1, message: `fichier ${what} introuvable`,
});

/** Columns an export of the app adds (src/domain/export.ts): read back without a warning (optional columns are read). */
const EXPORT_EXTRA_COLUMNS = EXPORT_COLUMNS.filter((c) => !(INNOVATION_COLUMNS as readonly string[]).includes(c));

export async function buildData(input: BuildInput): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  // One by one: a file with a million rows in error would overflow push(...list)'s arguments.
  const add = (found: readonly Diagnostic[]) => {
    for (const d of found) diagnostics.push(d);
  };
  const files: Record<string, FileCounts> = {};
  /** Errors that leaving rows out cannot fix: the build fails even when lenient. */
  let fatal = false;

  async function readTable<C extends string>(source: SourceFile | undefined, name: string, columns: readonly C[], known: readonly string[] = []) {
    if (!source) {
      diagnostics.push(missing(name, name));
      fatal = true;
      return undefined;
    }
    const { table, diagnostics: found } = readCsvTable(await allBytes(source), source.path, columns, { known });
    add(found);
    if (!table) fatal = true;
    return table;
  }

  function keep<T>(source: SourceFile | undefined, name: string, result: RowsResult<T> | undefined): T[] {
    if (!result || !source) return [];
    files[baseName(source.path) || name] = result.counts;
    add(result.diagnostics);
    return result.items;
  }

  const vocab = async (source: SourceFile | undefined, name: string, what: string): Promise<[VocabEntry[], VocabLookup]> => {
    const table = await readTable(source, name, VOCAB_COLUMNS, VOCAB_OPTIONAL_COLUMNS);
    const entries = keep(source, name, table && validateVocabulary(table));
    if (source && entries.length > MAX_VOCABULARY) {
      diagnostics.push({ severity: 'error', file: source.path, line: 1, column: 1, message: `${entries.length} ${what}s : la carte en distingue ${MAX_VOCABULARY} au plus ; regroupez-en` });
      fatal = true;
    }
    const rejected = table ? rejectedKeys(table, new Set(entries.map((e) => e.id)), ['id', 'libelle']) : undefined;
    return [entries, new VocabLookup(entries, what, rejected, table !== undefined)];
  };
  const [themes, themeLookup] = await vocab(input.themes, 'themes.csv', 'thème');
  const [secteurs, secteurLookup] = await vocab(input.secteurs, 'secteurs.csv', 'secteur');

  const placement = {
    departements: createDepartementResolver(DEPARTEMENTS),
    locator: new DepartementLocator(input.boundaries),
    gazetteer: input.gazetteer,
  };
  const etapesTable = await readTable(input.etapes, 'etapes.csv', ETAPE_COLUMNS, ETAPE_OPTIONAL_COLUMNS);
  const etapes = keep(input.etapes, 'etapes.csv', etapesTable && validateEtapes(etapesTable, { ...placement, themes: themeLookup }));

  const regions = new Map(DEPARTEMENTS.map((d) => [d.code, d.region]));
  const regionOf = (code: string) => regions.get(code);
  const store = new InnovationStore({
    themes: themes.slice(0, MAX_VOCABULARY).map((t) => t.id),
    secteurs: secteurs.slice(0, MAX_VOCABULARY).map((t) => t.id),
    etapes: etapes.map((e) => e.id),
    regionOf,
  }, input.scratch);
  try {
    if (!input.innovations) {
      diagnostics.push(missing('innovations.csv', 'innovations.csv'));
      fatal = true;
    } else {
      // Read as a stream, each row checked and stored as soon as it is read: never the whole file in memory.
      const checker = new RowsChecker(innovationCheck({
        ...placement,
        themes: themeLookup,
        secteurs: secteurLookup,
        etapes: new Map(etapes.map((e) => [foldText(e.id), e.id])),
        rejectedEtapes: etapesTable ? rejectedKeys(etapesTable, new Set(etapes.map((e) => e.id)), ['id']) : undefined,
        etapesUsable: etapesTable !== undefined,
      }), (innovation: Innovation) => store.add(innovation));
      const { table, diagnostics: found } = await streamCsvTable(input.innovations, INNOVATION_COLUMNS, (row, columns) => checker.add(row, columns), { known: EXPORT_EXTRA_COLUMNS });
      add(found);
      if (!table) {
        fatal = true;
      } else {
        files[baseName(input.innovations.path) || 'innovations.csv'] = checker.counts;
        add(checker.diagnostics);
      }
    }

    const innovationCounts = input.innovations && files[baseName(input.innovations.path)];
    if (input.innovations && innovationCounts?.written === 0) {
      diagnostics.push({
        severity: 'warning', file: input.innovations.path, line: 1, column: 1,
        message: innovationCounts.read === 0
          ? 'aucune innovation : le fichier n’a que sa ligne d’en-tête ; la carte n’affichera aucune innovation (seulement les étapes)'
          : 'aucune innovation écrite : toutes les lignes sont en erreur ; la carte n’affichera aucune innovation (seulement les étapes)',
      });
    }

    let meta: DataMeta | undefined;
    const notes: string[] = [];
    if (!input.meta) {
      const csvDates = [input.innovations, input.etapes, input.themes, input.secteurs].flatMap((f) => (f?.modified ? [f.modified.getTime()] : []));
      meta = defaultMeta(new Date(csvDates.length > 0 ? Math.max(...csvDates) : (input.now ?? new Date()).getTime()));
      notes.push(`meta.json absent : valeurs par défaut (exemple : false, date_donnees : ${meta.date_donnees}, date du fichier CSV le plus récent, attributions standard) ; ajoutez meta.json pour les changer`);
    } else {
      const checked = validateMeta(new TextDecoder().decode(await allBytes(input.meta)), input.meta.path);
      add(checked.diagnostics);
      meta = checked.value;
    }
    let pays: string | undefined;
    if (!input.pays) {
      diagnostics.push(missing('pays.geojson', 'pays.geojson (fond de carte des pays voisins)'));
    } else {
      const text = new TextDecoder().decode(await allBytes(input.pays));
      const checked = validateFeatureCollection(text, input.pays.path);
      add(checked.diagnostics);
      if (checked.diagnostics.length === 0) pays = text.replace(/^\uFEFF/u, '');
    }
    if (!meta || pays === undefined) fatal = true;

    const report: BuildReport = {
      generatedAt: (input.now ?? new Date()).toISOString(),
      files,
      warnings: diagnostics.filter((d) => d.severity === 'warning'),
      errors: diagnostics.filter((d) => d.severity === 'error'),
    };
    const ok = !fatal && (report.errors.length === 0 || input.lenient === true);
    if (!ok || !meta || pays === undefined) {
      store.close();
      return { ok: false, fatal, report, notes };
    }
    store.displayOrder();
    return {
      ok,
      fatal,
      report,
      notes,
      data: {
        departements: buildDisplayDepartements(input.boundaries),
        innovations: store,
        etapes: etapes.map((properties) => displayFeature(properties)),
        insets: insetFrames(),
        vocabulaires: { themes, secteurs },
        meta,
        pays,
        report,
        regionOf,
        communes: input.gazetteer.names(),
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}

/** A point feature at its display position (inside its inset when overseas), real position kept in its properties. */
function displayFeature<P extends { departement: string; longitude: number; latitude: number }>(properties: P): Feature<Point, P> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: toDisplayPosition(properties.departement, [properties.longitude, properties.latitude]) }, properties };
}
