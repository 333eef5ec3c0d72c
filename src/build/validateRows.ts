/**
 * Row-level checks of the four CSV files: each row becomes a typed value or is rejected with
 * located errors. Counts keep read = written + rejected for every file. The rules of an
 * innovation's fields are shared with the proposal form (src/domain/innovationRules.ts); what
 * needs the boundaries or the gazetteer (placement) is here.
 */
import type {
  Diagnostic, Etape, ETAPE_COLUMNS, FileCounts, INNOVATION_COLUMNS, Innovation, OptionalColumn, RealPosition, VocabEntry,
  VOCAB_COLUMNS,
} from '../domain/types';
import type { CsvColumns, CsvTable } from './csv/table';
import type { CsvRow } from './csv/parse';
import { detach } from './detach';
import type { DepartementResolver } from './departementCodes';
import type { CommuneGazetteer, DepartementLocator, LonLat } from './geocode';
import { round6 } from './geocode';
import { foldText } from '../domain/normalize';
import { fastFold } from './fastFold';
import { parseColour, parseDate, parseEdition } from '../domain/validateValues';
import { communeNotFoundMessage, departementPhrase, noPlaceMessage } from '../domain/communes';
import {
  checkInnovationFields, formatDegrees, parseCoordinates, requiredCell, VocabIndex, type FieldReport, type InnovationRulesContext,
} from '../domain/innovationRules';

export type VocabColumn = (typeof VOCAB_COLUMNS)[number];
export type EtapeColumn = (typeof ETAPE_COLUMNS)[number];
export type InnovationColumn = (typeof INNOVATION_COLUMNS)[number];

export interface RowsResult<T> {
  items: T[];
  counts: FileCounts;
  diagnostics: Diagnostic[];
}

/** Column index by folded name, per file read. */
const extraColumns = new WeakMap<object, Map<string, number>>();

/**
 * Collects the diagnostics of one row, located by column name. Optional columns (trophee,
 * edition) are read like the others, as empty cells when the file does not have them.
 */
export class RowReport<C extends string> implements FieldReport<C | OptionalColumn> {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly table: CsvColumns<C>, readonly row: CsvRow) {}

  cell(column: C | OptionalColumn): string {
    const i = (this.table.index as Partial<Record<string, number>>)[column];
    if (i !== undefined) return this.row.cells[i] ?? '';
    return this.extra(column) ?? '';
  }

  /** Index of a column outside the expected ones (an export's extras, optional columns), by name. */
  private extraIndex(name: string): number | undefined {
    let found = extraColumns.get(this.table);
    if (!found) {
      found = new Map(this.table.header.map((h, i) => [foldText(h), i] as const).reverse());
      extraColumns.set(this.table, found);
    }
    return found.get(fastFold(name));
  }

  /** Cell of a column outside the expected ones (an export's extras), by name; undefined when absent. */
  extra(name: string): string | undefined {
    const i = this.extraIndex(name);
    return i === undefined ? undefined : (this.row.cells[i] ?? '');
  }

  column(column: C | OptionalColumn): number {
    const i = (this.table.index as Partial<Record<string, number>>)[column] ?? this.extraIndex(column);
    return i === undefined ? 1 : i + 1;
  }

  error(column: C | OptionalColumn, message: string): void {
    this.add('error', column, message);
  }

  warning(column: C | OptionalColumn, message: string): void {
    this.add('warning', column, message);
  }

  private add(severity: Diagnostic['severity'], column: C | OptionalColumn, message: string): void {
    // Messages quote cells: they must not keep the file's text alive (see detach).
    this.diagnostics.push({ severity, file: this.table.file, line: this.row.line, column: this.column(column), message: detach(message) });
  }

  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

/** What a file's rows check: one row to a value, or undefined with errors in the report. */
export type RowCheck<C extends string, T> = (r: RowReport<C>) => T | undefined;

/**
 * Checks rows one at a time as they are read, hands each valid value to `keep`, and counts:
 * read = written + rejected at every moment.
 */
export class RowsChecker<C extends string, T> {
  readonly diagnostics: Diagnostic[] = [];
  private read = 0;
  private written = 0;
  private rejected = 0;

  constructor(private readonly check: RowCheck<C, T>, private readonly keep: (item: T) => void) {}

  add(row: CsvRow, columns: CsvColumns<C>): void {
    this.read += 1;
    if (row.problem) {
      this.diagnostics.push(row.problem);
      this.rejected += 1;
      return;
    }
    const r = new RowReport(columns, row);
    const item = this.check(r);
    // A rejected row's warnings would only add noise to the errors that must be fixed first.
    for (const d of r.diagnostics) if (!r.failed || d.severity === 'error') this.diagnostics.push(d);
    if (r.failed || item === undefined) {
      this.rejected += 1;
    } else {
      this.written += 1;
      this.keep(item);
    }
  }

  get counts(): FileCounts {
    return { read: this.read, written: this.written, rejected: this.rejected };
  }
}

/** Runs `check` on every row of a table read whole; a row is written when it raised no error. */
function validateRows<C extends string, T>(table: CsvTable<C>, check: RowCheck<C, T>): RowsResult<T> {
  const items: T[] = [];
  const checker = new RowsChecker(check, (item: T) => items.push(item));
  for (const row of table.rows) checker.add(row, table);
  return { items, counts: checker.counts, diagnostics: checker.diagnostics };
}

/**
 * Folded ids (and labels, for vocabularies) of the rows of a table that were left out, with their
 * line, so that references to them can say why they fail.
 */
export function rejectedKeys<C extends string>(
  table: CsvTable<C>, kept: ReadonlySet<string>, columns: readonly [C, ...C[]],
): Map<string, number> {
  const keys = new Map<string, number>();
  for (const row of table.rows) {
    const id = row.cells[table.index[columns[0]]] ?? '';
    if (id === '' || kept.has(id)) continue;
    for (const column of columns) {
      const value = row.cells[table.index[column]] ?? '';
      if (value !== '' && !keys.has(foldText(value))) keys.set(foldText(value), row.line);
    }
  }
  return keys;
}

/** Remembers ids already taken in a file (compared without case or accents, as references are). */
class IdRegistry {
  private readonly lines = new Map<string, number>();

  claim<C extends string>(r: RowReport<C>, column: C): string | undefined {
    const id = r.cell(column);
    if (id === '') {
      r.error(column, 'identifiant manquant : chaque ligne a un id unique');
      return undefined;
    }
    const key = fastFold(id);
    const previous = this.lines.get(key);
    if (previous !== undefined) {
      r.error(column, `identifiant « ${id} » déjà utilisé ligne ${previous} : chaque id doit être unique`);
      return undefined;
    }
    this.lines.set(detach(key), r.row.line);
    return id;
  }
}

/** themes.csv, secteurs.csv */
export function validateVocabulary(table: CsvTable<VocabColumn>): RowsResult<VocabEntry> {
  const ids = new IdRegistry();
  const labels = new Map<string, number>();
  return validateRows(table, (r) => {
    const id = ids.claim(r, 'id');
    const libelle = requiredCell(r, 'libelle', 'libellé manquant');
    if (libelle !== '') {
      const previous = labels.get(foldText(libelle));
      if (previous !== undefined) r.error('libelle', `libellé « ${libelle} » déjà utilisé ligne ${previous} : les libellés servent aussi de référence, ils doivent être uniques`);
      else labels.set(foldText(libelle), r.row.line);
    }
    const couleur = parseColour(r.cell('couleur'));
    if (!couleur.ok) r.error('couleur', couleur.message);
    if (id === undefined || !couleur.ok) return undefined;
    // Optional: an empty or missing English label leaves the English interface the French one.
    const libelleEn = r.cell('libelle_en').trim();
    return libelleEn === '' ? { id, libelle, couleur: couleur.value } : { id, libelle, couleur: couleur.value, libelle_en: libelleEn };
  });
}

/**
 * Finds a vocabulary entry by id or label, without case or accents (the shared VocabIndex), with
 * caches: a file of a million rows repeats the same few spellings.
 */
export class VocabLookup extends VocabIndex {
  /** The same few spellings recur on every row: fold each once. */
  private readonly folded = new Map<string, string>();
  /** Cells already resolved without error: a file repeats the same few combinations. */
  private readonly resolved = new Map<string, string[]>();

  /**
   * Resolve a `|`-separated cell into ids (order kept, duplicates dropped); errors for unknown
   * parts. The array returned may be shared between rows: do not change it.
   */
  override resolveList<C extends string>(r: FieldReport<C>, column: C, atLeastOne = false): string[] {
    const cell = r.cell(column);
    const known = this.resolved.get(cell);
    if (known !== undefined && (known.length > 0 || !atLeastOne)) return known;
    const errors = countingErrors(r);
    const ids = this.resolveParts(errors.report, column, atLeastOne, (part) => this.fold(part));
    if (errors.count === 0 && this.resolved.size < 10_000) this.resolved.set(detach(cell), ids);
    return ids;
  }

  private fold(part: string): string {
    let key = this.folded.get(part);
    if (key === undefined) {
      key = foldText(part);
      if (this.folded.size < 10_000) this.folded.set(detach(part), detach(key));
    }
    return key;
  }
}

/** A report that counts the errors and warnings passed through it. */
function countingErrors<C extends string>(r: FieldReport<C>): { report: FieldReport<C>; count: number } {
  const counted = {
    count: 0,
    report: {
      cell: (column: C) => r.cell(column),
      error: (column: C, message: string) => {
        counted.count += 1;
        r.error(column, message);
      },
      warning: (column: C, message: string) => {
        counted.count += 1;
        r.warning(column, message);
      },
    },
  };
  return counted;
}

export interface PlacementContext {
  departements: DepartementResolver;
  locator: DepartementLocator;
  gazetteer: CommuneGazetteer;
}

type PlacedColumn = 'departement' | 'commune' | 'latitude' | 'longitude';

const formatKm = (km: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);

/**
 * Department code and real position of a row: its coordinates (checked against the department),
 * else its commune in the gazetteer, else the department's label point (with a warning).
 */
function placeRow(r: RowReport<PlacedColumn>, ctx: PlacementContext): { code: string; position: RealPosition } | undefined {
  const dep = ctx.departements.resolve(r.cell('departement'));
  if (!dep.ok) {
    r.error('departement', dep.message);
    return undefined;
  }
  const code = dep.code;
  const nom = departementPhrase(ctx.departements.nameOf(code), code);
  // A file exported by the app says how each point was placed: coordinates it computed from the
  // commune or the department are not the organisers' own, and are computed again.
  const computed = ['commune', 'departement'].includes(r.extra('position') ?? '');
  const coordinates = parseCoordinates(r, computed ? '' : r.cell('latitude'), computed ? '' : r.cell('longitude'));
  if (!coordinates) return undefined;

  if (coordinates.kind === 'point') {
    const { latitude, longitude } = coordinates;
    const point: LonLat = [longitude, latitude];
    const found = ctx.locator.check(code, point);
    if (!found.inside) {
      const swapped = ctx.locator.check(code, [latitude, longitude]);
      const where = ctx.locator.containing(point);
      const detail = swapped.inside
        ? ' ; latitude et longitude semblent inversées : échangez-les'
        : where !== undefined
          ? ` : ce point est dans ${ctx.locator.nameOf(where) ?? where} (${where}) ; vérifiez le département ou les coordonnées`
          : ' ; vérifiez les coordonnées (degrés décimaux WGS84, ex. latitude 45,764 longitude 4,836)';
      r.error('latitude', `point (latitude ${formatDegrees(latitude)}, longitude ${formatDegrees(longitude)}) hors ${nom}, à ${formatKm(found.distanceKm)} km${detail}`);
      return undefined;
    }
    // Six decimals (10 cm), as the exports write them: an exported file reads back to the same point.
    return { code, position: { longitude: round6(longitude), latitude: round6(latitude), position: 'exact' } };
  }

  const commune = r.cell('commune');
  if (commune !== '') {
    const known = ctx.gazetteer.find(code, commune);
    if (known) return { code, position: { longitude: known.lonLat[0], latitude: known.lonLat[1], position: 'commune' } };
  }
  const label = ctx.locator.labelPoint(code);
  if (!label) {
    r.error('departement', `pas de contour ${nom} dans le fichier des départements`);
    return undefined;
  }
  if (commune !== '') {
    r.warning('commune', communeNotFoundMessage(commune, nom));
  } else {
    r.warning('departement', noPlaceMessage(nom));
  }
  return { code, position: { longitude: round6(label[0]), latitude: round6(label[1]), position: 'departement' } };
}

export interface EtapeContext extends PlacementContext {
  themes: VocabLookup;
}

/** etapes.csv */
export function validateEtapes(table: CsvTable<EtapeColumn>, ctx: EtapeContext): RowsResult<Etape> {
  const ids = new IdRegistry();
  return validateRows(table, (r) => {
    const id = ids.claim(r, 'id');
    const date = parseDate(r.cell('date'));
    if (!date.ok) r.error('date', date.message);
    // A stop's subject may not be announced yet: an empty intitulé is allowed.
    const intitule = r.cell('intitule');
    const themes = ctx.themes.resolveList(r, 'themes');
    const placed = placeRow(r, ctx);
    const edition = date.ok ? parseEdition(r.cell('edition'), date.value) : undefined;
    if (edition && !edition.ok) r.error('edition', edition.message);
    if (id === undefined || !date.ok || !placed || !edition?.ok) return undefined;
    return {
      id, date: date.value, commune: r.cell('commune'), departement: placed.code, intitule, themes, ...placed.position,
      edition: edition.value,
    };
  });
}

export interface InnovationContext extends PlacementContext, InnovationRulesContext {}

/** innovations.csv, a row at a time (see RowsChecker). */
export function innovationCheck(ctx: InnovationContext): RowCheck<InnovationColumn, Innovation> {
  const ids = new IdRegistry();
  return (r) => {
    const id = ids.claim(r, 'id');
    const fields = checkInnovationFields(r, ctx);
    const placed = placeRow(r, ctx);
    if (id === undefined || !placed) return undefined;
    const { titre, themes, secteurs, annee, site_web, etape, trophee } = fields;
    return {
      id, titre, description: r.cell('description'), themes, secteurs, departement: placed.code,
      commune: r.cell('commune'), ...placed.position, porteur: r.cell('porteur'), annee, site_web, etape, trophee,
    };
  };
}

/** innovations.csv read whole. */
export function validateInnovations(table: CsvTable<InnovationColumn>, ctx: InnovationContext): RowsResult<Innovation> {
  return validateRows(table, innovationCheck(ctx));
}
